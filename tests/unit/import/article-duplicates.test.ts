import { describe, expect, it } from 'vitest';
import { bundledArticles, SeenArticles, storedArticlesLike } from '@/lib/import/article-duplicates';
import { importSources } from '@/lib/import/import-articles';
import { sourceFromPaste } from '@/lib/import/import-sources';
import { textHashOf } from '@/lib/text/article-fingerprint';
import { contextFor, databasePerTest, generatedArticle, index } from '../../support/import-fixtures';

/** The one duplicate check (lib/import/article-duplicates.ts), alone and through a whole import. */

const database = databasePerTest();

describe('duplicates', () => {
  it('reports duplicates (same text, same URL; in the corpus, the database and the batch) and never doubles them', async () => {
    const db = database();
    const context = await contextFor(db);
    const first = generatedArticle(1);
    await importSources(context, [sourceFromPaste({ title: first.title, url: first.url, text: first.text })]);
    const seed = index.articles[0];
    if (!seed) throw new Error('no seed');
    const { outcomes } = await importSources(context, [
      // Same text, other spacing, case and quotes.
      sourceFromPaste({ title: 'Copy', text: first.text.toUpperCase().replace(/ /g, '  ') }, 'copy.txt'),
      // Same address, tracking noise added, other text.
      sourceFromPaste({ url: `${first.url}?utm_source=x#top`, text: generatedArticle(2).text }, 'same-url.txt'),
      // A bundled article.
      sourceFromPaste({ title: seed.title, text: seed.text }, 'seed.txt'),
      // Twice in one batch: the first is kept.
      sourceFromPaste({ text: generatedArticle(3).text }, 'new.txt'),
      sourceFromPaste({ text: generatedArticle(3).text }, 'new-again.txt'),
    ]);
    expect(outcomes.map((outcome) => [outcome.file, outcome.status, outcome.duplicates[0]?.duplicate])).toEqual([
      ['copy.txt', 'nothing-new', { reason: 'text', of: first.title, where: 'your imported articles' }],
      ['same-url.txt', 'nothing-new', { reason: 'url', of: first.title, where: 'your imported articles' }],
      ['seed.txt', 'nothing-new', { reason: 'text', of: seed.title, where: 'bundled corpus' }],
      ['new.txt', 'imported', undefined],
      ['new-again.txt', 'nothing-new', { reason: 'text', of: expect.any(String), where: 'this import' }],
    ]);
    expect(await db.articles.count()).toBe(2);
  });

  it('gives same text as the reason over same URL, and never matches an article on a missing URL', () => {
    const seen = new SeenArticles('this import');
    seen.add({ textHash: 'hash-a', urlKey: 'example.org/a' }, 'A');
    seen.add({ textHash: 'hash-b', urlKey: '' }, 'B');
    expect(seen.find({ textHash: 'hash-a', urlKey: 'example.org/other' })).toEqual({
      reason: 'text',
      of: 'A',
      where: 'this import',
    });
    expect(seen.find({ textHash: 'hash-c', urlKey: 'example.org/a' })).toEqual({
      reason: 'url',
      of: 'A',
      where: 'this import',
    });
    expect(seen.find({ textHash: 'hash-c', urlKey: '' })).toBeUndefined();
  });

  it('knows every bundled article, hashing the index once', async () => {
    const bundled = await bundledArticles(index);
    expect(await bundledArticles(index)).toBe(bundled);
    const seed = index.articles[0];
    if (!seed) throw new Error('no bundled article');
    expect(bundled.find({ textHash: await textHashOf(seed.text), urlKey: '' })).toEqual({
      reason: 'text',
      of: seed.title,
      where: 'bundled corpus',
    });
  });

  it('finds stored articles by text or by URL, and nothing in an empty database', async () => {
    const db = database();
    const context = await contextFor(db);
    expect((await storedArticlesLike(db, [{ textHash: 'x', urlKey: 'y' }])).find({ textHash: 'x', urlKey: 'y' })).toBe(
      undefined,
    );
    const first = generatedArticle(1);
    await importSources(context, [sourceFromPaste({ title: first.title, url: first.url, text: first.text })]);
    const [stored] = await db.articles.toArray();
    if (!stored) throw new Error('nothing stored');
    const byUrl = { textHash: 'other', urlKey: stored.urlKey };
    const byText = { textHash: stored.textHash, urlKey: '' };
    const found = await storedArticlesLike(db, [byUrl, byText]);
    expect(found.find(byUrl)).toEqual({ reason: 'url', of: first.title, where: 'your imported articles' });
    expect(found.find(byText)).toEqual({ reason: 'text', of: first.title, where: 'your imported articles' });
  });
});
