import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MERGE_FACTOR,
  mergeSearchSegments,
  parseSearchSegment,
  SEARCH_SEGMENT_FORMAT_VERSION,
} from '@/lib/search/search-segments';
import { NewsContextDatabase, type StoredArticle } from '@/lib/storage/database';
import {
  indexImportedArticles,
  loadSearchSegments,
  rebuildSearchSegments,
  unindexArticles,
} from '@/lib/storage/imported-search-index';

describe('stored segments', () => {
  let db: NewsContextDatabase;
  beforeEach(() => {
    db = new NewsContextDatabase(`search-segments-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const article = (id: string, text: string): StoredArticle => ({
    id,
    title: id,
    titleSource: 'ours',
    outlet: 'unknown',
    byline: 'unknown',
    language: 'en',
    published: { date: null, precision: 'unknown', basis: 'inferred', reason: 'test' },
    text,
    origin: 'import',
    textHash: id,
    importedAt: 0,
    site: '',
    urlKey: '',
  });

  it('indexes articles that no segment covers (after the v1 → v2 migration), and drops stale segments', async () => {
    await db.articles.bulkAdd([article('a', 'Talks in Naqoura'), article('b', 'Envoys in Beirut')]);
    await db.searchSegments.put({ id: 1, articleIds: ['a'], index: JSON.stringify({ formatVersion: 0 }) });
    expect((await loadSearchSegments(db)).needsRebuild).toBe(true);
    expect(await rebuildSearchSegments(db, new Map())).toBe(2);
    const { segments, needsRebuild } = await loadSearchSegments(db);
    expect(needsRebuild).toBe(false);
    expect(segments.flatMap((segment) => segment.articles.map((summary) => summary.id)).sort()).toEqual(['a', 'b']);
    expect(await rebuildSearchSegments(db, new Map())).toBe(0);
    expect(await rebuildSearchSegments(db, new Map(), { from: 'scratch' })).toBe(2);
    expect((await db.searchSegments.toArray()).map((row) => row.articleIds.length)).toEqual([2]);
  });

  it('writes one new segment per import, never rewriting older ones, and merges four small ones', async () => {
    await indexImportedArticles(db, [article('a0', 'Envoy in Beirut')], new Map(), []);
    const [first] = await db.searchSegments.toArray();
    for (let i = 1; i < MERGE_FACTOR - 1; i++) {
      await indexImportedArticles(db, [article(`a${i}`, `Envoy ${i} in Beirut`)], new Map(), []);
    }
    const rows = await db.searchSegments.toArray();
    expect(rows.map((row) => row.articleIds)).toEqual([['a0'], ['a1'], ['a2']]);
    expect(rows[0]).toEqual(first);
    await indexImportedArticles(db, [article('late', 'Talks in Naqoura')], new Map());
    const after = await db.searchSegments.toArray();
    expect(after.map((row) => row.articleIds)).toEqual([['a0', 'a1', 'a2', 'late']]);
    const { segments, needsRebuild } = await loadSearchSegments(db);
    expect(needsRebuild).toBe(false);
    expect(segments[0]?.search.documentIds).toEqual(['a0', 'a1', 'a2', 'late']);
  });

  it('keeps the number of segments small over many single imports', async () => {
    for (let i = 0; i < 40; i++) await indexImportedArticles(db, [article(`a${i}`, `Envoy ${i}`)], new Map(), []);
    const rows = await db.searchSegments.toArray();
    expect(rows.length).toBeLessThanOrEqual(6);
    expect(rows.flatMap((row) => row.articleIds).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `a${i}`).sort());
  });

  it('takes removed articles out of the segments that hold them, and only those', async () => {
    await indexImportedArticles(
      db,
      [article('a', 'Talks in Naqoura'), article('b', 'Envoys in Beirut')],
      new Map(),
      [],
    );
    await indexImportedArticles(db, [article('c', 'Barrack in Beirut')], new Map(), []);
    const untouched = (await db.searchSegments.toArray())[1];
    await db.articles.bulkAdd([article('b', 'Envoys in Beirut'), article('c', 'Barrack in Beirut')]);
    await unindexArticles(db, ['a']);
    const rows = await db.searchSegments.toArray();
    expect(rows.map((row) => row.articleIds)).toEqual([['b'], ['c']]);
    expect(rows[1]).toEqual(untouched);
    const { segments, needsRebuild } = await loadSearchSegments(db);
    expect(needsRebuild).toBe(false);
    expect(segments[0]?.search.terms).not.toContain('naqoura');
  });

  it('stores typed arrays and the summaries as one string, versioned; drops anything else', async () => {
    await indexImportedArticles(db, [article('a', 'Talks in Naqoura')], new Map());
    const [row] = await db.searchSegments.toArray();
    const stored = row?.index as { formatVersion: number; articles: unknown; search: { postingDocuments: unknown } };
    expect(stored.formatVersion).toBe(SEARCH_SEGMENT_FORMAT_VERSION);
    expect(typeof stored.articles).toBe('string');
    expect(Object.prototype.toString.call(stored.search.postingDocuments)).toBe('[object Int32Array]');
    expect(parseSearchSegment(row as { index: unknown })?.articles.map((summary) => summary.id)).toEqual(['a']);
    expect(parseSearchSegment({ index: '{not json' })).toBeUndefined();
    // A version 1 segment (MiniSearch JSON) is stale: dropped, and its articles indexed again.
    expect(
      parseSearchSegment({ index: JSON.stringify({ formatVersion: 1, articles: [], search: {} }) }),
    ).toBeUndefined();
    expect(parseSearchSegment({ index: { ...stored, articles: '[]' } })).toBeUndefined();
  });

  it('merges segments as one index of all their articles, first copy of an id kept', async () => {
    await indexImportedArticles(db, [article('a', 'Talks in Naqoura')], new Map());
    await indexImportedArticles(db, [article('b', 'Envoys in Beirut'), article('a', 'Other text')], new Map());
    const { segments } = await loadSearchSegments(db);
    const merged = mergeSearchSegments(segments);
    expect(merged.articles.map((summary) => summary.id)).toEqual(['a', 'b']);
    expect(merged.search.documentIds).toEqual(['a', 'b']);
    expect(merged.search.terms).not.toContain('other');
  });
});
