import { describe, expect, it } from 'vitest';
import { goldPairs } from '../../fixtures/differences/gold';
import { scoreDifferences } from '../../support/differences-eval';

describe('"Sources differ" against the gold', () => {
  const score = scoreDifferences();

  it('has at least 20 gold pairs', () => {
    expect(goldPairs.length).toBeGreaterThanOrEqual(20);
  });

  it('reaches 90% precision and 70% recall (`npm run eval:differences` prints both)', () => {
    expect(score.falsePositives.map((difference) => `${difference.kind}: ${difference.what}`)).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.7);
  });

  it('calls a toll that grew over four months a change over time, not a conflict', () => {
    expect(
      score.changedOverTime.some(
        (difference) => difference.a.text.includes('more than 4,000') || difference.b.text.includes('more than 4,000'),
      ),
    ).toBe(true);
  });

  it('finds every kind of disagreement the issue names', () => {
    expect(new Set(score.truePositives.map((difference) => difference.kind))).toEqual(
      new Set(['figure', 'date', 'first-in', 'chair', 'attendance', 'place']),
    );
  });
});
