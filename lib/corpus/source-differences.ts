/**
 * Where sources differ (issue #15): claims from different sources about the same entity or
 * event that cannot both be true. Figures (casualties, troops, distances, counts), dates of the
 * same event, "first in N years" spans, who chaired or attended, and places. Precision comes
 * first: each kind compares only claims tied to the same event or entity by the sentence's own
 * words, and what is only rounding, a floor against a count, or a figure that grew over weeks is
 * not a conflict (figures months apart are "changed over time").
 */
import type { Excerpt } from '../model/index-schema';
import type { DatePrecision, EntityKind } from '../model/knowledge-base';
import { type SentenceDate, sentenceDates } from './sentence-dates';
import { type ClaimBound, extractClaims, type FigureClaim, type SpanClaim } from './source-claims';

/** One claim as an outlet reported it on a day; the date is an ISO day so sources can be ordered. */
export interface DatedFigure {
  claim: FigureClaim;
  outlet: string;
  date: string;
}

export type FigureVerdict = 'agree' | 'conflict' | 'changed-over-time';

/** Figures within 5% differ by rounding ("about 3,000" against "2,950"), which no careful reader calls a conflict. */
const roundingShare = 0.05;
/** Counts reported this far apart may have grown; the reader is told the figure changed, not that sources clash. */
const changedAfterDays = 45;

function range(claim: FigureClaim): [number, number] {
  const slack = claim.bound === 'about' ? claim.value * roundingShare : 0;
  if (claim.bound === 'at-least') return [claim.value, Number.POSITIVE_INFINITY];
  if (claim.bound === 'at-most') return [0, claim.value];
  return [claim.value - slack, claim.value + slack];
}

