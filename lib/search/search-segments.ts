/**
 * The search index of imported articles, persisted in segments (issue #4,
 * issue #5, issue #6). Log-structured: each import writes one new small
 * segment and never rewrites a large one; when {@link MERGE_FACTOR} segments
 * of the same size class pile up, they are merged into one (so each article
 * is rewritten a few times over its life, and 10,000 articles sit in about
 * twenty segments). At load, the segments and the bundled index are merged
 * into one in-memory index (`mergeTermIndexes`), so a query walks one term
 * dictionary and scores (BM25) with the statistics of the whole corpus.
 *
 * A segment row holds the summaries as one JSON string and the index as
 * typed arrays (`StoredTermIndex`): IndexedDB copies both by structured
 * clone, far faster than a tree of small objects or the index as JSON.
 */
import { z } from 'zod';
import { articleSearchDocument } from '../corpus/build-index';
import type { IndexedArticle, MentionGroup } from '../model/index-schema';
import { datePrecisions, type Entity } from '../model/knowledge-base';
import type { NewsContextDatabase, StoredArticle, StoredSearchSegment } from '../storage/database';
import { articleAnalyzer, articleIndexFields, articleSearchFields } from './search-options';
import {
  buildTermIndex,
  loadStoredTermIndex,
  mergeTermIndexes,
  type StoredTermIndex,
  storeTermIndex,
  type TermIndexData,
} from './term-index';

/**
 * Version of the segment format. Bump it when the segment's shape changes or
 * when `lib/search/search-options.ts` changes what is indexed: stale segments are
 * then dropped and their articles indexed again by {@link rebuildSearchSegments}.
 * Version 2: our own typed-array index instead of MiniSearch's JSON (issue #6).
 */
export const SEARCH_SEGMENT_FORMAT_VERSION = 2;

/**
 * Most articles in one segment: a large import is split into segments this
 * large, and segments are merged only while the result stays within it, so
 * one import transaction never rewrites more than this many articles of
 * older segments (merging segments of 1,000 articles cost seconds of a
 * 1,000-article import, issue #6).
 */
export const SEGMENT_CAPACITY = 1024;

/** How many segments of one size class are merged into one. */
export const MERGE_FACTOR = 4;

/** What search keeps in memory about an article: enough to filter, rank and list it, without its text. */
export const articleSummarySchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    outlet: z.string(),
    /** Host without `www.`; empty when unknown. */
    site: z.string(),
    language: z.string(),
    url: z.string().optional(),
    published: z.object({ date: z.string().nullable(), precision: z.enum(datePrecisions) }).strict(),
    origin: z.enum(['seed', 'import']),
    /** Entities the article mentions, with their number of mentions, most mentioned first. */
    entities: z.array(z.tuple([z.string(), z.number().int().positive()])),
  })
  .strict();
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** One segment, parsed: the summaries of its articles and their search index. */
export interface SearchSegment {
  formatVersion: typeof SEARCH_SEGMENT_FORMAT_VERSION;
  articles: ArticleSummary[];
  search: TermIndexData;
}

/** A segment as stored in `StoredSearchSegment.index`. */
interface StoredSegment {
  formatVersion: typeof SEARCH_SEGMENT_FORMAT_VERSION;
  /** The summaries, as one JSON string (one string to copy, not thousands of objects). */
  articles: string;
  search: StoredTermIndex;
}

/**
 * The summary of an article, from the article and its mention groups.
 *
 * @example articleSummary(article, mentions.filter((group) => group.articleId === article.id))
 */
export function articleSummary(
  article: IndexedArticle & { site?: string },
  mentions: readonly MentionGroup[],
): ArticleSummary {
  const entities = mentions
    .filter((group) => group.articleId === article.id)
    .map((group): [string, number] => [group.entityId, group.spans.length])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    site: article.site ?? '',
    language: article.language,
    ...(article.url ? { url: article.url } : {}),
    published: { date: article.published.date, precision: article.published.precision },
    origin: article.origin,
    entities,
  };
}

const summariesSchema = z.array(articleSummarySchema);

/** Parses a stored segment; undefined when it is of another format version or damaged (it will be rebuilt). */
export function parseSearchSegment(row: Pick<StoredSearchSegment, 'index'>): SearchSegment | undefined {
  const stored = row.index as Partial<StoredSegment> | null;
  if (
    typeof stored !== 'object' ||
    stored === null ||
    stored.formatVersion !== SEARCH_SEGMENT_FORMAT_VERSION ||
    typeof stored.articles !== 'string'
  ) {
    return undefined;
  }
  const search = loadStoredTermIndex(stored.search);
  if (!search) return undefined;
  let articles: ArticleSummary[];
  try {
    const parsed = summariesSchema.safeParse(JSON.parse(stored.articles));
    if (!parsed.success) return undefined;
    articles = parsed.data;
  } catch {
    return undefined;
  }
  // Summaries and index list the same articles in the same order, or the segment is damaged.
  if (
    articles.length !== search.documentIds.length ||
    articles.some((article, position) => article.id !== search.documentIds[position])
  ) {
    return undefined;
  }
  return { formatVersion: SEARCH_SEGMENT_FORMAT_VERSION, articles, search };
}

