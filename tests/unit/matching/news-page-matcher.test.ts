import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { eventTiming } from '@/lib/matching/event-dates';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';
import { eventTimingsOf, newsPageMatcher } from '@/lib/matching/news-page-matcher';

const { index } = loadBundledIndex();
const matcher = createEntityMatcher(index.matcher as MatcherSpec);
const pageMatcher = newsPageMatcher(matcher, eventTimingsOf(index.entities));

/** Entity ids linked in one page made of `blocks`, dated `pageDate`, as the annotator asks for them. */
function linked(blocks: readonly string[], pageDate?: string): string[][] {
  const chunks = blocks.map((text) => pageMatcher.scan(text));
  return pageMatcher.resolve(chunks, pageDate).map((matches) => matches.map((match) => match.entityId));
}

describe('newsPageMatcher (paraphrased sentences)', () => {
  it('reads no place inside an outlet’s name, and still reads the place on its own', () => {
    const credit = 'Israel struck near Tyre, The Times of Israel reported.';
    expect(matcher.match(credit).filter((match) => match.entityId === 'israel')).toHaveLength(2);
    expect(linked([credit])).toEqual([['israel']]);
    expect(pageMatcher.scan(credit).every((candidate) => candidate.start < 25)).toBe(true);
  });

  it('keeps a generic event phrase on the page’s timeline, across blocks resolved as one page', () => {
    const blocks = ['Lebanon and Israel', 'Aoun offered direct talks with Israel, an offer Barrack welcomed.'];
    expect(linked(blocks, '2026-03-20')[1]).toContain('lebanon-direct-talks-offer-2026');
    // April 2025: the offer had not been made; the phrase stays plain.
    expect(linked(blocks, '2025-04-12')[1]).toEqual(['israel']);
    // No date on the page: nothing to compare, the matcher's choice stands.
    expect(linked(blocks)[1]).toContain('lebanon-direct-talks-offer-2026');
  });

  it('gives the same answer as the bare matcher where no rule applies', () => {
    const blocks = ['Joseph Aoun met Tom Barrack in Baabda.', 'Hezbollah said nothing.'];
    const bare = matcher.resolve(blocks.map((text) => matcher.scan(text)));
    expect(
      pageMatcher.resolve(
        blocks.map((text) => pageMatcher.scan(text)),
        '2026-01-01',
      ),
    ).toEqual(bare);
  });

  it('collects the timings of events only', () => {
    const timings = eventTimingsOf(index.entities);
    const events = index.entities.filter((entity) => eventTiming(entity) !== undefined);
    expect(timings.size).toBe(events.length);
    expect(timings.size).toBeGreaterThan(0);
    expect([...timings.keys()].every((id) => index.entities.find((entity) => entity.id === id)?.kind === 'event')).toBe(
      true,
    );
  });
});