function overlaps([lowA, highA]: [number, number], [lowB, highB]: [number, number]): boolean {
  return lowA <= highB && lowB <= highA;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

export function compareFigures(a: DatedFigure, b: DatedFigure): FigureVerdict {
  if (a.outlet === b.outlet || a.claim.unit !== b.claim.unit) return 'agree';
  const near = Math.abs(a.claim.value - b.claim.value) <= Math.max(a.claim.value, b.claim.value) * roundingShare;
  if (near || overlaps(range(a.claim), range(b.claim))) return 'agree';
  return daysBetween(a.date, b.date) > changedAfterDays ? 'changed-over-time' : 'conflict';
}

/** One sentence of a source, with the entities it names (offsets relative to the sentence). */
export interface ClaimSentence {
  /** `<article id>:<sentence start>`, as timeline points. */
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  outlet: string;
  date: string | null;
  precision: DatePrecision;
  mentions: { entityId: string; start: number; end: number }[];
}

export const differenceKinds = ['figure', 'date', 'first-in', 'chair', 'attendance', 'place'] as const;
export type DifferenceKind = (typeof differenceKinds)[number];

export interface SourceDifference {
  kind: DifferenceKind;
  verdict: 'conflict' | 'changed-over-time';
  /** The entity or event both sentences are about. */
  entityId: string;
  a: ClaimSentence;
  b: ClaimSentence;
  /** What differs, in a few words: "1,100 against 1,640 killed". */
  what: string;
}

/** What the detector needs to know of an entity. */
export interface DifferenceEntity {
  kind: EntityKind;
  specificity: 'specific' | 'general';
  related: readonly string[];
}

/**
 * Sentences from excerpts: one per sentence, with every entity it names. The excerpt gives the
 * first mention of each entity in its sentence, which is all the role checks need.
 */
export function claimSentences(excerpts: Iterable<Excerpt & { entityId: string }>): ClaimSentence[] {
  const byId = new Map<string, ClaimSentence>();
  for (const excerpt of excerpts) {
    const id = `${excerpt.articleId}:${excerpt.start}`;
    let sentence = byId.get(id);
    if (!sentence) {
      sentence = {
        id,
        articleId: excerpt.articleId,
        start: excerpt.start,
        end: excerpt.end,
        text: excerpt.text,
        outlet: excerpt.outlet,
        date: excerpt.date,
        precision: excerpt.precision,
        mentions: [],
      };
      byId.set(id, sentence);
    }
    sentence.mentions.push({
      entityId: excerpt.entityId,
      start: excerpt.mentionStart - excerpt.start,
      end: excerpt.mentionEnd - excerpt.start,
    });
  }
  return [...byId.values()];
}

interface SentenceFacts {
  sentence: ClaimSentence;
  figures: { claim: FigureClaim; key: string; label: string }[];
  spans: SpanClaim[];
  /** A stated date tied to an event by a verb of occurrence ("held on", "took effect on"). */
  eventDate?: SentenceDate;
  chairs: Set<string>;
  attended: Set<string>;
  absent: Set<string>;
  places: Set<string>;
  /** The events the sentence names, sorted. */
  events: string[];
}

/** What a figure counts, so 880 killed is never compared with 880 displaced. */
const figureTopics: [RegExp, string][] = [
  [/\b(?:killed|killing|kills|dead|deaths?|died|lives|fatalities|death toll)\b/i, 'killed'],
  [/\b(?:wounded|wounding|injured|injuring|injuries)\b/i, 'wounded'],
  [/\b(?:displaced|displacing|displacement|fled|homes|evacuated|homeless)\b/i, 'displaced'],
  [/\b(?:arrested|detained|captured|abducted|hostages?)\b/i, 'held'],
];
const unitClasses: [RegExp, string][] = [
  [/^(?:people|person|lebanese|israeli|civilian|life|live|resident|villager|fatalitie|death|victim)$/, 'people'],
  [/^(?:child|children)$/, 'child'],
  [/^(?:troop|soldier|fighter|reservist)$/, 'troop'],
  [/^(?:kilometre|kilometer|km)$/, 'kilometre'],
  [/^(?:mile)$/, 'mile'],
];

function figureTopic(text: string, claim: FigureClaim): string {
  // The claim itself counts too: in "over 550 lives" the unit says what is counted.
  const before = text.slice(Math.max(0, claim.start - 30), claim.end);
  const after = text.slice(claim.end, claim.end + 50);
  for (const [pattern, topic] of figureTopics) if (pattern.test(after) || pattern.test(before)) return topic;
  return '';
}

function unitClass(unit: string): string {
  for (const [pattern, name] of unitClasses) if (pattern.test(unit)) return name;
  return unit;
}

const occurrenceVerb =
  /\b(?:held|took place|took effect|began|begun|started|signed|met|opened|convened|made|announced|launched|broke out|erupted|reached|came into force|went into effect)\b/i;
const chairedBy = /\b(?:chaired|co-chaired|presided over|led|mediated|hosted)\s+by\b/gi;
const chairedActive = /\b(?:chaired|co-chaired|presided over)\b/gi;
const attendedBy = /\b(?:attended|joined)\s+by\b/gi;
const attendedActive = /\b(?:attended|joined|took part in|was present at|were present at)\b/gi;
const withAttending = /\bwith\s+([^,.;]{2,60}?)\s+(?:attending|present|taking part)\b/gi;
const absentWords =
  /\b(?:did not attend|didn't attend|was absent from|were absent from|stayed away from|skipped|boycotted|was not present at|were not present at)\b/gi;
/** "held in X", "hosted in the border town of X", "held on 3 December in X". */
const heldIn =
  /\b(?:held|hosted|took place|met|convened|was signed|were signed|announced|opened|made)(?:\s+on\s+[^,.;]{1,25}?)?\s+(?:in|at)\s+(?:the\s+[\w-]+(?:\s+[\w-]+)?\s+of\s+)?/gi;

function mentionsIn(
  sentence: ClaimSentence,
  from: number,
  to: number,
  kinds: readonly EntityKind[],
  kindOf: (id: string) => EntityKind | undefined,
): string[] {
  return sentence.mentions
    .filter((mention) => mention.start >= from && mention.start < to)
    .filter((mention) => {
      const kind = kindOf(mention.entityId);
      return kind !== undefined && kinds.includes(kind);
    })
    .map((mention) => mention.entityId);
}

function factsOf(sentence: ClaimSentence, kindOf: (id: string) => EntityKind | undefined): SentenceFacts {
  const text = sentence.text;
  const year = sentence.date ? Number(sentence.date.slice(0, 4)) : undefined;
  const claims = extractClaims(text, year);
  const facts: SentenceFacts = {
    sentence,
    figures: [],
    spans: claims.filter((claim): claim is SpanClaim => claim.kind === 'first-in'),
    chairs: new Set(),
    attended: new Set(),
    absent: new Set(),
    places: new Set(),
    events: [
      ...new Set(sentence.mentions.map((mention) => mention.entityId).filter((id) => kindOf(id) === 'event')),
    ].sort(),
  };
  for (const claim of claims) {
    if (claim.kind !== 'figure') continue;
    const topic = figureTopic(text, claim);
    const unit = unitClass(claim.unit);
    facts.figures.push({ claim, key: `${topic}|${unit}`, label: topic || claim.unit });
  }
  const explicit = sentenceDates(text).filter((date) => !date.inferred);
  const onlyDate = explicit.length === 1 ? explicit[0] : undefined;
  if (onlyDate && occurrenceVerb.test(text)) facts.eventDate = onlyDate;
  const actors: EntityKind[] = ['person', 'organisation', 'place'];
  for (const match of text.matchAll(chairedBy)) {
    const at = (match.index ?? 0) + match[0].length;
    for (const id of mentionsIn(sentence, at, at + 50, actors, kindOf)) facts.chairs.add(id);
  }
  for (const match of text.matchAll(chairedActive)) {
    const at = match.index ?? 0;
    if (/\s+by\b/i.test(text.slice(at + match[0].length, at + match[0].length + 4))) continue;
    for (const id of mentionsIn(sentence, Math.max(0, at - 40), at, actors, kindOf)) facts.chairs.add(id);
  }
  for (const match of text.matchAll(absentWords)) {
    const at = match.index ?? 0;
    for (const id of mentionsIn(sentence, Math.max(0, at - 40), at, ['person', 'organisation'], kindOf))
      facts.absent.add(id);
  }
  for (const match of text.matchAll(attendedBy)) {
    const at = (match.index ?? 0) + match[0].length;
    for (const id of mentionsIn(sentence, at, at + 50, ['person', 'organisation'], kindOf)) facts.attended.add(id);
  }
  for (const match of text.matchAll(attendedActive)) {
    const at = match.index ?? 0;
    if (/\bnot\s*$|n't\s*$/i.test(text.slice(Math.max(0, at - 8), at))) continue;
    if (/\s+by\b/i.test(text.slice(at + match[0].length, at + match[0].length + 4))) continue;
    for (const id of mentionsIn(sentence, Math.max(0, at - 40), at, ['person', 'organisation'], kindOf)) {
      if (!facts.absent.has(id)) facts.attended.add(id);
    }
  }
  for (const match of text.matchAll(withAttending)) {
    const at = (match.index ?? 0) + 5;
    for (const id of mentionsIn(sentence, at, at + match[0].length, ['person', 'organisation'], kindOf))
      facts.attended.add(id);
  }
  for (const match of text.matchAll(heldIn)) {
    const at = (match.index ?? 0) + match[0].length;
    for (const id of mentionsIn(sentence, at, at + 30, ['place'], kindOf)) facts.places.add(id);
  }
  return facts;
}

/** Two sources, not one: outlets compare by name, except "unknown", which is each article's own. */
function sourceKey(sentence: ClaimSentence): string {
  return sentence.outlet === 'unknown' ? `unknown:${sentence.articleId}` : sentence.outlet;
}

function truncate(date: string, parts: number): string {
  return date.split('-').slice(0, parts).join('-');
}

function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

const boundWordsOut: Record<ClaimBound, string> = {
  exact: '',
  'at-least': 'at least ',
  'at-most': 'at most ',
  about: 'about ',
};

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>, related: (x: string, y: string) => boolean): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) for (const y of b) if (x === y || related(x, y)) return false;
  return true;
}