/**
 * A segment's key carries its article count (`sequence × SEGMENT_KEY_SPAN +
 * count`), so choosing segments to merge reads the keys alone, never the
 * indexes; keys still sort in the order segments were written.
 */
const SEGMENT_KEY_SPAN = 0x10000;

function segmentKey(sequence: number, articleCount: number): number {
  return sequence * SEGMENT_KEY_SPAN + Math.min(articleCount, SEGMENT_KEY_SPAN - 1);
}

function storedRow(key: number, segment: SearchSegment): StoredSearchSegment {
  const index: StoredSegment = {
    formatVersion: SEARCH_SEGMENT_FORMAT_VERSION,
    articles: JSON.stringify(segment.articles),
    search: storeTermIndex(segment.search),
  };
  return { id: key, articleIds: segment.articles.map((article) => article.id), index };
}

/** Builds a segment for articles, found by their words and by the names of the entities they mention. */
function buildSegment(
  articles: readonly StoredArticle[],
  mentions: readonly MentionGroup[],
  entityById: ReadonlyMap<string, Entity>,
): SearchSegment {
  const mentionsByArticle = new Map<string, MentionGroup[]>();
  for (const group of mentions) {
    const list = mentionsByArticle.get(group.articleId);
    if (list) list.push(group);
    else mentionsByArticle.set(group.articleId, [group]);
  }
  const documents = articles.map((article) => {
    const mentioned = (mentionsByArticle.get(article.id) ?? [])
      .map((group) => entityById.get(group.entityId))
      .filter((entity): entity is Entity => entity !== undefined);
    return { id: article.id, fields: articleSearchFields(articleSearchDocument(article, mentioned)) };
  });
  return {
    formatVersion: SEARCH_SEGMENT_FORMAT_VERSION,
    articles: articles.map((article) => articleSummary(article, mentionsByArticle.get(article.id) ?? [])),
    search: buildTermIndex(articleIndexFields, documents, articleAnalyzer),
  };
}

/**
 * Segments merged into one, in order: an article id seen in an earlier
 * segment is skipped in later ones, and so is one `keep` rejects.
 */
export function mergeSearchSegments(
  segments: readonly SearchSegment[],
  keep: (articleId: string) => boolean = () => true,
): SearchSegment {
  const seen = new Set<string>();
  const articles: ArticleSummary[] = [];
  for (const segment of segments) {
    for (const article of segment.articles) {
      if (seen.has(article.id) || !keep(article.id)) continue;
      seen.add(article.id);
      articles.push(article);
    }
  }
  return {
    formatVersion: SEARCH_SEGMENT_FORMAT_VERSION,
    articles,
    search: mergeTermIndexes(
      segments.map((segment) => segment.search),
      keep,
    ),
  };
}

/** Size class of a segment: 1–3 articles, 4–15, 16–63… (powers of {@link MERGE_FACTOR}). */
function sizeClass(articleCount: number): number {
  return Math.floor(Math.log(Math.max(1, articleCount)) / Math.log(MERGE_FACTOR) + 1e-9);
}

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
  const articleCount = (key: number) => key % SEGMENT_KEY_SPAN;
  for (;;) {
    const byClass = new Map<number, number[]>();
    for (const key of [...keys].sort((a, b) => a - b)) {
      if (unreadable.has(key)) continue;
      const size = sizeClass(articleCount(key));
      const group = byClass.get(size) ?? [];
      group.push(key);
      byClass.set(size, group);
    }
    const chosen = [...byClass]
      .sort((a, b) => a[0] - b[0])
      .map(([, group]) => group.slice(0, MERGE_FACTOR))
      .find(
        (group) =>
          group.length === MERGE_FACTOR && group.reduce((sum, key) => sum + articleCount(key), 0) <= SEGMENT_CAPACITY,
      );
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
    const sequence = Math.floor(Math.max(...keys) / SEGMENT_KEY_SPAN) + 1;
    const key = segmentKey(sequence, segment.articles.length);
    await db.searchSegments.bulkDelete(merged);
    await db.searchSegments.put(storedRow(key, segment));
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
 * text or its entities changed), call {@link removeImportedArticles} first.
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
    let sequence = lastKey === undefined ? 1 : Math.floor(lastKey / SEGMENT_KEY_SPAN) + 1;
    for (let from = 0; from < articles.length; from += SEGMENT_CAPACITY) {
      const segment = buildSegment(articles.slice(from, from + SEGMENT_CAPACITY), groups, entityById);
      await db.searchSegments.put(storedRow(segmentKey(sequence++, segment.articles.length), segment));
    }
    await compactSegments(db);
  });
}

/**
 * Takes deleted articles out of the search index: each segment that holds
 * one is rewritten without it (or deleted when it is left empty). Call it in
 * the transaction that deletes the articles, with `db.searchSegments` in it.
 *
 * @example await removeImportedArticles(db, ['my-article-id']);
 */
export async function removeImportedArticles(db: NewsContextDatabase, articleIds: readonly string[]): Promise<void> {
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
      const key = segmentKey(Math.floor(row.id / SEGMENT_KEY_SPAN), remaining.articles.length);
      await db.searchSegments.put(storedRow(key, remaining));
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
