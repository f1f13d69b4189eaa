/**
 * The story around a name (issue #15): the knowledge base's events and the dated statements and
 * facts of every article, seeds and imports, on one time axis.
 *
 * A sentence joins the timeline when it names a known entity (it is one of that entity's excerpts)
 * and either states a date or reports what someone said. It is placed at its own date when it
 * states one, else at its article's date. Precision is never invented: a month stays a month, and
 * a date worked out rather than read ("last week", an inferred article date) is marked inferred,
 * shown as "c.". Built from excerpts, which the build and the importer already cut, so opening the
 * timeline never re-reads or re-matches article text.
 */
import type { Excerpt } from '../model/index-schema';
import type { DatePrecision, Entity, EntityKind } from '../model/knowledge-base';
import type { PublishedDate } from '../model/seed-manifest';
import { sentenceDates } from './sentence-dates';

export const pointKinds = ['event', 'statement', 'fact'] as const;
export type PointKind = (typeof pointKinds)[number];

/** Where a point's date came from, so the page can say why it sits where it does. */
export type DateBasis = 'event' | 'sentence' | 'relative' | 'article';

/** What the timeline needs of an article: no text, so imported articles need not be read whole. */
export interface TimelineArticle {
  id: string;
  title: string;
  outlet: string;
  language: string;
  published: PublishedDate;
}

export interface TimelinePoint {
  /** `event:<entity id>` or `<article id>:<sentence start>`: stable across rebuilds, used in links. */
  id: string;
  kind: PointKind;
  /** Partial ISO date as precise as `precision` says; null when nothing dates it. */
  date: string | null;
  /** An event's last day, month or year, when it spans time. */
  end?: string;
  precision: DatePrecision;
  /** Shown as "c.": the date was worked out, not stated. */
  inferred: boolean;
  dateBasis: DateBasis;
  /** The entities the point is about (sorted, unique). */
  entityIds: string[];
  /** An event's name, or the quoted sentence. */
  text: string;
  /** The sentence's article and offsets, to open it in the reader page; absent for events. */
  source?: {
    articleId: string;
    title: string;
    outlet: string;
    language: string;
    start: number;
    end: number;
    articleDate: string | null;
    articlePrecision: DatePrecision;
  };
}

export interface TimelineInputs {
  entities: readonly Entity[];
  articles: Iterable<TimelineArticle>;
  /** Excerpts with the entity each quotes: the bundled index's and the imported articles'. */
  excerpts: Iterable<Excerpt & { entityId: string }>;
  /**
   * Sentences (`<article id>:<sentence start>`) placed even without a date or a reporting verb: those
   * another source contradicts, so "Sources differ" has a point to stand at on the timeline.
   */
  alsoPlace?: ReadonlySet<string>;
}

/** Verbs of reporting: a sentence with one about a known entity is a statement worth placing. */
const reportingVerb =
  /\b(?:said|says|told|tells|announced|stated|declared|denied|warned|pledged|reported|claimed|confirmed|accused|insisted|dismissed|denounced|urged|rejected|vowed|condemned|described|characterized|characterised|stressed|according to)\b/i;

/**
 * Every point of the corpus, oldest first; undated points last.
 *
 * @example buildTimeline({ entities: index.entities, articles: index.articles, excerpts })[0].kind // 'event'
 */
export function buildTimeline({ entities, articles, excerpts, alsoPlace }: TimelineInputs): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (const entity of entities) {
    if (entity.kind !== 'event' || !entity.date) continue;
    points.push({
      id: `event:${entity.id}`,
      kind: 'event',
      date: entity.date.precision === 'unknown' ? null : entity.date.start,
      ...(entity.date.end && entity.date.end !== entity.date.start ? { end: entity.date.end } : {}),
      precision: entity.date.precision,
      inferred: false,
      dateBasis: 'event',
      entityIds: [entity.id],
      text: entity.name,
    });
  }
  const articleById = new Map<string, TimelineArticle>();
  for (const article of articles) articleById.set(article.id, article);
  // Most sentences name one entity: a plain array (deduplicated on insert) costs far less than a Set each.
  const sentences = new Map<string, { excerpt: Excerpt; entityIds: string[] }>();
  for (const excerpt of excerpts) {
    const key = `${excerpt.articleId}:${excerpt.start}`;
    const known = sentences.get(key);
    if (!known) sentences.set(key, { excerpt, entityIds: [excerpt.entityId] });
    else if (!known.entityIds.includes(excerpt.entityId)) known.entityIds.push(excerpt.entityId);
  }
  for (const [key, { excerpt, entityIds }] of sentences) {
    const article = articleById.get(excerpt.articleId);
    if (!article) continue;
    if (entityIds.length > 1) entityIds.sort();
    const point = sentencePoint(key, excerpt, article, entityIds, alsoPlace?.has(key) ?? false);
    if (point) points.push(point);
  }
  return points.sort(comparePoints);
}

