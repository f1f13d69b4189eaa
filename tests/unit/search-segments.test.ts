import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsContextDatabase, type StoredArticle } from '@/lib/database';
import { type ArticleSearchDocument, articleSearchOptions } from '@/lib/search-options';
import {
  combineSerializedIndexes,
  indexImportedArticles,
  loadSearchSegments,
  parseSearchSegment,
  rebuildSearchSegments,
  SEARCH_SEGMENT_FORMAT_VERSION,
  SEGMENT_CAPACITY,
} from '@/lib/search-segments';

const words = ['naqoura', 'talks', 'hezbollah', 'barrack', 'beirut', 'ceasefire', 'aoun', 'israel', 'lebanon', 'envoy'];
const documentArbitrary = fc.array(
  fc.record({
    title: fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((list) => list.join(' ')),
    text: fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((list) => list.join(' ')),
  }),
  { minLength: 1, maxLength: 12 },
);

function build(documents: ArticleSearchDocument[]): MiniSearch<ArticleSearchDocument> {
  const search = new MiniSearch<ArticleSearchDocument>(articleSearchOptions);
  search.addAll(documents);
  return search;
}

describe('combining serialized indexes', () => {
  it('scores exactly as one index built from all the documents', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.nat(11), fc.constantFrom(...words), (raw, cut, query) => {
        const documents = raw.map((doc, i) => ({ id: `a${i}`, entityNames: '', ...doc }));
        const split = Math.min(cut, documents.length);
        const combined = MiniSearch.loadJS<ArticleSearchDocument>(
          combineSerializedIndexes([build(documents.slice(0, split)).toJSON(), build(documents.slice(split)).toJSON()]),
          articleSearchOptions,
        );
        const reference = build(documents);
        const scores = (search: MiniSearch<ArticleSearchDocument>) =>
          search
            .search(query)
            .map((result) => `${result.id}:${result.score.toFixed(9)}`)
            .sort();
        expect(scores(combined)).toEqual(scores(reference));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the first of two documents with the same id', () => {
    const first = build([{ id: 'x', title: 'naqoura', entityNames: '', text: '' }]).toJSON();
    const second = build([{ id: 'x', title: 'beirut', entityNames: '', text: '' }]).toJSON();
    const combined = MiniSearch.loadJS(combineSerializedIndexes([first, second]), articleSearchOptions);
    expect(combined.documentCount).toBe(1);
    expect(combined.search('beirut')).toEqual([]);
  });

  it('refuses an index built with other fields, saying what to do', () => {
    const other = new MiniSearch({ fields: ['body'] });
    other.add({ id: 'y', body: 'x' });
    expect(() => combineSerializedIndexes([build([]).toJSON(), other.toJSON()])).toThrow(/rebuildSearchSegments/);
  });
});

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

  it('opens a new segment when the last one is full, and rewrites only the open one', async () => {
    const many = Array.from({ length: SEGMENT_CAPACITY + 1 }, (_, i) => article(`a${i}`, `Envoy ${i} in Beirut`));
    await indexImportedArticles(db, many, new Map(), []);
    const rows = await db.searchSegments.toArray();
    expect(rows.map((row) => row.articleIds.length)).toEqual([SEGMENT_CAPACITY, 1]);
    const full = rows[0]?.index;
    await indexImportedArticles(db, [article('late', 'Talks in Naqoura')], new Map());
    const after = await db.searchSegments.toArray();
    expect(after[0]?.index).toBe(full);
    expect(after[1]?.articleIds).toEqual([`a${SEGMENT_CAPACITY}`, 'late']);
  });

  it('stores a versioned JSON string per segment', async () => {
    await indexImportedArticles(db, [article('a', 'Talks in Naqoura')], new Map());
    const [row] = await db.searchSegments.toArray();
    expect(typeof row?.index).toBe('string');
    expect(parseSearchSegment(row as { index: unknown })?.formatVersion).toBe(SEARCH_SEGMENT_FORMAT_VERSION);
    expect(parseSearchSegment({ index: '{not json' })).toBeUndefined();
  });
});
