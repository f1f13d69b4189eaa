import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { commitPreparedFiles } from '@/lib/import/commit-import';
import { readImportFile, sourceFromPaste } from '@/lib/import/import-sources';
import { prepareImport } from '@/lib/import/prepare-import';
import { CorpusSearch } from '@/lib/search/corpus-search';
import type { NewsContextDatabase } from '@/lib/storage/database';
import {
  buildImportCatalog,
  corpusTransaction,
  deriveArticleData,
  entitiesSignature,
  importedExcerptsOf,
  readImportCatalog,
  rematchImportedArticles,
} from '@/lib/storage/imported-corpus';
import { loadSearchSegments, rebuildSearchSegments } from '@/lib/storage/imported-search-index';
import { acceptCandidate, saveEntity } from '@/lib/storage/reader-entities';
import { contextFor, freshDatabase, generatedMarkdownFile, index, storeFor } from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('incremental');
});
afterEach(async () => {
  await db.delete();
});

async function importGenerated(from: number, to: number, groupArticles = 1): Promise<void> {
  const context = await contextFor(db);
  const sources = await Promise.all(
    Array.from({ length: to - from }, (_, n) => readImportFile(generatedMarkdownFile(from + n), noHtml)),
  );
  await commitPreparedFiles(context, await prepareImport(context, sources), { groupArticles });
}

/** Derived rows in a comparable form. */
async function derivedRows() {
  const mentions = (await db.mentions.toArray()).map((row) => JSON.stringify(row)).sort();
  const excerpts = (await db.articleExcerpts.toArray())
    .flatMap((row) => row.excerpts.map((excerpt) => JSON.stringify(excerpt)))
    .sort();
  return { mentions, excerpts };
}

async function searchResults(queries: readonly string[]) {
  const catalog = await readImportCatalog(db, index);
  const { segments, needsRebuild } = await loadSearchSegments(db);
  expect(needsRebuild).toBe(false);
  const search = new CorpusSearch({ index, entities: catalog.entities, segments });
  return queries.map((query) =>
    search
      .search(query, {}, { articles: 1000 })
      .articles.map((hit) => `${hit.article.id} ${hit.score.toFixed(6)}`)
      .sort(),
  );
}

describe('the excerpts the background adds to cards', () => {
  it('come from the imported articles, for bundled entities and the reader’s alike', async () => {
    await importGenerated(0, 2);
    const accepted = await acceptCandidate(
      storeFor(db),
      { key: 'karim sfeir', name: 'Karim Sfeir' },
      { name: 'Karim Sfeir', kind: 'person', aliases: [] },
      await readImportCatalog(db, index),
    );
    if (!accepted.ok) throw new Error('refused');
    const cardOf = async (entityId: string) => {
      const { excerpts, articles } = await importedExcerptsOf(db, entityId);
      const catalog = new CorpusCatalog({
        index,
        userEntities: await db.entities.toArray(),
        importedArticles: articles,
        importedExcerpts: new Map([[entityId, excerpts]]),
      });
      return catalog.card(entityId, 50);
    };
    const sfeir = await cardOf('karim-sfeir');
    expect(sfeir?.name).toBe('Karim Sfeir');
    expect(sfeir?.excerpts.length).toBeGreaterThan(0);
    expect(sfeir?.excerpts.every((excerpt) => /report [01]$/.test(excerpt.articleTitle))).toBe(true);
    expect((await cardOf('naqoura'))?.excerpts.some((excerpt) => /report [01]$/.test(excerpt.articleTitle))).toBe(true);
    expect((await importedExcerptsOf(db, 'nobody')).excerpts).toEqual([]);
  });
});

describe('incremental indexing of imported articles', () => {
  it('gives the same mentions, excerpts and search results as a full rebuild', async () => {
    // One file at a time, with the reader's entities changing in between: the worst case for drift.
    await importGenerated(0, 12);
    const store = storeFor(db);
    await acceptCandidate(
      store,
      { key: 'morgan ortagus', name: 'Morgan Ortagus' },
      { name: 'Morgan Ortagus', kind: 'person', aliases: [] },
      await readImportCatalog(db, index),
    );
    await importGenerated(12, 24);
    const naqoura = index.entities.find((entity) => entity.id === 'naqoura');
    if (!naqoura) throw new Error('naqoura missing');
    await saveEntity(store, { ...naqoura, aliases: [...naqoura.aliases, { text: 'Tyre', lang: 'en' }] });
    await importGenerated(24, 40, 7);

    const incremental = await derivedRows();
    const queries = ['Naqoura', 'Morgan Ortagus', 'Ortagus Tyre', 'ceasefire withdrawal', 'report 17', 'Karim'];
    const searchedIncrementally = await searchResults(queries);
    expect(searchedIncrementally.some((ids) => ids.length > 0)).toBe(true);

    // From scratch: every article matched with the final entities, the search index rebuilt.
    const catalog = await readImportCatalog(db, index);
    const articles = await db.articles.toArray();
    const fromScratch = articles.map((article) => deriveArticleData(article, catalog));
    expect(incremental).toEqual({
      mentions: fromScratch.flatMap((data) => data.mentions.map((row) => JSON.stringify(row))).sort(),
      excerpts: fromScratch.flatMap((data) => data.excerpts.map((row) => JSON.stringify(row))).sort(),
    });
    await rebuildSearchSegments(db, catalog.entityById, { from: 'scratch' });
    expect(await searchResults(queries)).toEqual(searchedIncrementally);
  }, 120_000);

  it('matches again only the articles an entity change affects', async () => {
    await importGenerated(0, 3);
    const context = await contextFor(db);
    await commitPreparedFiles(
      context,
      await prepareImport(context, [sourceFromPaste({ title: 'Short', text: 'Hezbollah said nothing.' })]),
    );
    const before = await db.entities.toArray();
    const catalog = buildImportCatalog(index, before);
    const store = storeFor(db);
    // Nothing changed: nothing rewritten.
    expect(await corpusTransaction(db, () => rematchImportedArticles(db, catalog, store.search))).toEqual([]);
    // An entity some articles mention and others do not.
    const byEntity = new Map<string, Set<string>>();
    for (const group of await db.mentions.toArray()) {
      byEntity.set(group.entityId, (byEntity.get(group.entityId) ?? new Set()).add(group.articleId));
    }
    const [entityId, mentioning] = [...byEntity].find(([, articles]) => articles.size > 0 && articles.size < 4) ?? [];
    const entity = index.entities.find((candidate) => candidate.id === entityId);
    if (!entity || !mentioning) throw new Error('no partly mentioned entity');
    // Its role changes: its mentions do not, but the articles naming it are indexed again, and only those.
    const edited = buildImportCatalog(index, [
      { id: entity.id, origin: 'override', entity: { ...entity, role: 'Edited role' }, updatedAt: 9 },
    ]);
    expect(entitiesSignature(edited.userEntities)).not.toBe(entitiesSignature(before));
    const rewritten = await corpusTransaction(db, () => rematchImportedArticles(db, edited, store.search, [entity.id]));
    expect(new Set(rewritten)).toEqual(mentioning);
  });
});
