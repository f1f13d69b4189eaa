import type { MentionGroup } from '../model/index-schema';
import type { Entity } from '../model/knowledge-base';
import {
  buildSearchSegment,
  mergeSearchSegments,
  parseSearchSegment,
  SEGMENT_CAPACITY,
  type SearchSegment,
  segmentKey,
  segmentRow,
  segmentSequence,
  segmentsToMerge,
} from '../search/search-segments';
import type { NewsContextDatabase, StoredArticle } from './database';
import type { ImportedSearchIndex } from './imported-corpus';

/**
 * The imported articles' search index in the database: segments
 * (`lib/search/search-segments.ts` owns their format and how they merge) in
 * the `searchSegments` table. The importer's calls run inside its write
 * transaction, so articles, mentions and index are saved together or not at
 * all (issue #5 ↔ issue #4).
 */
export const importedSearchIndex: ImportedSearchIndex = {
  add: (db, articles, catalog, mentions) => indexImportedArticles(db, articles, catalog.entityById, mentions),
  remove: (db, articleIds) => unindexArticles(db, articleIds),
  rebuild: async (db, catalog) => {
    await rebuildSearchSegments(db, catalog.entityById, { from: 'scratch' });
  },
};

/**
 * Merges segments while {@link MERGE_FACTOR} of one size class exist whose
 * articles fit in one segment ({@link SEGMENT_CAPACITY}): the oldest of the
 * smallest class first, then again if the merged one completes a larger
 * class. Reads the keys, and only the rows it merges. Stale rows are left
 * for {@link rebuildSearchSegments}.
 */
async function compactSegments(db: NewsContextDatabase): Promise<void> {
  const keys = (await db.searchSegments.toCollection().primaryKeys()) as number[];
  const unreadable = new Set<number>();
  for (;;) {
    const chosen = segmentsToMerge(keys, unreadable);
    if (!chosen) return;
    const rows = await db.searchSegments.bulkGet(chosen);
    const segments: SearchSegment[] = [];
    const merged: number[] = [];
    rows.forEach((row, position) => {
      const segment = row ? parseSearchSegment(row) : undefined;
      const key = chosen[position] as number;
      if (segment) {
        segments.push(segment);
        merged.push(key);
      } else unreadable.add(key);
    });
    if (segments.length < 2) continue;
    const segment = mergeSearchSegments(segments);
    const sequence = segmentSequence(keys.reduce((max, key) => Math.max(max, key), 0)) + 1;
    const key = segmentKey(sequence, segment.articles.length);
    await db.searchSegments.bulkDelete(merged);
    await db.searchSegments.put(segmentRow(key, segment));
    keys.splice(0, keys.length, ...keys.filter((old) => !merged.includes(old)), key);
  }
}

/**
 * Adds imported articles to the search index: they get one new segment of
 * their own (or several, past {@link SEGMENT_CAPACITY}); no existing segment
 * is rewritten, except when small ones are merged (see {@link MERGE_FACTOR}).
 *
 * The importer calls this inside its write transaction, after writing the
 * articles and their mentions, so articles and index are saved together or
 * not at all. The transaction must include `db.searchSegments` (and
 * `db.mentions` when `mentions` is not given). Called outside a transaction,
 * it opens its own.
 *
 * The articles must not be in the index yet: to index an article again (its
 * text or its entities changed), call {@link unindexArticles} first.
 *
 * @param entityById Every entity, bundled and the reader's own: articles are found by the names of those they mention.
 * @param mentions The articles' mention groups; read from `db.mentions` when not given.
 * @example await db.transaction('rw', db.tables, async () => {
 *   await db.articles.bulkAdd(articles);
 *   await db.mentions.bulkPut(mentions);
 *   await indexImportedArticles(db, articles, catalog.entityById, mentions);
 * });
 */
