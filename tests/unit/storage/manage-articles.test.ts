import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { readImportFile, sourceFromPaste } from '@/lib/import/import-sources';
import { CorpusSearch } from '@/lib/search/corpus-search';
import { restoreFromTrash } from '@/lib/storage/article-trash';
import { parseCorpusPack } from '@/lib/storage/corpus-pack';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { readImportCatalog } from '@/lib/storage/imported-corpus';
import { loadSearchSegments } from '@/lib/storage/imported-search-index';
import {
  deleteArticles,
  exportCorpus,
  exportFileName,
  readResetScope,
  resetToSeedCorpus,
  updateArticleMetadata,
} from '@/lib/storage/manage-articles';
import { acceptCandidate, dismissCandidate, saveEntity } from '@/lib/storage/reader-entities';
import { addFeedback, updateSettings } from '@/lib/storage/settings-store';
import {
  contextFor,
  fileFrom,
  freshDatabase,
  generatedMarkdownFile,
  index,
  snapshot,
  storeFor,
} from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('manage');
});
afterEach(async () => {
  await db.delete();
});

/** A database with something in every table the reader fills. */
async function populate(target: NewsContextDatabase): Promise<void> {
  const context = await contextFor(target);
  await importSources(context, [
    ...(await Promise.all([1, 2, 3].map((n) => readImportFile(generatedMarkdownFile(n), noHtml)))),
    sourceFromPaste({ text: 'Karim Sfeir met Joseph Aoun in Tyre.\n\nKarim Sfeir left.' }, 'note.txt'),
  ]);
  const store = storeFor(target);
  const catalog = await readImportCatalog(target, store.index);
  await acceptCandidate(
    store,
    { key: 'karim sfeir', name: 'Karim Sfeir' },
    { name: 'Karim Sfeir', kind: 'person', aliases: ['Sfeir'] },
    catalog,
  );
  await dismissCandidate(store, 'rania haddad');
  const naqoura = store.index.entities.find((entity) => entity.id === 'naqoura');
  if (naqoura) await saveEntity(store, { ...naqoura, role: 'Border town, edited by the reader' });
  await addFeedback(target, 'tom-barrack', 'not-this', 'example.org', 5);
  await updateSettings(target, (settings) => ({ ...settings, highlightMode: 'every', pausedSites: ['a.org'] }));
}

/** What search finds in the imported articles, for a few queries. */
async function searchResults(target: NewsContextDatabase): Promise<string[][]> {
  const catalog = await readImportCatalog(target, index);
  const { segments } = await loadSearchSegments(target);
  const search = new CorpusSearch({ index, entities: catalog.entities, segments });
  return ['Karim Sfeir', 'Naqoura ceasefire', 'report 2', 'border town'].map((query) =>
    search
      .search(query, {}, { articles: 100 })
      .articles.map((hit) => `${hit.article.id} ${hit.score.toFixed(6)}`)
      .sort(),
  );
}

describe('export', () => {
  it('export → wipe → import gives back the same database, deep-equal', async () => {
    await populate(db);
    const before = await snapshot(db);
    const searchedBefore = await searchResults(db);
    expect(searchedBefore.flat().length).toBeGreaterThan(0);
    const pack = await exportCorpus({ db }, new Date('2026-03-10T09:00:00Z'));
    expect(pack.articles).toHaveLength(4);
    expect(pack.entities).toHaveLength(2);

    await db.delete();
    db = await freshDatabase('manage-restored');
    const text = JSON.stringify(pack, null, 2);
    expect(parseCorpusPack(JSON.parse(text), exportFileName()).ok).toBe(true);
    const context = await contextFor(db);
    const { outcomes } = await importSources(context, [await readImportFile(fileFrom('export.json', text), noHtml)]);
    expect(outcomes[0]).toMatchObject({ status: 'imported', problems: [], duplicates: [] });
    expect(await snapshot(db)).toEqual(before);
    expect(await searchResults(db)).toEqual(searchedBefore);
  });

  it('names the file by date', () => {
    expect(exportFileName(new Date('2026-03-10T09:00:00Z'))).toBe('news-context-2026-03-10.json');
  });
});

