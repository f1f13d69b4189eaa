/**
 * What a card adds about an entity's place in the story (issue #15): "Sources differ" (claims of
 * its sources that disagree), "On the timeline" (the events just before and after its latest
 * mention) and the date of its newest source (for "Newer than your sources"). Built from the
 * entity's own excerpts only, so the background can answer a card without reading the corpus;
 * the other entities of each quoted sentence are found by the same matcher the pages use.
 */
import { z } from 'zod';
import type { EntityMatcher } from '../matching/match-entities';
import type { Excerpt } from '../model/index-schema';
import { datePrecisions, type Entity } from '../model/knowledge-base';
import { type ClaimSentence, differenceKinds, findSourceDifferences } from './source-differences';
import { buildTimeline, comparePoints, eventsAround, type TimelinePoint } from './timeline';

/** Sentences compared per card: the newest, so a card on a much-quoted entity stays quick. */
const MAX_COMPARED = 400;
/** Disagreements shown on a card: conflicts first. */
const MAX_SHOWN = 3;

const quoteSchema = z
  .object({
    articleId: z.string(),
    outlet: z.string(),
    date: z.string().nullable(),
    precision: z.enum(datePrecisions),
    text: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict();

export const cardDifferenceSchema = z
  .object({
    kind: z.enum(differenceKinds),
    verdict: z.enum(['conflict', 'changed-over-time']),
    what: z.string(),
    a: quoteSchema,
    b: quoteSchema,
  })
  .strict();
export type CardDifference = z.infer<typeof cardDifferenceSchema>;

const timelineEventSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    date: z.string(),
    end: z.string().optional(),
    precision: z.enum(datePrecisions),
  })
  .strict();
export type CardTimelineEvent = z.infer<typeof timelineEventSchema>;

export const cardTimelineSchema = z
  .object({
    /** The timeline point of the latest mention, to link into the timeline there. */
    pointId: z.string(),
    date: z.string(),
    precision: z.enum(datePrecisions),
    before: z.array(timelineEventSchema),
    after: z.array(timelineEventSchema),
  })
  .strict();
export type CardTimeline = z.infer<typeof cardTimelineSchema>;

export const latestSourceSchema = z.object({ date: z.string(), precision: z.enum(datePrecisions) }).strict();

export interface CardContext {
  differences: CardDifference[];
  onTimeline?: CardTimeline;
  latestSource?: z.infer<typeof latestSourceSchema>;
}

function toEvent(point: TimelinePoint): CardTimelineEvent | undefined {
  if (!point.date) return undefined;
  return {
    id: point.entityIds[0] ?? point.id,
    name: point.text,
    date: point.date,
    ...(point.end ? { end: point.end } : {}),
    precision: point.precision,
  };
}

/**
 * The story context of one entity's card, from its excerpts (newest first, as cards keep them).
 *
 * @example cardContext('naqoura-talks-2025', excerpts, entities, matcher).differences
 */
export function cardContext(
  entityId: string,
  excerpts: readonly Excerpt[],
  entities: readonly Entity[],
  matcher: EntityMatcher,
): CardContext {
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const newest = excerpts.slice(0, MAX_COMPARED);
  const sentences: ClaimSentence[] = newest.map((excerpt) => {
    const mentions = matcher
      .match(excerpt.text)
      .map((match) => ({ entityId: match.entityId, start: match.start, end: match.end }));
    if (!mentions.some((mention) => mention.entityId === entityId)) {
      const start = excerpt.mentionStart - excerpt.start;
      mentions.push({ entityId, start, end: excerpt.mentionEnd - excerpt.start });
    }
    return {
      id: `${excerpt.articleId}:${excerpt.start}`,
      articleId: excerpt.articleId,
      start: excerpt.start,
      end: excerpt.end,
      text: excerpt.text,
      outlet: excerpt.outlet,
      date: excerpt.date,
      precision: excerpt.precision,
      mentions,
    };
  });
  const differences = findSourceDifferences(sentences, entityById)
    .sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'conflict' ? -1 : 1))
    .slice(0, MAX_SHOWN)
    .map(({ kind, verdict, what, a, b }) => ({
      kind,
      verdict,
      what,
      a: {
        articleId: a.articleId,
        outlet: a.outlet,
        date: a.date,
        precision: a.precision,
        text: a.text,
        start: a.start,
        end: a.end,
      },
      b: {
        articleId: b.articleId,
        outlet: b.outlet,
        date: b.date,
        precision: b.precision,
        text: b.text,
        start: b.start,
        end: b.end,
      },
    }));

  const points = buildTimeline({
    entities,
    articles: [],
    excerpts: [],
  });
  // Every mention is a point here (not only dated statements): the card asks where the entity was last seen.
  const mentionPoints: TimelinePoint[] = newest
    .filter((excerpt) => excerpt.date !== null)
    .map((excerpt) => ({
      id: `${excerpt.articleId}:${excerpt.start}`,
      kind: 'fact',
      date: excerpt.date,
      precision: excerpt.precision,
      inferred: false,
      dateBasis: 'article',
      entityIds: [entityId],
      text: excerpt.text,
    }));
  const all = [...points, ...mentionPoints].sort(comparePoints);
  const around = eventsAround(all, entityId);
  const onTimeline = around?.at.date
    ? {
        pointId: around.at.id,
        date: around.at.date,
        precision: around.at.precision,
        before: around.before.flatMap((point) => toEvent(point) ?? []),
        after: around.after.flatMap((point) => toEvent(point) ?? []),
      }
    : undefined;

  let latestSource: CardContext['latestSource'];
  for (const excerpt of excerpts) {
    if (excerpt.date && excerpt.precision !== 'unknown' && (!latestSource || excerpt.date > latestSource.date)) {
      latestSource = { date: excerpt.date, precision: excerpt.precision };
    }
  }
  return {
    differences,
    ...(onTimeline ? { onTimeline } : {}),
    ...(latestSource ? { latestSource } : {}),
  };
}