export async function indexImportedArticles(
  db: NewsContextDatabase,
  articles: readonly StoredArticle[],
  entityById: ReadonlyMap<string, Entity>,
  mentions?: readonly MentionGroup[],
): Promise<void> {
  if (articles.length === 0) return;
  const tables = mentions ? [db.searchSegments] : [db.searchSegments, db.mentions];
  await db.transaction('rw', tables, async () => {
    const groups =
      mentions ??
      (await db.mentions
        .where('articleId')
        .anyOf(articles.map((article) => article.id))
        .toArray());
    const lastKey = (await db.searchSegments.toCollection().lastKey()) as number | undefined;
    let sequence = lastKey === undefined ? 1 : segmentSequence(lastKey) + 1;
    for (let from = 0; from < articles.length; from += SEGMENT_CAPACITY) {
      const segment = buildSearchSegment(articles.slice(from, from + SEGMENT_CAPACITY), groups, entityById);
      await db.searchSegments.put(segmentRow(segmentKey(sequence++, segment.articles.length), segment));
    }
    await compactSegments(db);
  });
}

/**
 * Takes deleted articles out of the search index: each segment that holds
 * one is rewritten without it (or deleted when it is left empty). Call it in
 * the transaction that deletes the articles, with `db.searchSegments` in it.
 *
 * @example await unindexArticles(db, ['my-article-id']);
 */
export async function unindexArticles(db: NewsContextDatabase, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const removed = new Set(articleIds);
  await db.transaction('rw', db.searchSegments, async () => {
    const rows = await db.searchSegments.toArray();
    for (const row of rows) {
      if (!row.articleIds.some((id) => removed.has(id))) continue;
      const segment = parseSearchSegment(row);
      await db.searchSegments.delete(row.id);
      if (!segment) {
        // A stale segment loses its articles to the rebuild anyway.
        await db.searchSegments.put({ ...row, articleIds: row.articleIds.filter((id) => !removed.has(id)) });
        continue;
      }
      const remaining = mergeSearchSegments([segment], (id) => !removed.has(id));
      if (remaining.articles.length === 0) continue;
      // Same place in the order; the key's count follows the segment's new size.
      const key = segmentKey(segmentSequence(row.id), remaining.articles.length);
      await db.searchSegments.put(segmentRow(key, remaining));
    }
  });
}

/**
 * Indexes every imported article that no current segment covers: after the
 * v1→v2 database migration (v1 stored no index), after a change of the
 * segment format (stale segments are dropped first), or after a failed
 * write. With `{ from: 'scratch' }`, drops every segment first and indexes
 * all imported articles again (after a reset, or when the entities changed
 * for all of them). Returns how many articles it indexed.
 *
 * Runs in its own transaction over articles, mentions and search segments,
 * or in the caller's if that includes them.
 *
 * @example const indexed = await rebuildSearchSegments(db, catalog.entityById);
 */
export async function rebuildSearchSegments(
  db: NewsContextDatabase,
  entityById: ReadonlyMap<string, Entity>,
  options: { from?: 'missing' | 'scratch' } = {},
): Promise<number> {
  return db.transaction('rw', [db.articles, db.mentions, db.searchSegments], async () => {
    const covered = new Set<string>();
    if (options.from === 'scratch') await db.searchSegments.clear();
    for (const row of await db.searchSegments.toArray()) {
      if (parseSearchSegment(row)) for (const id of row.articleIds) covered.add(id);
      else await db.searchSegments.delete(row.id);
    }
    const missing = (await db.articles.toCollection().primaryKeys()).filter((id) => !covered.has(id));
    // In batches, so a large rebuild never holds every article's text at once.
    for (let from = 0; from < missing.length; from += 200) {
      const ids = missing.slice(from, from + 200);
      const articles = (await db.articles.bulkGet(ids)).filter((article): article is StoredArticle => !!article);
      await indexImportedArticles(db, articles, entityById);
    }
    return missing.length;
  });
}

/**
 * Every current segment, in order, and whether some article may be missing
 * from them (a stale segment, or more stored articles than indexed ones),
 * in which case the caller runs {@link rebuildSearchSegments}.
 */
export async function loadSearchSegments(
  db: NewsContextDatabase,
): Promise<{ segments: SearchSegment[]; needsRebuild: boolean }> {
  return db.transaction('r', [db.articles, db.searchSegments], async () => {
    const [rows, articleCount] = await Promise.all([db.searchSegments.toArray(), db.articles.count()]);
    const segments: SearchSegment[] = [];
    let stale = false;
    for (const row of rows) {
      const segment = parseSearchSegment(row);
      if (segment) segments.push(segment);
      else stale = true;
    }
    const indexed = segments.reduce((sum, segment) => sum + segment.articles.length, 0);
    return { segments, needsRebuild: stale || indexed < articleCount };
  });
}
