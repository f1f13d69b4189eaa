import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { commitPreparedFiles, type ImportProgress, importSources, prepareImport } from '@/lib/import/import-articles';
import { type ImportSource, readImportFile, sourceFromPaste } from '@/lib/import/import-sources';
import { CORPUS_PACK_FORMAT } from '@/lib/storage/corpus-pack';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { importedExcerptsOf } from '@/lib/storage/imported-corpus';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import {
  contextFor,
  fileFrom,
  freshDatabase,
  generatedArticle,
  generatedMarkdownFile,
  index,
  snapshot,
} from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

async function sourcesOf(...files: Parameters<typeof readImportFile>[0][]): Promise<ImportSource[]> {
  return Promise.all(files.map((file) => readImportFile(file, noHtml)));
}

const ARTICLE_MD = `---
title: "Aoun receives envoys at Baabda"
outlet: Naharnet
author: Rania Haddad
date: 2026-03-12
url: https://www.naharnet.com/stories/en/900?utm_source=rss
---

# Aoun receives envoys at Baabda

President Joseph Aoun received two envoys at Baabda on Monday, his office said, as Hezbollah rejected direct talks.

<script>alert("x")</script>The meeting in Naqoura was **technical**, officials said. [More](https://example.org).
`;

describe('importing', () => {
  it('stores a Markdown article cleaned, matched and quoted by cards, in one go', async () => {
    const context = await contextFor(db);
    const { outcomes } = await importSources(context, await sourcesOf(fileFrom('baabda.md', ARTICLE_MD)));
    expect(outcomes[0]).toMatchObject({ file: 'baabda.md', status: 'imported', problems: [], duplicates: [] });

    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({
      title: 'Aoun receives envoys at Baabda',
      titleSource: 'text',
      outlet: 'Naharnet',
      byline: 'Rania Haddad',
      language: 'en',
      url: 'https://www.naharnet.com/stories/en/900?utm_source=rss',
      site: 'naharnet.com',
      urlKey: 'naharnet.com/stories/en/900',
      published: { date: '2026-03-12', precision: 'day', basis: 'stated', reason: 'given in the front matter' },
      origin: 'import',
      importedAt: 1_773_133_200_000,
    });
    // Cleaned: the heading equal to the title, markup and emphasis are gone.
    expect(article?.text).toBe(
      'President Joseph Aoun received two envoys at Baabda on Monday, his office said, as Hezbollah rejected direct talks.\n\nThe meeting in Naqoura was technical, officials said. More.',
    );
    expect(article?.textHash).toMatch(/^[0-9a-f]{64}$/);
    const mentioned = (
      await db.mentions
        .where('articleId')
        .equals(article?.id ?? '')
        .toArray()
    ).map((m) => m.entityId);
    expect(mentioned).toEqual(expect.arrayContaining(['joseph-aoun', 'hezbollah', 'naqoura']));

    // Its known entities gain its excerpts in their cards.
    const imported = await importedExcerptsOf(db, 'naqoura');
    expect(imported.articles).toEqual([{ id: article?.id, title: 'Aoun receives envoys at Baabda' }]);
    const catalog = new CorpusCatalog({
      index,
      importedArticles: imported.articles,
      importedExcerpts: new Map([['naqoura', imported.excerpts]]),
    });
    const card = catalog.card('naqoura', 10);
    expect(card?.excerpts.some((excerpt) => excerpt.articleTitle === 'Aoun receives envoys at Baabda')).toBe(true);
  });

  it('shows a preview that writes nothing', async () => {
    const context = await contextFor(db);
    const before = await snapshot(db);
    const files = await prepareImport(context, await sourcesOf(generatedMarkdownFile(1), generatedMarkdownFile(2)));
    expect(files.map((file) => file.articles.length)).toEqual([1, 1]);
    expect(files[0]?.articles[0]?.entityIds).toEqual(expect.arrayContaining(['nawaf-salam', 'naqoura']));
    expect(await snapshot(db)).toEqual(before);
  });

  it('takes a title, a date and an outlet from what the source gives when fields are left blank', async () => {
    const context = await contextFor(db);
    await importSources(context, [
      sourceFromPaste({
        url: 'https://www.lorientlejour.com/article/1',
        text: 'Talks resume in Naqoura\n\nPublished: March 9, 2026\n\nLes délégations se sont réunies à Naqoura pour la troisième fois.',
      }),
    ]);
    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({
      title: 'Talks resume in Naqoura',
      titleSource: 'text',
      outlet: 'lorientlejour.com',
      byline: 'unknown',
      language: 'fr',
      published: { date: '2026-03-09', precision: 'day', basis: 'stated' },
    });
  });

  it('stores no tag start even where cleaning builds one (Markdown’s "_" dropped from "<_/b")', async () => {
    const context = await contextFor(db);
    const [file] = await prepareImport(context, [
      sourceFromPaste({
        title: 'Naqoura talks',
        text: 'President Joseph Aoun met envoys in Naqoura. Then 3Ko<_/eii3 tortor, and Hezbollah said nothing.',
      }),
    ]);
    const text = file?.articles[0]?.article.text ?? '';
    expect(text).toContain('Hezbollah said nothing');
    expect(text).not.toMatch(/<[A-Za-z/!?]/);
  });

  it('decodes character references in pasted text and .txt files, but keeps a corpus pack’s text as written', async () => {
    const context = await contextFor(db);
    const encoded =
      'Salam&#8217;s cabinet met in Naqoura &amp; Beirut. &Eacute;lys&eacute;e officials wrote &lt;b&gt; literally.';
    const files = await prepareImport(context, [
      sourceFromPaste({ title: 'Q&amp;A on Naqoura', text: encoded }),
      await readImportFile(fileFrom('scraped.txt', encoded), noHtml),
      await readImportFile(
        fileFrom(
          'pack.json',
          JSON.stringify({
            format: CORPUS_PACK_FORMAT,
            schemaVersion: 1,
            articles: [{ title: 'On HTML', text: 'Write &amp; in HTML for an ampersand, in Naqoura.' }],
          }),
        ),
        noHtml,
      ),
    ]);
    expect(files.map((file) => file.problems)).toEqual([[], [], []]);
    const [pasted, scraped, packed] = files.map((file) => file.articles[0]?.article);
    expect(pasted?.title).toBe('Q&A on Naqoura');
    for (const article of [pasted, scraped]) {
      expect(article?.text).toContain('Salam’s cabinet met in Naqoura & Beirut. Élysée officials wrote');
      expect(article?.text).not.toMatch(/&\w+;|<b>/);
    }
    expect(packed?.text).toContain('Write &amp; in HTML');
  });

  it('reports duplicates (same text, same URL; in the corpus, the database and the batch) and never doubles them', async () => {
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

  it('refuses a whole corpus pack that fails its schema, naming each field, and stores nothing', async () => {
    const context = await contextFor(db);
    const pack = {
      format: CORPUS_PACK_FORMAT,
      schemaVersion: 1,
      articles: [{ title: 'Fine', text: 'Fine text.' }, { title: 'No text' }],
    };
    const { outcomes } = await importSources(context, await sourcesOf(fileFrom('pack.json', JSON.stringify(pack))));
    expect(outcomes[0]?.status).toBe('nothing-new');
    expect(outcomes[0]?.problems).toEqual([{ file: 'pack.json', field: 'article 2 › text', reason: 'is missing' }]);
    expect(await db.articles.count()).toBe(0);
  });

  it('imports a corpus pack’s entities with its articles, matched with them in the same transaction', async () => {
    const context = await contextFor(db);
    const pack = {
      format: CORPUS_PACK_FORMAT,
      schemaVersion: 1,
      articles: [{ title: 'Envoy visits', text: 'Morgan Ortagus met Joseph Aoun in Baabda.' }],
      entities: [
        {
          entity: {
            id: 'morgan-ortagus',
            kind: 'person',
            name: 'Morgan Ortagus',
            aliases: [{ text: 'Morgan Ortagus' }],
            role: 'US deputy envoy',
            background: 'Named in later talks.',
          },
        },
      ],
    };
    const { outcomes, catalog } = await importSources(
      context,
      await sourcesOf(fileFrom('p.json', JSON.stringify(pack))),
    );
    expect(outcomes[0]).toMatchObject({ status: 'imported', entities: 1 });
    expect(catalog.entityById.get('morgan-ortagus')?.name).toBe('Morgan Ortagus');
    expect((await db.entities.get('morgan-ortagus'))?.origin).toBe('user');
    expect((await importedExcerptsOf(db, 'morgan-ortagus')).excerpts).toHaveLength(1);
  });

  it('reports progress with counts, and cancels cleanly between transactions', async () => {
    const context = await contextFor(db);
    const sources = await sourcesOf(...Array.from({ length: 12 }, (_, n) => generatedMarkdownFile(n)));
    const prepared = await prepareImport(context, sources);
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const result = await commitPreparedFiles(context, prepared, {
      signal: controller.signal,
      groupArticles: 1,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.done === 5) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.outcomes).toHaveLength(5);
    expect(result.notAttempted).toHaveLength(7);
    expect(seen.at(-1)).toMatchObject({ phase: 'importing', done: 5, total: 12, imported: 5, failed: 0 });
    // Every file before the cancel is complete; none after it was touched.
    expect(await db.articles.count()).toBe(5);
    const ids = new Set((await db.articles.toArray()).map((article) => article.id));
    const mentionArticles = new Set((await db.mentions.toArray()).map((group) => group.articleId));
    expect([...mentionArticles].every((id) => ids.has(id))).toBe(true);
    expect(mentionArticles.size).toBe(5);
  });

  it('commits small files together, and when that fails retries them one by one so only the bad file is lost', async () => {
    const context = await contextFor(db);
    const prepared = await prepareImport(context, await sourcesOf(...[1, 2, 3].map((n) => generatedMarkdownFile(n))));
    // Sabotage the second file: a key IndexedDB refuses, so the group's transaction fails.
    const victim = prepared[1]?.articles[0];
    if (!victim) throw new Error('not prepared');
    victim.article = { ...victim.article, id: undefined as unknown as string };
    const { outcomes } = await commitPreparedFiles(context, prepared);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'failed', 'imported']);
    expect(outcomes[1]?.problems.at(-1)?.reason).toMatch(/Nothing from this file was saved/);
    expect(await db.articles.count()).toBe(2);
  });

  it('cancels preparation too, keeping only whole files', async () => {
    const context = await contextFor(db);
    const sources = await sourcesOf(...Array.from({ length: 40 }, (_, n) => generatedMarkdownFile(n)));
    const controller = new AbortController();
    const files = await prepareImport(context, sources, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done >= 16) controller.abort();
      },
    });
    expect(files.length).toBeGreaterThanOrEqual(16);
    expect(files.length).toBeLessThan(40);
    expect(files.every((file) => file.articles.length === 1)).toBe(true);
  });

  it('explains write failures in words, a full disk included', () => {
    expect(describeWriteFailure(new DOMException('full', 'QuotaExceededError'), 'import')).toMatch(
      /no storage space left/,
    );
    expect(describeWriteFailure({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, 'import')).toMatch(
      /no storage/,
    );
    expect(describeWriteFailure(new Error('boom'), 'import')).toMatch(/Nothing from this file was saved/);
  });
});

