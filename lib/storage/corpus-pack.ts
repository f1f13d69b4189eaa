import { z } from 'zod';
import { type ImportProblem, problemsFromZod, WHOLE_FILE } from '../model/import-problems';
import { entitySchema, KEBAB_CASE_ID, languageCode, partialIsoDate } from '../model/knowledge-base';
import { publishedDateSchema } from '../model/seed-manifest';
import { feedbackVerdicts, type Settings, settingsSchema } from '../model/settings';
import type { StoredArticle, StoredCandidateDecision, StoredEntity, StoredFeedback } from './database';

/**
 * Corpus packs: the `.json` files News Context exports and imports (issue #5).
 * One file carries articles and, optionally, the reader's entities, feedback,
 * settings and decisions on candidate entities. Exporting everything and
 * importing the pack into an empty profile gives back the same data.
 *
 * ## Format, version 1
 *
 * ```json
 * {
 *   "format": "news-context/corpus-pack",
 *   "schemaVersion": 1,
 *   "exportedAt": "2026-03-10T09:00:00.000Z",
 *   "articles": [
 *     {
 *       "title": "Lebanon and Israel hold talks in Naqoura",   // required, 1–500 characters
 *       "text": "The first paragraph.\n\nThe second.",          // required: plain text, paragraphs split by a blank line
 *       "outlet": "Naharnet",                                   // optional
 *       "byline": "Jane Roe",                                   // optional
 *       "url": "https://www.naharnet.com/stories/en/1",         // optional, http(s) only
 *       "published": "2026-03-09",                              // optional: YYYY, YYYY-MM or YYYY-MM-DD,
 *                                                               //   or { date, precision, basis, reason } as exported
 *       "language": "en",                                       // optional, two letters
 *       "id": "import-3f2a…",                                   // optional: kept when it is free (exports carry it)
 *       "titleSource": "text",                                  // optional: "ours" when the headline was written for it
 *       "importedAt": 1773133200000                             // optional (exports carry it)
 *     }
 *   ],
 *   "entities": [{ "entity": { …an entity of data/knowledge-base.json… }, "origin": "user", "updatedAt": 1773133200000 }],
 *   "feedback": [{ "entityId": "tom-barrack", "site": "example.org", "verdict": "not-this", "createdAt": 1773133200000 }],
 *   "settings": { "highlightMode": "first", "pausedSites": [], "extraSites": [] },
 *   "candidateDecisions": [{ "key": "joseph aoun", "decision": "dismissed", "decidedAt": 1773133200000 }]
 * }
 * ```
 *
 * Every object is strict: an unknown field is refused with its name, so a
 * typo never silently drops data. Only `format`, `schemaVersion` and
 * `articles` are required. A pack from a newer version is refused with a
 * message saying so. Imported text is cleaned and matched like any other
 * import; mentions, excerpts and the search index are never in a pack, they
 * are derived again.
 */
export const CORPUS_PACK_FORMAT = 'news-context/corpus-pack';
export const CORPUS_PACK_SCHEMA_VERSION = 1;

/** Bounds that keep a hostile pack from exhausting memory long before the 5 MB file cap would. */
export const CORPUS_PACK_LIMITS = {
  articles: 10_000,
  entities: 5_000,
  feedback: 20_000,
  candidateDecisions: 20_000,
  titleLength: 500,
  textLength: 5 * 1024 * 1024,
} as const;

const kebabId = z
  .string()
  .max(120, 'is too long: at most 120 characters')
  .regex(KEBAB_CASE_ID, 'must be lower-case letters, digits and dashes, like "import-3f2a"');

/** An http(s) address: `javascript:`, `data:` and friends are refused, not stored. */
export const webAddress = z
  .string()
  .trim()
  .max(2048, 'is too long for a web address: at most 2048 characters')
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'should be a web address starting with https:// or http://');

export const packArticleSchema = z
  .object({
    id: kebabId.optional(),
    title: z.string().trim().min(1).max(CORPUS_PACK_LIMITS.titleLength),
    titleSource: z.enum(['text', 'ours']).optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    byline: z.string().trim().min(1).max(300).optional(),
    language: languageCode.optional(),
    url: webAddress.optional(),
    published: z.union([partialIsoDate, publishedDateSchema]).optional(),
    text: z.string().min(1).max(CORPUS_PACK_LIMITS.textLength),
    importedAt: z.number().int().nonnegative().optional(),
  })
  .strict();
export type PackArticle = z.infer<typeof packArticleSchema>;

export const packEntitySchema = z
  .object({
    entity: entitySchema,
    /** `override`: the reader's edit of a bundled entity (same id). Worked out again on import when absent. */
    origin: z.enum(['user', 'override']).optional(),
    updatedAt: z.number().int().nonnegative().optional(),
  })
  .strict();