function sentencePoint(
  id: string,
  excerpt: Excerpt,
  article: TimelineArticle,
  entityIds: string[],
  placeAnyway: boolean,
): TimelinePoint | undefined {
  const published = article.published;
  const dates = sentenceDates(excerpt.text, published);
  const reports = reportingVerb.test(excerpt.text);
  if (dates.length === 0 && !reports && !placeAnyway) return undefined;
  const stated = dates.find((date) => !date.inferred) ?? dates[0];
  const base = {
    id,
    kind: (reports ? 'statement' : 'fact') as PointKind,
    entityIds,
    text: excerpt.text,
    source: {
      articleId: article.id,
      title: article.title,
      outlet: article.outlet,
      language: article.language,
      start: excerpt.start,
      end: excerpt.end,
      articleDate: published.date,
      articlePrecision: published.precision,
    },
  };
  if (stated) {
    return {
      ...base,
      date: stated.date,
      precision: stated.precision,
      // A relative date is only as good as the article's date: always inferred.
      inferred: stated.inferred,
      dateBasis: stated.inferred ? 'relative' : 'sentence',
    };
  }
  return {
    ...base,
    date: published.date,
    precision: published.precision,
    inferred: published.basis !== 'stated',
    dateBasis: 'article',
  };
}

const precisionRank: Record<DatePrecision, number> = { year: 0, month: 1, day: 2, unknown: 3 };
/** `pointKinds` order as a lookup: the sort compares hundreds of thousands of pairs at 10k articles. */
const kindRank: Record<PointKind, number> = { event: 0, statement: 1, fact: 2 };

/** Oldest first; at the same date, the coarser point first (a month band opens before its days); undated last. */
export function comparePoints(a: TimelinePoint, b: TimelinePoint): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    // Partial ISO dates order as strings; "2026" sorts before "2026-03" before "2026-03-09".
    return a.date < b.date ? -1 : 1;
  }
  return (
    precisionRank[a.precision] - precisionRank[b.precision] ||
    kindRank[a.kind] - kindRank[b.kind] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface TimelineFilter {
  entityId?: string;
  pointKinds?: readonly PointKind[];
  /** Points about at least one entity of this kind. */
  entityKind?: EntityKind;
  outlet?: string;
  language?: string;
  /** Partial ISO bounds, inclusive: a point counts when its date falls under or between them. */
  from?: string;
  to?: string;
}

/**
 * The points that pass every set filter, in timeline order. Events have no outlet or language:
 * those filters keep them out, since an event is not a source.
 */
export function filterTimeline(
  points: readonly TimelinePoint[],
  filter: TimelineFilter,
  entityKindOf: (entityId: string) => EntityKind | undefined = () => undefined,
): TimelinePoint[] {
  const kinds = filter.pointKinds?.length ? new Set(filter.pointKinds) : undefined;
  const to = filter.to ? `${filter.to}\uffff` : undefined;
  return points.filter((point) => {
    if (kinds && !kinds.has(point.kind)) return false;
    if (filter.entityId && !point.entityIds.includes(filter.entityId)) return false;
    if (filter.outlet && point.source?.outlet !== filter.outlet) return false;
    if (filter.language && point.source?.language !== filter.language) return false;
    if (filter.entityKind && !point.entityIds.some((id) => entityKindOf(id) === filter.entityKind)) return false;
    if (filter.from && (point.date === null || (point.end ?? point.date) < filter.from)) return false;
    if (to && (point.date === null || point.date > to)) return false;
    return true;
  });
}

export type TimelineZoom = 'year' | 'month' | 'day';

export interface TimelineBand {
  /** Partial ISO key of the band, or `undated`. */
  key: string;
  /** How precise the band is: coarser than the zoom when its points say no more. */
  precision: DatePrecision;
  points: TimelinePoint[];
}

const zoomParts: Record<TimelineZoom, number> = { year: 1, month: 2, day: 3 };
const precisionParts: Record<DatePrecision, number> = { year: 1, month: 2, day: 3, unknown: 0 };
const partsPrecision: DatePrecision[] = ['unknown', 'year', 'month', 'day'];

/**
 * Groups points into bands of the zoom (years, months or days). A point less precise than the
 * zoom gets a band of its own precision ("March 2026, day not known") rather than a made-up day.
 * Input in timeline order gives bands in timeline order.
 */
export function timelineBands(points: readonly TimelinePoint[], zoom: TimelineZoom): TimelineBand[] {
  const bands: TimelineBand[] = [];
  let current: TimelineBand | undefined;
  for (const point of points) {
    const parts = point.date === null ? 0 : Math.min(zoomParts[zoom], precisionParts[point.precision]);
    const key = parts === 0 || point.date === null ? 'undated' : point.date.split('-').slice(0, parts).join('-');
    if (current?.key !== key) {
      current = bands.find((band) => band.key === key);
      if (!current) {
        current = { key, precision: partsPrecision[parts] ?? 'unknown', points: [] };
        bands.push(current);
      }
    }
    current.points.push(point);
  }
  return bands;
}

/**
 * "On the timeline" for a card: the events just before and after the entity's latest dated
 * mention, and where that mention sits, so the card can link into the timeline at that point.
 */
export function eventsAround(
  points: readonly TimelinePoint[],
  entityId: string,
  count = 3,
): { at: TimelinePoint; before: TimelinePoint[]; after: TimelinePoint[] } | undefined {
  let atIndex = -1;
  points.forEach((point, index) => {
    if (point.date !== null && point.kind !== 'event' && point.entityIds.includes(entityId)) atIndex = index;
  });
  if (atIndex < 0) atIndex = points.findIndex((point) => point.id === `event:${entityId}`);
  const at = points[atIndex];
  if (!at) return undefined;
  const before = points
    .slice(0, atIndex)
    .filter((point) => point.kind === 'event')
    .slice(-count);
  const after = points
    .slice(atIndex + 1)
    .filter((point) => point.kind === 'event' && point.date !== null)
    .slice(0, count);
  return { at, before, after };
}
