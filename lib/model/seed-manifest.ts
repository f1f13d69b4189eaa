import { z } from 'zod';
import { datePrecisions, KEBAB_CASE_ID, languageCode, partialIsoDate } from './knowledge-base';

/**
 * `seeds/manifest.json`: what we know about each raw seed article that the
 * text itself may not say (title, outlet, date and how sure we are of it).
 */
export const SEED_MANIFEST_SCHEMA_VERSION = 1;

export const publishedDateSchema = z
  .object({
    /** Partial ISO date; null when unknown. */
    date: partialIsoDate.nullable(),
    precision: z.enum(datePrecisions),
    /** `stated`: the text gives it. `inferred`: we worked it out, and `reason` says how. */
    basis: z.enum(['stated', 'inferred', 'unknown']),
    reason: z.string().min(1),
  })
  .strict()
  .superRefine((published, ctx) => {
    if ((published.date === null) !== (published.precision === 'unknown')) {
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: 'precision is "unknown" exactly when date is null',
      });
    }
    const parts = published.date ? published.date.split('-').length : 0;
    const expected = { day: 3, month: 2, year: 1, unknown: 0 }[published.precision];
    if (parts !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `a ${published.precision}-precision date has ${expected} parts`,
      });
    }
  });
export type PublishedDate = z.infer<typeof publishedDateSchema>;

export const seedArticleSchema = z
  .object({
    id: z.string().regex(KEBAB_CASE_ID, 'must be kebab-case'),
    /** File name inside `seeds/`, kept exactly as received. */
    file: z.string().regex(/^[\w.-]+\.txt$/),
    title: z.string().min(1),
    /** `text`: the article's own headline. `ours`: the text has none, so we wrote one. */
    titleSource: z.enum(['text', 'ours']),
    outlet: z.string().min(1),
    byline: z.string().min(1),
    language: languageCode,
    url: z.string().url().optional(),
    published: publishedDateSchema,
  })
  .strict();
export type SeedArticle = z.infer<typeof seedArticleSchema>;

export const seedManifestSchema = z
  .object({
    schemaVersion: z.literal(SEED_MANIFEST_SCHEMA_VERSION),
    articles: z.array(seedArticleSchema).min(1),
  })
  .strict();
export type SeedManifest = z.infer<typeof seedManifestSchema>;