describe('managing imported articles', () => {
  it('deletes with everything derived into the trash, and undoes the deletion exactly', async () => {
    await populate(db);
    const before = await snapshot(db);
    const [article] = await db.articles.orderBy('id').toArray();
    if (!article) throw new Error('no article');
    expect(await deleteArticles(storeFor(db), [article.id, 'no-such-article'])).toEqual([article.id]);
    expect(await db.articles.get(article.id)).toBeUndefined();
    expect(await db.mentions.where('articleId').equals(article.id).count()).toBe(0);
    expect(await db.articleExcerpts.get(article.id)).toBeUndefined();
    expect(await db.trash.get(article.id)).toEqual({ articleId: article.id, deletedAt: 1_773_133_200_000, article });

    const back = await restoreFromTrash(storeFor(db), [article.id]);
    expect(back.restored.map((entry) => entry.id)).toEqual([article.id]);
    expect(await snapshot(db)).toEqual(before);
    // Undoing twice does not double it: the trash no longer holds it.
    expect((await restoreFromTrash(storeFor(db), [article.id])).restored).toEqual([]);
  });

  it('edits metadata; excerpts follow, a bad field is explained, a taken URL refused', async () => {
    await populate(db);
    const [first, second] = await db.articles.orderBy('id').toArray();
    if (!first || !second) throw new Error('articles missing');
    const store = storeFor(db);
    const edit = {
      title: 'Renamed',
      outlet: 'L’Orient-Le Jour',
      byline: 'Jane Roe',
      date: 'March 2026',
      url: 'https://www.lorientlejour.com/a/1',
      language: 'fr',
    };
    const saved = await updateArticleMetadata(store, first.id, edit);
    expect(saved.ok).toBe(true);
    const stored = await db.articles.get(first.id);
    expect(stored).toMatchObject({
      title: 'Renamed',
      outlet: 'L’Orient-Le Jour',
      site: 'lorientlejour.com',
      published: { date: '2026-03', precision: 'month', basis: 'stated', reason: 'given in your edit' },
      text: first.text,
      textHash: first.textHash,
    });
    const excerpts = (await db.articleExcerpts.get(first.id))?.excerpts ?? [];
    expect(excerpts.length).toBeGreaterThan(0);
    expect(excerpts.every((excerpt) => excerpt.outlet === 'L’Orient-Le Jour' && excerpt.date === '2026-03')).toBe(true);

    const bad = await updateArticleMetadata(store, second.id, { ...edit, title: '', date: 'soon', url: 'ftp://x' });
    expect(bad.ok ? [] : bad.problems.map((problem) => problem.field)).toEqual(['title', 'date', 'url']);
    const taken = await updateArticleMetadata(store, second.id, { ...edit, title: 'Other' });
    expect(taken.ok ? '' : taken.problems[0]?.reason).toMatch(/already the address of “Renamed”/);
  });

  it('resets to the seed corpus: the trash and hidden entities go by default, settings stay', async () => {
    await populate(db);
    const [article] = await db.articles.orderBy('id').toArray();
    await deleteArticles(storeFor(db), [article?.id ?? '']);
    await addFeedback(db, 'naqoura', 'dont-highlight', '', 6);
    expect(await readResetScope(storeFor(db))).toEqual({
      articles: 3,
      trashedArticles: 1,
      entities: 2,
      candidateDecisions: 2,
      hiddenEntities: 2,
      pausedSites: 1,
      extraSites: 0,
      highlightMode: 'every',
    });
    await resetToSeedCorpus(storeFor(db));
    for (const table of [
      db.articles,
      db.mentions,
      db.articleExcerpts,
      db.entities,
      db.candidateDecisions,
      db.searchSegments,
      db.trash,
      db.feedback,
    ]) {
      expect(await table.count(), table.name).toBe(0);
    }
    expect((await db.settings.get('settings'))?.value.highlightMode).toBe('every');
  });

  it('resets keeping hidden entities, or clearing settings, as the reader chose', async () => {
    await populate(db);
    await resetToSeedCorpus(storeFor(db), { hiddenEntities: false, settings: true });
    expect(await db.articles.count()).toBe(0);
    expect((await db.feedback.toArray()).map((row) => row.entityId)).toEqual(['tom-barrack']);
    expect(await db.settings.count()).toBe(0);
    const scope = await readResetScope(storeFor(db));
    expect([scope.highlightMode, scope.pausedSites, scope.hiddenEntities]).toEqual(['first', 0, 1]);
  });
});