export type PackEntity = z.infer<typeof packEntitySchema>;

export const packFeedbackSchema = z
  .object({
    entityId: z.string().min(1).max(200),
    site: z.string().max(253),
    verdict: z.enum(feedbackVerdicts),
    createdAt: z.number().int().nonnegative(),
  })
  .strict();

export const packCandidateDecisionSchema = z
  .object({
    key: z.string().min(1).max(300),
    decision: z.enum(['accepted', 'merged', 'dismissed']),
    entityId: z.string().min(1).max(200).optional(),
    decidedAt: z.number().int().nonnegative(),
  })
  .strict();

export const corpusPackSchema = z
  .object({
    format: z.literal(CORPUS_PACK_FORMAT),
    schemaVersion: z.literal(CORPUS_PACK_SCHEMA_VERSION),
    exportedAt: z.string().max(40).optional(),
    articles: z.array(packArticleSchema).max(CORPUS_PACK_LIMITS.articles),
    entities: z.array(packEntitySchema).max(CORPUS_PACK_LIMITS.entities).optional(),
    feedback: z.array(packFeedbackSchema).max(CORPUS_PACK_LIMITS.feedback).optional(),
    settings: settingsSchema.optional(),
    candidateDecisions: z.array(packCandidateDecisionSchema).max(CORPUS_PACK_LIMITS.candidateDecisions).optional(),
  })
  .strict();
export type CorpusPack = z.infer<typeof corpusPackSchema>;

export type PackParseResult = { ok: true; pack: CorpusPack } | { ok: false; problems: ImportProblem[] };

/**
 * Validates a parsed JSON value as a corpus pack. The format and version are
 * checked first, so a wrong file gets one clear sentence instead of a list
 * of missing fields.
 *
 * @example parseCorpusPack(JSON.parse(text), 'my-pack.json')
 */
export function parseCorpusPack(value: unknown, file: string): PackParseResult {
  const whole = (reason: string): PackParseResult => ({ ok: false, problems: [{ file, field: WHOLE_FILE, reason }] });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return whole(
      `is not a corpus pack: it should hold one group of fields ({ … }) with "format": "${CORPUS_PACK_FORMAT}"`,
    );
  }
  const { format, schemaVersion } = value as { format?: unknown; schemaVersion?: unknown };
  if (format !== CORPUS_PACK_FORMAT) {
    return whole(`is not a News Context corpus pack: it has no "format": "${CORPUS_PACK_FORMAT}"`);
  }
  if (typeof schemaVersion === 'number' && schemaVersion > CORPUS_PACK_SCHEMA_VERSION) {
    return whole(
      `was made by a newer version of News Context (corpus pack version ${schemaVersion}); this one reads version ${CORPUS_PACK_SCHEMA_VERSION}. Update the extension, then import it again`,
    );
  }
  const result = corpusPackSchema.safeParse(value);
  return result.success
    ? { ok: true, pack: result.data }
    : { ok: false, problems: problemsFromZod(file, result.error) };
}

/** What an export gathers from the database. */
export interface CorpusPackContents {
  articles: readonly StoredArticle[];
  entities: readonly StoredEntity[];
  feedback: readonly StoredFeedback[];
  settings?: Settings;
  candidateDecisions: readonly StoredCandidateDecision[];
  exportedAt: Date;
}

/**
 * The pack for an export: every article with the metadata needed to restore
 * it as it was (id, published date with its basis, import time).
 */
export function buildCorpusPack(contents: CorpusPackContents): CorpusPack {
  return {
    format: CORPUS_PACK_FORMAT,
    schemaVersion: CORPUS_PACK_SCHEMA_VERSION,
    exportedAt: contents.exportedAt.toISOString(),
    articles: contents.articles.map((article) => ({
      id: article.id,
      title: article.title,
      titleSource: article.titleSource,
      outlet: article.outlet,
      byline: article.byline,
      language: article.language,
      ...(article.url ? { url: article.url } : {}),
      published: article.published,
      text: article.text,
      importedAt: article.importedAt,
    })),
    entities: contents.entities.map(({ entity, origin, updatedAt }) => ({ entity, origin, updatedAt })),
    feedback: contents.feedback.map(({ entityId, site, verdict, createdAt }) => ({
      entityId,
      site,
      verdict,
      createdAt,
    })),
    ...(contents.settings ? { settings: contents.settings } : {}),
    candidateDecisions: contents.candidateDecisions.map(({ key, decision, entityId, decidedAt }) => ({
      key,
      decision,
      ...(entityId ? { entityId } : {}),
      decidedAt,
    })),
  };
}
