import { z } from 'zod';
import type { Excerpt, IndexedArticle } from '../model/index-schema';
import { datePrecisions, type Entity, entityKinds } from '../model/knowledge-base';
import { cardDifferenceSchema, cardTimelineSchema, latestSourceSchema } from './card-context';

/**
 * What a card shows about one entity: the same content in the hover card, the
 * popup's entity results and the reader page. Built where the corpus lives
 * (background, extension pages) and sent to the content script as data.
 */
export const cardExcerptSchema = z
  .object({
    articleId: z.string(),
    articleTitle: z.string(),
    outlet: z.string(),
    date: z.string().nullable(),
    precision: z.enum(datePrecisions),
    /** The quoted sentence, split around the mention so it can be emphasised without markup. */
    before: z.string(),
    mention: z.string(),
    after: z.string(),
    /** Sentence offsets in the article, for the reader page to scroll to. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict();
export type CardExcerpt = z.infer<typeof cardExcerptSchema>;

export const entityRefSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(entityKinds) }).strict();
export type EntityRef = z.infer<typeof entityRefSchema>;

export const entityCardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(entityKinds),
    role: z.string(),
    background: z.string(),
    date: z
      .object({ start: z.string(), end: z.string().optional(), precision: z.enum(datePrecisions) })
      .strict()
      .optional(),
    excerpts: z.array(cardExcerptSchema),
    related: z.array(entityRefSchema),
    /** How many excerpts exist in all, of which the card shows a few. */
    excerptTotal: z.number().int().nonnegative(),
    /** Issue #15: claims of its sources that disagree ("Sources differ"). */
    differences: z.array(cardDifferenceSchema).optional(),
    /** Issue #15: the events around its latest mention ("On the timeline"). */
    onTimeline: cardTimelineSchema.optional(),
    /** Issue #15: its newest dated source, for "Newer than your sources". */
    latestSource: latestSourceSchema.optional(),
  })
  .strict();
export type EntityCard = z.infer<typeof entityCardSchema>;

export interface CardSources {
  entityById: ReadonlyMap<string, Entity>;
  articleById: ReadonlyMap<string, Pick<IndexedArticle, 'id' | 'title'>>;
  excerptsOf(entityId: string): readonly Excerpt[];
}

/**
 * A card for `entityId`, or undefined if unknown. Shows up to `limit`
 * excerpts, newest first, one per article before a second from the same one,
 * so the card quotes several sources rather than one article three times.
 *
 * @example buildEntityCard('naqoura', sources)?.excerpts.length // 2 or 3
 */
export function buildEntityCard(entityId: string, sources: CardSources, limit = 3): EntityCard | undefined {
  const entity = sources.entityById.get(entityId);
  if (!entity) return undefined;
  const all = sources.excerptsOf(entityId);
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    role: entity.role,
    background: entity.background,
    ...(entity.date ? { date: entity.date } : {}),
    excerpts: pickExcerpts(all, limit).map((excerpt) => toCardExcerpt(excerpt, sources)),
    related: entity.related
      .map((id) => sources.entityById.get(id))
      .filter((related): related is Entity => related !== undefined)
      .map(({ id, name, kind }) => ({ id, name, kind })),
    excerptTotal: all.length,
  };
}

/** Excerpts are already newest first; take the first of each article, then fill up with the rest. */
export function pickExcerpts(excerpts: readonly Excerpt[], limit: number): Excerpt[] {
  const seenArticles = new Set<string>();
  const firsts: Excerpt[] = [];
  const rest: Excerpt[] = [];
  for (const excerpt of excerpts) {
    if (seenArticles.has(excerpt.articleId)) rest.push(excerpt);
    else {
      seenArticles.add(excerpt.articleId);
      firsts.push(excerpt);
    }
  }
  return [...firsts, ...rest].slice(0, limit);
}

function toCardExcerpt(excerpt: Excerpt, sources: CardSources): CardExcerpt {
  const mentionStart = excerpt.mentionStart - excerpt.start;
  const mentionEnd = excerpt.mentionEnd - excerpt.start;
  return {
    articleId: excerpt.articleId,
    articleTitle: sources.articleById.get(excerpt.articleId)?.title ?? excerpt.articleId,
    outlet: excerpt.outlet,
    date: excerpt.date,
    precision: excerpt.precision,
    before: excerpt.text.slice(0, mentionStart),
    mention: excerpt.text.slice(mentionStart, mentionEnd),
    after: excerpt.text.slice(mentionEnd),
    start: excerpt.start,
    end: excerpt.end,
  };
}
