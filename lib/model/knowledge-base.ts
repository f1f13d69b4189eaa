import { z } from 'zod';

/**
 * The curated knowledge base (`data/knowledge-base.json`): the actors and
 * events our corpus names. Validated at build time and whenever user entities
 * are merged in, so a bad record fails with the entity id and the field.
 */
export const KNOWLEDGE_BASE_SCHEMA_VERSION = 1;

export const entityKinds = ['person', 'organisation', 'place', 'event'] as const;

/**
 * `general` entities (countries, capitals, large cities, news outlets) never make a page
 * related on their own and are highlighted only on pages that already are (issue #3).
 */
/**
 * A language as every source may write it: two letters, optionally with a
 * region ("en", "fr", "en-US", "pt_BR"), kept as the two lower-case letters
 * the corpus uses. One rule for seeds, packs and imports.
 *
 * @example languageCode.parse('en-US') // 'en'
 */
export const languageCode = z
  .string()
  .regex(/^[A-Za-z]{2}(?:[-_][A-Za-z]{2})?$/, 'should be a two-letter language code, like "en", "fr" or "ar"')
  .transform((code) => code.slice(0, 2).toLowerCase());

/** Ids of entities, seed articles and pack entities: lower-case words joined by dashes. */
export const KEBAB_CASE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const specificities = ['specific', 'general'] as const;
export type Specificity = (typeof specificities)[number];
export type EntityKind = (typeof entityKinds)[number];

export const datePrecisions = ['day', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the precision field says which parts are meaningful. */
export const partialIsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const eventDateSchema = z
  .object({
    start: partialIsoDate,
    end: partialIsoDate.optional(),
    precision: z.enum(datePrecisions),
  })
  .strict();
export type EventDate = z.infer<typeof eventDateSchema>;

export const aliasLanguages = ['en', 'ar', 'fr', 'he'] as const;
export type AliasLanguage = (typeof aliasLanguages)[number];

export const aliasSchema = z
  .object({
    text: z.string().trim().min(1, 'an alias cannot be empty'),
    lang: z.enum(aliasLanguages).default('en'),
    /** Surname-only or otherwise shared form: links only with the full name or a role cue in the same text. */
    ambiguous: z.boolean().optional(),
    /** Acronyms such as UN, US, AP, IDF: match only in this exact case. */
    caseSensitive: z.boolean().optional(),
    /** Generic words ("ceasefire", "talks") that name an event only with one of the event's cues in the same sentence. */
    needsCue: z.boolean().optional(),
  })
  .strict();
export type Alias = z.infer<typeof aliasSchema>;

export const entitySchema = z
  .object({
    id: z.string().regex(KEBAB_CASE_ID, 'must be kebab-case (a-z, 0-9, -)'),
    kind: z.enum(entityKinds),
    name: z.string().trim().min(1),
    aliases: z.array(aliasSchema).min(1, 'needs at least one alias'),
    role: z.string().trim().min(1).max(160, 'the role is one line: at most 160 characters'),
    background: z.string().trim().min(1).max(1200),
    related: z.array(z.string()).default([]),
    /**
     * `general` entities (countries, capitals, large cities, news outlets) never make a page
     * related on their own and are highlighted only on pages that already are (issue #3).
     */
    specificity: z.enum(specificities).default('specific'),
    /** Events only: when it happened. */
    date: eventDateSchema.optional(),
    /** Events only: words that, in the same sentence, confirm a `needsCue` alias (a year, month, place or party). */
    cues: z.array(z.string().min(1)).optional(),
    /** People only: titles that, right before a surname-only alias, confirm it ("President" Aoun). */
    roleCues: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((entity, ctx) => {
    if (entity.kind === 'event' && !entity.date) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'an event needs a date or date range' });
    }
    if (entity.kind !== 'event' && entity.date) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'only events carry a date' });
    }
    if (entity.aliases.some((alias) => alias.needsCue) && !entity.cues?.length) {
      ctx.addIssue({ code: 'custom', path: ['cues'], message: 'an alias needs a cue, but the entity lists no cues' });
    }
  });
export type Entity = z.infer<typeof entitySchema>;
export type EntityInput = z.input<typeof entitySchema>;

export const knowledgeBaseSchema = z
  .object({
    schemaVersion: z.literal(KNOWLEDGE_BASE_SCHEMA_VERSION),
    entities: z.array(entitySchema),
  })
  .strict()
  .superRefine((kb, ctx) => {
    const ids = new Set<string>();
    kb.entities.forEach((entity, index) => {
      if (ids.has(entity.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entities', index, 'id'],
          message: `duplicate entity id "${entity.id}"`,
        });
      }
      ids.add(entity.id);
    });
    kb.entities.forEach((entity, index) => {
      entity.related.forEach((relatedId, relatedIndex) => {
        if (!ids.has(relatedId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entities', index, 'related', relatedIndex],
            message: `"${entity.id}" is related to unknown entity "${relatedId}"`,
          });
        }
      });
    });
  });
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;

/**
 * An entity the reader added, or the reader's edit of a bundled one (same
 * id), which wins over the bundle. Stored in the database's `entities`
 * table (`lib/storage/database.ts`) and read by the catalog
 * (`lib/corpus/catalog.ts`), so the shape lives here, below both.
 */
export interface ReaderEntity {
  id: string;
  origin: 'user' | 'override';
  entity: Entity;
  updatedAt: number;
}