/**
 * Every disagreement between sentences of different sources that share an entity.
 *
 * @example findSourceDifferences(claimSentences(excerpts), entityById).filter((d) => d.verdict === 'conflict')
 */
export function findSourceDifferences(
  sentences: readonly ClaimSentence[],
  entityById: ReadonlyMap<string, DifferenceEntity>,
): SourceDifference[] {
  const kindOf = (id: string) => entityById.get(id)?.kind;
  const related = (x: string, y: string) =>
    (entityById.get(x)?.related.includes(y) ?? false) || (entityById.get(y)?.related.includes(x) ?? false);
  const facts = sentences.map((sentence) => factsOf(sentence, kindOf));
  const worthComparing = facts.filter(
    (fact) =>
      fact.figures.length > 0 ||
      fact.spans.length > 0 ||
      fact.eventDate !== undefined ||
      fact.chairs.size + fact.attended.size + fact.absent.size + fact.places.size > 0,
  );
  // Sentences meet through the specific entities (and events) they share, never through "Lebanon".
  const byEntity = new Map<string, SentenceFacts[]>();
  for (const fact of worthComparing) {
    for (const mention of fact.sentence.mentions) {
      const entity = entityById.get(mention.entityId);
      if (!entity || (entity.specificity === 'general' && entity.kind !== 'event')) continue;
      const list = byEntity.get(mention.entityId) ?? [];
      // A sentence's mentions come together, so a repeat is always the last one added (no scan of the list).
      if (list[list.length - 1] !== fact) list.push(fact);
      byEntity.set(mention.entityId, list);
    }
  }
  const found = new Map<string, SourceDifference>();
  const add = (difference: SourceDifference) => {
    const [first, second] = [difference.a.id, difference.b.id].sort();
    const key = `${difference.kind}|${first}|${second}|${difference.what}`;
    if (!found.has(key)) found.set(key, difference);
  };
  for (const [entityId, list] of byEntity) {
    const isEvent = kindOf(entityId) === 'event';
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i] as SentenceFacts;
        const y = list[j] as SentenceFacts;
        if (x.sentence.articleId === y.sentence.articleId || sourceKey(x.sentence) === sourceKey(y.sentence)) continue;
        compareFacts(entityId, isEvent, x, y, related, add);
      }
    }
  }
  return [...found.values()];
}

