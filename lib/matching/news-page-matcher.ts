import type { Entity } from '../model/knowledge-base';
import { type EventTiming, eventTiming, onPageTimeline } from './event-dates';
import type { Candidate, EntityMatch, EntityMatcher } from './match-entities';
import { withoutOutletPlaces } from './outlet-names';

/**
 * The entity matcher as a news page needs it (issue #12): a place inside an
 * outlet's name ("The Times of Israel", "MTV Liban") is not the place, and a
 * generic event phrase ("direct talks") stays on the page's timeline, never
 * naming an event that started after the page was written.
 *
 * It lives beside the matcher, not in the page stage, so that the rules run
 * where matching runs: in the background worker for news pages (the content
 * script then carries neither the outlet list nor the timeline rule, issue
 * #13's size budget) and in the reader page's own thread.
 */
export interface NewsPageMatcher {
  /** Marks the wrapped matcher, so a bare `EntityMatcher` (without the rules) cannot be passed for one. */
  readonly newsPage: true;
  /** Candidates in one text block; none inside an outlet's name. */
  scan(text: string): Candidate[];
  /** Resolves a page's candidates as one document, generic event phrases placed before `pageDate`. */
  resolve(chunks: readonly (readonly Candidate[])[], pageDate?: string): EntityMatch[][];
}

/** The start and generic phrases of every event among `entities`, by id. */
export function eventTimingsOf(
  entities: Iterable<Pick<Entity, 'id' | 'kind' | 'date' | 'aliases'>>,
): Map<string, EventTiming> {
  const timings = new Map<string, EventTiming>();
  for (const entity of entities) {
    const timing = eventTiming(entity);
    if (timing) timings.set(entity.id, timing);
  }
  return timings;
}

/**
 * Wraps `matcher` with the news-page rules.
 *
 * @example newsPageMatcher(matcher, eventTimingsOf(entities)).resolve(chunks, '2025-04-02')
 */
export function newsPageMatcher(matcher: EntityMatcher, timings: ReadonlyMap<string, EventTiming>): NewsPageMatcher {
  return {
    newsPage: true,
    scan: (text) => withoutOutletPlaces(text, matcher.scan(text)),
    resolve: (chunks, pageDate) => matcher.resolve(chunks).map((matches) => onPageTimeline(matches, pageDate, timings)),
  };
}