describe('import speed (fake-indexeddb; a quick figure, the benchmark runs in Chromium)', () => {
  it('imports 1 and 1,000 generated articles, without slowing down as the corpus grows', async () => {
    const context = await contextFor(db);
    // Warm up the code paths (JIT, the bundled fingerprints) before timing.
    await importSources(context, await sourcesOf(generatedMarkdownFile(100_000)));

    const one = await sourcesOf(generatedMarkdownFile(0));
    let started = performance.now();
    await importSources(context, one);
    const singleMs = performance.now() - started;

    const thousand = await sourcesOf(...Array.from({ length: 1000 }, (_, n) => generatedMarkdownFile(n + 1)));
    started = performance.now();
    const { outcomes } = await importSources(context, thousand);
    const batchMs = performance.now() - started;
    expect(outcomes.filter((outcome) => outcome.status === 'imported')).toHaveLength(1000);
    expect(await db.articles.count()).toBe(1002);

    console.log(
      `News Context import timing (fake-indexeddb, Node): 1 article ${singleMs.toFixed(1)} ms; 1,000 articles ${(batchMs / 1000).toFixed(2)} s (${(batchMs / 1000).toFixed(2)} ms per article)`,
    );
    // No absolute times (machines differ); a batch must not cost more per article than a single import.
    expect(batchMs / 1000).toBeLessThan(singleMs * 3);
  }, 300_000);
});
