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
import type { IndexedArticle, MentionGroup } from '../model/index-schema';
import { datePrecisions, type Entity } from '../model/knowledge-base';
import { articleSearchDocument } from './search-documents';
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
 * then dropped and their articles indexed again by `rebuildSearchSegments`
 * (`lib/storage/imported-search-index.ts`).
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

/**
 * A segment's row as the database stores it (`lib/storage/database.ts`,
 * table `searchSegments`): the format is owned here, the table there.
 */
export interface SearchSegmentRow {
  id: number;
  articleIds: string[];
  index: unknown;
}

/** A segment as stored in `SearchSegmentRow.index`. */
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
export function parseSearchSegment(row: Pick<SearchSegmentRow, 'index'>): SearchSegment | undefined {
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

export function segmentKey(sequence: number, articleCount: number): number {
  return sequence * SEGMENT_KEY_SPAN + Math.min(articleCount, SEGMENT_KEY_SPAN - 1);
}

/** The row that stores a segment under `key`. */
export function segmentRow(key: number, segment: SearchSegment): SearchSegmentRow {
  const index: StoredSegment = {
    formatVersion: SEARCH_SEGMENT_FORMAT_VERSION,
    articles: JSON.stringify(segment.articles),
    search: storeTermIndex(segment.search),
  };
  return { id: key, articleIds: segment.articles.map((article) => article.id), index };
}

/** Builds a segment for articles, found by their words and by the names of the entities they mention. */
export function buildSearchSegment(
  articles: readonly IndexedArticle[],
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

/** The writing order of the segment stored under `key`, read from the key alone. */
export function segmentSequence(key: number): number {
  return Math.floor(key / SEGMENT_KEY_SPAN);
}

/** How many articles the segment stored under `key` holds, read from the key alone. */
export function segmentArticleCount(key: number): number {
  return key % SEGMENT_KEY_SPAN;
}

/**
 * The keys of the next segments to merge: {@link MERGE_FACTOR} of the
 * smallest size class whose articles fit in one segment
 * ({@link SEGMENT_CAPACITY}), the oldest first; undefined when none qualify.
 * Reads the keys alone, never the indexes.
 */
export function segmentsToMerge(keys: readonly number[], skip: ReadonlySet<number> = new Set()): number[] | undefined {
  const byClass = new Map<number, number[]>();
  for (const key of [...keys].sort((a, b) => a - b)) {
    if (skip.has(key)) continue;
    const size = sizeClass(segmentArticleCount(key));
    const group = byClass.get(size) ?? [];
    group.push(key);
    byClass.set(size, group);
  }
  return [...byClass]
    .sort((a, b) => a[0] - b[0])
    .map(([, group]) => group.slice(0, MERGE_FACTOR))
    .find(
      (group) =>
        group.length === MERGE_FACTOR &&
        group.reduce((sum, key) => sum + segmentArticleCount(key), 0) <= SEGMENT_CAPACITY,
    );
}
