import { describe, expect, it } from 'vitest';
import {
  type AnnotationEntity,
  type MentionPlace,
  RELATED_SCORE,
  scorePageRelevance,
} from '@/lib/matching/page-relevance';

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

/** `['hezbollah', 2]` is two body mentions; `['hezbollah', 1, 'headline']` one in the headline. */
const page = (...counts: [string, number, MentionPlace?][]) =>
  counts.flatMap(([entityId, count, place = 'body']) => Array.from({ length: count }, () => ({ entityId, place })));

const related = (mentions: ReturnType<typeof page>, language?: string) =>
  scorePageRelevance(mentions, entities, language).related;

describe('scorePageRelevance', () => {
  it('relates a page with two specific entities, not one repeated in the body', () => {
    expect(related(page(['hezbollah', 1], ['naqoura', 1]))).toBe(true);
    expect(related(page(['hezbollah', 3]))).toBe(false);
    expect(related(page(['joseph-aoun', 1]))).toBe(false);
  });

  it('counts Lebanon with Israel together, and never a capital, an outlet or one country alone', () => {
    expect(related(page(['lebanon', 1], ['israel', 1], ['washington', 5], ['reuters', 3]))).toBe(false);
    expect(related(page(['lebanon', 9], ['washington', 9]))).toBe(false);
    expect(scorePageRelevance(page(['washington', 4]), entities).score).toBe(0);
    // The excerpt of issue #12: Hezbollah twice, Israel and Lebanon six times each.
    const excerpt = scorePageRelevance(page(['hezbollah', 2], ['israel', 6], ['lebanon', 6]), entities);
    expect(excerpt.related).toBe(true);
    expect(excerpt.reasons.join('\n')).toMatch(/lebanon with israel \(6 and 6×\)/);
    expect(related(page(['hezbollah', 1], ['israel', 1]))).toBe(false);
  });

  it('weighs the headline and the lede more than the body', () => {
    expect(related(page(['hezbollah', 1]))).toBe(false);
    expect(related(page(['hezbollah', 1, 'headline']))).toBe(true);
    const lede = scorePageRelevance(page(['hezbollah', 1, 'lede']), entities).score;
    const body = scorePageRelevance(page(['hezbollah', 1]), entities).score;
    expect(lede).toBeGreaterThan(body);
    expect(lede).toBeLessThan(RELATED_SCORE);
  });

  it('counts repeated mentions, up to a cap', () => {
    const scores = [1, 2, 5, 50].map((count) => scorePageRelevance(page(['hezbollah', count]), entities).score);
    expect(scores).toEqual([2, 2.25, 3, 3]);
  });

  it('halves the score of a page in a language the knowledge base has no names in', () => {
    const mentions = page(['hezbollah', 1], ['naqoura', 1]);
    expect(scorePageRelevance(mentions, entities, 'fr').score).toBe(4);
    expect(scorePageRelevance(mentions, entities, 'ar-LB').related).toBe(true);
    const czech = scorePageRelevance(mentions, entities, 'cs');
    expect(czech).toMatchObject({ score: 2, related: false });
    expect(czech.reasons.join('\n')).toContain('"cs"');
  });

  it('ignores unknown entities, and explains every point', () => {
    const result = scorePageRelevance(page(['hezbollah', 1], ['someone-deleted', 4]), entities);
    expect(result).toMatchObject({ score: 2, related: false });
    expect(result.reasons).toEqual(['+2 hezbollah (1×)', '= 2, not related (from 3)']);
  });
});
