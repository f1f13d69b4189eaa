import { describe, expect, it } from 'vitest';
import { parseTimelineHash, timelineUrl } from '@/lib/extension/timeline-page-url';

describe('timelineUrl', () => {
  it('round-trips every field of a view', () => {
    const view = {
      entityId: 'joseph-aoun',
      pointKind: 'statement' as const,
      entityKind: 'person' as const,
      outlet: 'AP Insight',
      language: 'en',
      zoom: 'month' as const,
      focus: '2026',
      pointId: 'lebanon-direct-talks-offer-2026:120',
    };
    const url = timelineUrl('chrome-extension://x/timeline.html', view);
    expect(url.startsWith('chrome-extension://x/timeline.html#entity=joseph-aoun')).toBe(true);
    expect(parseTimelineHash(new URL(url).hash)).toEqual(view);
  });

  it('leaves the hash out of an unfiltered view and drops values it does not know', () => {
    expect(timelineUrl('t.html', {})).toBe('t.html');
    expect(parseTimelineHash('#zoom=week&kind=rumour&focus=26&entityKind=planet&entity=naqoura')).toEqual({
      entityId: 'naqoura',
    });
  });
});
