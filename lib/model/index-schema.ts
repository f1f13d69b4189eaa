import { z } from 'zod';
import { datePrecisions, entitySchema, partialIsoDate } from './knowledge-base';
import { publishedDateSchema } from './seed-manifest';
import { parseOrThrow } from './validation-errors';

/**
 * The bundled index (`data/index.json`), written by `npm run build:index` and
 * read by the background, the extension pages and the content script.
 * Bump the version whenever the shape or the meaning of a field changes: a
 * mismatched index fails to load with a message that says what to do.
 */
export const CORPUS_INDEX_SCHEMA_VERSION = 2;

const offset = z.number().int().nonnegative();

export const indexedArticleSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    titleSource: z.enum(['text', 'ours']),
    outlet: z.string().min(1),
    byline: z.string().min(1),
    language: z.string().min(2),
    url: z.string().url().optional(),
    published: publishedDateSchema,
    /** Cleaned text: paragraphs separated by one blank line. Every offset in the index points into it. */
    text: z.string(),
    origin: z.enum(['seed', 'import']),
  })
  .strict();
export type IndexedArticle = z.infer<typeof indexedArticleSchema>;

/** One sentence of a source that names an entity, so a card can quote it with its date and outlet. */
export const excerptSchema = z
  .object({
    articleId: z.string().min(1),
    /** The sentence, as offsets into the article's cleaned text. */
    start: offset,
    end: offset,
    /** The mention inside the sentence (also article offsets), for emphasis. */
    mentionStart: offset,
    mentionEnd: offset,
    text: z.string().min(1),
    outlet: z.string().min(1),
    date: partialIsoDate.nullable(),
    precision: z.enum(datePrecisions),
  })
  .strict();
export type Excerpt = z.infer<typeof excerptSchema>;

/** All mentions of one entity in one article. */
export const mentionGroupSchema = z
  .object({
    entityId: z.string().min(1),
    articleId: z.string().min(1),
    /** `[start, end)` offsets into the article's cleaned text. */
    spans: z.array(z.tuple([offset, offset])).min(1),
  })
  .strict();
export type MentionGroup = z.infer<typeof mentionGroupSchema>;

export const corpusIndexSchema = z
  .object({
    schemaVersion: z.literal(CORPUS_INDEX_SCHEMA_VERSION),
    articles: z.array(indexedArticleSchema),
    entities: z.array(entitySchema),
    mentions: z.array(mentionGroupSchema),
    /** Per entity id, its excerpts, newest first. */
    excerpts: z.record(z.string(), z.array(excerptSchema)),
    /**
     * The search indexes, built with `lib/search/search-options.ts`: articles in our
     * own format (`encodeTermIndex`, checked by `decodeTermIndex` when
     * loaded; version 2), entities as MiniSearch's (`MiniSearch.loadJS` input).
     */
    search: z.object({ articles: z.unknown(), entities: z.unknown() }).strict(),
    /** The matcher, precompiled (`buildMatcherSpec`). */
    matcher: z.unknown(),
  })
  .strict();
export type CorpusIndex = z.infer<typeof corpusIndexSchema>;

/**
 * Validates a loaded index. A version mismatch gets its own message, because
 * the usual cause is a stale `data/index.json`, not a corrupt one.
 *
 * @example const index = parseCorpusIndex(json, 'data/index.json');
 */
export function parseCorpusIndex(value: unknown, file = 'data/index.json'): CorpusIndex {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== CORPUS_INDEX_SCHEMA_VERSION) {
    throw new Error(
      `News Context: ${file} has schema version ${JSON.stringify(version)}, but this build reads version ${CORPUS_INDEX_SCHEMA_VERSION}. Rebuild it with \`npm run build:index\`.`,
    );
  }
  return parseOrThrow(corpusIndexSchema, value, file);
}
