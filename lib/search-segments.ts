/**
 * The search index of imported articles, persisted in segments (issue #4,
 * issue #5): importing an article re-serializes the one open segment (at
 * most {@link SEGMENT_CAPACITY} articles), never the whole index. At load,
 * the segments and the bundled index are combined into one in-memory index,
 * so a search walks one term dictionary whatever the number of segments,
 * and scores (BM25) use the statistics of the whole corpus.
 *
 * A segment is stored as one JSON string: a string is copied in and out of
 * IndexedDB far faster than the equivalent tree of small objects.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { z } from 'zod';
import { articleSearchDocument } from './build-index';
import type { IndexedArticle, MentionGroup } from './corpus-index';
import type { NewsContextDatabase, StoredArticle, StoredSearchSegment } from './database';
import { datePrecisions, type Entity } from './knowledge-base';
import { type ArticleSearchDocument, articleSearchOptions } from './search-options';

/**
 * Version of the segment format. Bump it when the segment's shape changes or
 * when `lib/search-options.ts` changes what is indexed: stale segments are
 * then dropped and their articles indexed again by {@link rebuildSearchSegments}.
 */
export const SEARCH_SEGMENT_FORMAT_VERSION = 1;

/** Articles per segment: small enough to rewrite on each import (tens of ms), few enough to combine fast. */
export const SEGMENT_CAPACITY = 500;

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

const segmentSchema = z
  .object({
    formatVersion: z.literal(SEARCH_SEGMENT_FORMAT_VERSION),
    articles: z.array(articleSummarySchema),
    /** MiniSearch's own serialized form (checked by MiniSearch when loaded). */
    search: z.custom<AsPlainObject>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        Array.isArray((value as AsPlainObject).index) &&
        typeof (value as AsPlainObject).documentIds === 'object',
    ),
  })
  .strict();

/** One segment, parsed: the summaries of its articles and their search index. */
export type SearchSegment = z.infer<typeof segmentSchema>;

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

