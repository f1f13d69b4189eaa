import type { Entity } from '../model/knowledge-base';

/**
 * Events on a timeline: a generic event phrase ("direct talks",
 * "negotiations", "the ceasefire") never links to an event that starts after
 * the page's date, and among the events sharing the phrase it goes to the
 * nearest one that had started by then (issue #12: articles from April 2025
 * linked "direct talks" to the March 2026 offer, so the card described what
 * had not happened yet). Named forms ("2026 Lebanon-Israel talks") are left
 * alone: a page that names an event knows it.
 *
 * Dates compare as ISO prefixes at the coarser of the two precisions: an
 * event of "2026-03" does not start after a page of "2026-03-05" (it may
 * have), but does after one of "2026-02-28".
 */

/** What the timeline needs of an event. */
export interface EventTiming {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  start: string;
  /** The event's generic aliases (`needsCue`), as the knowledge base writes them. */
  genericAliases: readonly string[];
}

/** The timing of an event entity, or undefined for other kinds. */
export function eventTiming(entity: Pick<Entity, 'kind' | 'date' | 'aliases'>): EventTiming | undefined {
  if (entity.kind !== 'event' || !entity.date) return undefined;
  return {
    start: entity.date.start,
    genericAliases: entity.aliases.filter((alias) => alias.needsCue).map((alias) => alias.text),
  };
}

/** Whether `date` (an ISO prefix) is certainly after `reference` (another). */
export function startsAfter(date: string, reference: string): boolean {
  const length = Math.min(date.length, reference.length);
  return date.slice(0, length) > reference.slice(0, length);
}

const fold = (alias: string) => alias.normalize('NFC').toLowerCase();

/**
 * `matches` with every generic event phrase checked against the page's date:
 * kept when its event had started, moved to the latest event sharing the
 * phrase that had, dropped when none had. Without a page date, unchanged.
 *
 * @example onPageTimeline([{ entityId: 'lebanon-israel-talks-2026', alias: 'direct talks' }], '2025-04-12', timings) // [] (no talks had started)
 */
export function onPageTimeline<T extends { entityId: string; alias: string }>(
  matches: readonly T[],
  pageDate: string | undefined,
  timings: ReadonlyMap<string, EventTiming>,
): T[] {
  if (!pageDate || timings.size === 0) return [...matches];
  const out: T[] = [];
  for (const match of matches) {
    const timing = timings.get(match.entityId);
    const alias = fold(match.alias);
    const generic = timing?.genericAliases.some((text) => fold(text) === alias);
    if (!timing || !generic || !startsAfter(timing.start, pageDate)) {
      out.push(match);
      continue;
    }
    let best: [string, EventTiming] | undefined;
    for (const [id, other] of timings) {
      if (startsAfter(other.start, pageDate)) continue;
      if (!other.genericAliases.some((text) => fold(text) === alias)) continue;
      if (!best || other.start > best[1].start) best = [id, other];
    }
    if (best) out.push({ ...match, entityId: best[0] });
  }
  return out;
}