function eventsOf(fact: SentenceFacts): string {
  return fact.events.join(' ');
}

function sameEvents(x: SentenceFacts, y: SentenceFacts): boolean {
  return eventsOf(x) === eventsOf(y);
}

function compareFacts(
  entityId: string,
  isEvent: boolean,
  x: SentenceFacts,
  y: SentenceFacts,
  related: (a: string, b: string) => boolean,
  add: (difference: SourceDifference) => void,
): void {
  const base = { entityId, a: x.sentence, b: y.sentence };
  // A toll for one day's strikes and one for a whole war differ in scope, not in fact: figures
  // are compared only between sentences about the same events (or both about none).
  const sameScope = sameEvents(x, y);
  for (const fx of sameScope ? x.figures : []) {
    for (const fy of y.figures) {
      if (fx.key !== fy.key) continue;
      const dateX = x.sentence.date;
      const dateY = y.sentence.date;
      if (!dateX || !dateY) continue;
      const verdict = compareFigures(
        { claim: { ...fx.claim, unit: fx.key }, outlet: sourceKey(x.sentence), date: dateX },
        { claim: { ...fy.claim, unit: fy.key }, outlet: sourceKey(y.sentence), date: dateY },
      );
      if (verdict === 'agree') continue;
      add({
        ...base,
        kind: 'figure',
        verdict,
        what: `${boundWordsOut[fx.claim.bound]}${formatCount(fx.claim.value)} against ${boundWordsOut[fy.claim.bound]}${formatCount(fy.claim.value)} ${fx.label}`,
      });
    }
  }
  // The rest are claims about one event: its date, its span, who chaired, who came, where.
  if (!isEvent) return;
  if (x.eventDate && y.eventDate) {
    const parts = Math.min(x.eventDate.date.split('-').length, y.eventDate.date.split('-').length);
    if (truncate(x.eventDate.date, parts) !== truncate(y.eventDate.date, parts)) {
      add({ ...base, kind: 'date', verdict: 'conflict', what: `${x.eventDate.date} against ${y.eventDate.date}` });
    }
  }
  for (const sx of x.spans) {
    for (const sy of y.spans) {
      // "In N years" is only as precise as the article's year: allow a year either way for each.
      const slack = 1 + (sx.inferred ? 1 : 0) + (sy.inferred ? 1 : 0);
      if (Math.abs(sx.sinceYear - sy.sinceYear) <= slack) continue;
      add({
        ...base,
        kind: 'first-in',
        verdict: 'conflict',
        what: `first since ${sx.sinceYear} against first since ${sy.sinceYear}`,
      });
    }
  }
  if (disjoint(x.chairs, y.chairs, related)) {
    add({
      ...base,
      kind: 'chair',
      verdict: 'conflict',
      what: `chaired by ${[...x.chairs].join(', ')} against ${[...y.chairs].join(', ')}`,
    });
  }
  for (const id of x.attended) {
    if (y.absent.has(id))
      add({ ...base, kind: 'attendance', verdict: 'conflict', what: `${id} attended against did not attend` });
  }
  for (const id of x.absent) {
    if (y.attended.has(id))
      add({ ...base, kind: 'attendance', verdict: 'conflict', what: `${id} did not attend against attended` });
  }
  if (disjoint(x.places, y.places, related)) {
    add({
      ...base,
      kind: 'place',
      verdict: 'conflict',
      what: `${[...x.places].join(', ')} against ${[...y.places].join(', ')}`,
    });
  }
}