/** Parses a stored segment; undefined when it is of another format version or damaged (it will be rebuilt). */
export function parseSearchSegment(row: Pick<StoredSearchSegment, 'index'>): SearchSegment | undefined {
  if (typeof row.index !== 'string') return undefined;
  try {
    const parsed = segmentSchema.safeParse(JSON.parse(row.index));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function serializeSegment(id: number, segment: SearchSegment): StoredSearchSegment {
  return { id, articleIds: segment.articles.map((article) => article.id), index: JSON.stringify(segment) };
}

/** Builds a segment's search index for articles, with the names of the entities they mention. */
function documentsFor(
  articles: readonly StoredArticle[],
  mentions: readonly MentionGroup[],
  entityById: ReadonlyMap<string, Entity>,
): ArticleSearchDocument[] {
  const mentionedByArticle = new Map<string, Entity[]>();
  for (const group of mentions) {
    const entity = entityById.get(group.entityId);
    if (!entity) continue;
    const list = mentionedByArticle.get(group.articleId) ?? [];
    list.push(entity);
    mentionedByArticle.set(group.articleId, list);
  }
  return articles.map((article) => articleSearchDocument(article, mentionedByArticle.get(article.id) ?? []));
}

/**
 * Adds imported articles to the search index: appended to the last segment
 * while it has room, then to new ones. Only that segment is read and written.
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
    const last = await db.searchSegments.toCollection().last();
    let id = last?.id ?? 0;
    let segment = last ? parseSearchSegment(last) : undefined;
    // A stale last segment is left for rebuildSearchSegments; new articles go to a fresh one.
    if (!segment || segment.articles.length >= SEGMENT_CAPACITY) {
      id += 1;
      segment = undefined;
    }
    let pending = [...articles];
    while (pending.length > 0) {
      const room = SEGMENT_CAPACITY - (segment?.articles.length ?? 0);
      const batch = pending.slice(0, room);
      pending = pending.slice(room);
      const search = segment
        ? MiniSearch.loadJS<ArticleSearchDocument>(segment.search, articleSearchOptions)
        : new MiniSearch<ArticleSearchDocument>(articleSearchOptions);
      const known = new Set(segment?.articles.map((article) => article.id));
      const fresh = batch.filter((article) => !known.has(article.id));
      search.addAll(documentsFor(fresh, groups, entityById));
      segment = {
        formatVersion: SEARCH_SEGMENT_FORMAT_VERSION,
        articles: [...(segment?.articles ?? []), ...fresh.map((article) => articleSummary(article, groups))],
        search: search.toJSON(),
      };
      await db.searchSegments.put(serializeSegment(id, segment));
      if (pending.length > 0) {
        id += 1;
        segment = undefined;
      }
    }
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
      const remaining = segment?.articles.filter((article) => !removed.has(article.id)) ?? [];
      if (!segment || remaining.length === 0) {
        // A stale segment loses its articles to the rebuild anyway; an empty one goes.
        if (!segment)
          await db.searchSegments.put({ ...row, articleIds: row.articleIds.filter((id) => !removed.has(id)) });
        else await db.searchSegments.delete(row.id);
        continue;
      }
      const search = withoutDocuments(segment.search, removed);
      await db.searchSegments.put(serializeSegment(row.id, { ...segment, articles: remaining, search }));
    }
  });
}

/**
 * Indexes every imported article that no current segment covers: after the
 * v1→v2 database migration (v1 stored no index), after a change of the
 * segment format (stale segments are dropped first), or after a failed
 * write. With `{ from: 'scratch' }`, drops every segment first and indexes
 * all imported articles again (after a reset, or when the entities changed
 * for all of them). Returns how many articles it indexed. Cheap when there is
 * nothing to do: it reads the segments' article lists and the article keys.
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
    for (let from = 0; from < missing.length; from += 100) {
      const ids = missing.slice(from, from + 100);
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

/** MiniSearch's serialized index without some documents, their postings and lengths dropped. */
function withoutDocuments(search: AsPlainObject, removedIds: ReadonlySet<string>): AsPlainObject {
  const documentIds: AsPlainObject['documentIds'] = {};
  const fieldLength: AsPlainObject['fieldLength'] = {};
  const storedFields: AsPlainObject['storedFields'] = {};
  const kept = new Set<string>();
  for (const [shortId, id] of Object.entries(search.documentIds)) {
    if (removedIds.has(id)) continue;
    kept.add(shortId);
    documentIds[shortId] = id;
    fieldLength[shortId] = search.fieldLength[shortId] as number[];
    if (search.storedFields[shortId] !== undefined) storedFields[shortId] = search.storedFields[shortId];
  }
  const index: AsPlainObject['index'] = [];
  for (const [term, fields] of search.index) {
    const keptFields: Record<string, Record<string, number>> = {};
    for (const [fieldId, postings] of Object.entries(fields)) {
      const entries = Object.entries(postings as Record<string, number>);
      const keptPostings = Object.fromEntries(entries.filter(([shortId]) => kept.has(shortId)));
      if (Object.keys(keptPostings).length > 0) keptFields[fieldId] = keptPostings;
    }
    if (Object.keys(keptFields).length > 0) index.push([term, keptFields]);
  }
  return {
    ...search,
    documentCount: kept.size,
    documentIds,
    fieldLength,
    storedFields,
    averageFieldLength: averageLengths(Object.values(fieldLength), search.averageFieldLength.length),
    dirtCount: 0,
    index,
  };
}

function averageLengths(lengths: readonly number[][], fieldCount: number): number[] {
  const sums = new Array<number>(fieldCount).fill(0);
  for (const perField of lengths) {
    for (let field = 0; field < perField.length; field++) sums[field] = (sums[field] ?? 0) + (perField[field] ?? 0);
  }
  return sums.map((sum) => (lengths.length === 0 ? 0 : sum / lengths.length));
}

/**
 * Combines serialized indexes built with the same options into one, as if
 * all their documents had been added to one index: document numbers are
 * renumbered, postings of a term merged, average field lengths weighted by
 * document count. A document id seen in an earlier index is skipped in the
 * later ones (the bundled corpus wins over an import of the same id).
 *
 * Relies on MiniSearch's serialization format version 2 (MiniSearch 7);
 * anything else throws, and the caller falls back to rebuilding.
 */
export function combineSerializedIndexes(parts: readonly AsPlainObject[]): AsPlainObject {
  const [first] = parts;
  if (!first) throw new Error('News Context: combineSerializedIndexes needs at least one index.');
  if (parts.length === 1) return first;
  const fieldIds = JSON.stringify(first.fieldIds);
  const documentIds: AsPlainObject['documentIds'] = {};
  const fieldLength: AsPlainObject['fieldLength'] = {};
  const postingsByTerm = new Map<string, Record<string, Record<string, number>>>();
  const seen = new Set<string>();
  let nextId = 0;
  for (const part of parts) {
    if (part.serializationVersion !== 2 || JSON.stringify(part.fieldIds) !== fieldIds) {
      throw new Error(
        'News Context: a search segment was built with other options or another MiniSearch version; rebuild the segments (rebuildSearchSegments).',
      );
    }
    const renumbered = new Map<string, string>();
    for (const [shortId, id] of Object.entries(part.documentIds)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const newId = String(nextId++);
      renumbered.set(shortId, newId);
      documentIds[newId] = id;
      fieldLength[newId] = part.fieldLength[shortId] as number[];
    }
    for (const [term, fields] of part.index) {
      let merged = postingsByTerm.get(term);
      for (const [fieldId, postings] of Object.entries(fields)) {
        for (const [shortId, frequency] of Object.entries(postings as Record<string, number>)) {
          const newId = renumbered.get(shortId);
          if (newId === undefined) continue;
          if (!merged) {
            merged = {};
            postingsByTerm.set(term, merged);
          }
          const field = merged[fieldId] ?? {};
          merged[fieldId] = field;
          field[newId] = frequency;
        }
      }
    }
  }
  return {
    documentCount: nextId,
    nextId,
    documentIds,
    fieldIds: first.fieldIds,
    fieldLength,
    averageFieldLength: averageLengths(Object.values(fieldLength), first.averageFieldLength.length),
    storedFields: {},
    dirtCount: 0,
    index: [...postingsByTerm],
    serializationVersion: 2,
  };
}
