import { describe, expect, it } from 'vitest';
import { type AnnotationEntity, isRelatedPage } from '@/lib/matching/page-relevance';

const entities = new Map<string, AnnotationEntity>(
  (
    [
      ['hezbollah', 'organisation', 'specific'],
      ['naqoura', 'place', 'specific'],
      ['joseph-aoun', 'person', 'specific'],
      ['lebanon', 'place', 'general'],
      ['israel', 'place', 'general'],
      ['washington', 'place', 'general'],
      ['reuters', 'organisation', 'general'],
    ] as const
  ).map(([id, kind, specificity]) => [id, { id, name: id, kind, specificity }]),
);

describe('isRelatedPage', () => {
  it('needs two distinct specific entities', () => {
    expect(isRelatedPage(['hezbollah', 'naqoura'], entities)).toBe(true);
    expect(isRelatedPage(['hezbollah', 'hezbollah', 'hezbollah'], entities)).toBe(false);
    expect(isRelatedPage(['joseph-aoun'], entities)).toBe(false);
  });

  it('never counts countries, capitals or outlets', () => {
    expect(isRelatedPage(['lebanon', 'israel', 'washington', 'reuters'], entities)).toBe(false);
    expect(isRelatedPage(['lebanon', 'israel', 'hezbollah'], entities)).toBe(false);
  });

  it('ignores unknown ids', () => {
    expect(isRelatedPage(['hezbollah', 'someone-deleted'], entities)).toBe(false);
  });
});
