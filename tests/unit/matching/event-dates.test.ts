import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { type EventTiming, eventTiming, onPageTimeline, startsAfter } from '@/lib/matching/event-dates';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';

const { index } = loadBundledIndex();
const matcher = createEntityMatcher(index.matcher as MatcherSpec);
const timings = new Map<string, EventTiming>();
for (const entity of index.entities) {
  const timing = eventTiming(entity);
  if (timing) timings.set(entity.id, timing);
}
/** Entity ids linked in `text` on a page dated `pageDate`. */
const linked = (text: string, pageDate?: string) =>
  onPageTimeline(matcher.match(text), pageDate, timings).map((match) => match.entityId);

describe('startsAfter', () => {
  it('compares at the coarser precision', () => {
    expect(startsAfter('2026-03', '2025-04-12')).toBe(true);
    expect(startsAfter('2026-03', '2026-03-05')).toBe(false);
    expect(startsAfter('2026-03', '2026-02-28')).toBe(true);
    expect(startsAfter('2026', '2026-01')).toBe(false);
    expect(startsAfter('2024-11-27', '2024-11-27')).toBe(false);
  });
});

describe('onPageTimeline (paraphrased sentences)', () => {
  const offer = 'Aoun offered direct talks with Israel, an offer Barrack welcomed.';

  it('keeps a generic phrase on an event that had started by the page’s date', () => {
    expect(linked(offer, '2026-03-20')).toContain('lebanon-direct-talks-offer-2026');
    expect(linked(offer)).toContain('lebanon-direct-talks-offer-2026');
  });

  it('never links a generic phrase to an event after the page’s date; the nearest earlier one sharing it wins', () => {
    // April 2025: none of the talks had started, so "direct talks" stays plain.
    expect(linked(offer, '2025-04-12')).toEqual(['israel']);
    // Late December 2025: the Naqoura talks (3 December) had started and share "direct talks".
    const match = { start: 0, end: 12, entityId: 'lebanon-israel-talks-2026', alias: 'direct talks' };
    expect(onPageTimeline([match], '2025-12-20', timings)).toEqual([{ ...match, entityId: 'naqoura-talks-2025' }]);
    expect(linked('In April, negotiations between Lebanon and Israel resumed.', '2025-04-30')).toEqual([
      'lebanon',
      'israel',
    ]);
  });

  it('leaves named events alone, whatever the date', () => {
    const match = { start: 0, end: 25, entityId: 'lebanon-israel-talks-2026', alias: '2026 Lebanon-Israel talks' };
    expect(onPageTimeline([match], '2025-01-01', timings)).toEqual([match]);
  });

  it('reads an event’s timing from the knowledge base', () => {
    expect(timings.get('naqoura-talks-2025')).toMatchObject({ start: '2025-12-03' });
    expect(timings.get('naqoura-talks-2025')?.genericAliases).toContain('direct talks');
    expect(eventTiming({ kind: 'person', aliases: [] })).toBeUndefined();
  });
});
