import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/corpus/source-claims';

describe('extractClaims', () => {
  it('reads a floor from "at least" and a plain count as exact', () => {
    const claims = extractClaims('Officials said at least 3,000 people were killed and 12 villages emptied.');
    expect(claims).toMatchObject([
      { kind: 'figure', value: 3000, bound: 'at-least', unit: 'people' },
      { kind: 'figure', value: 12, bound: 'exact', unit: 'village' },
    ]);
  });

  it('scales "thousand" and reads "more than" as a floor', () => {
    const [claim] = extractClaims('More than 5 thousand troops crossed.');
    expect(claim).toMatchObject({ value: 5000, bound: 'at-least', unit: 'troop' });
  });

  it('does not take a year for a figure', () => {
    expect(extractClaims('In 2024 talks resumed.')).toEqual([]);
  });

  it('turns "first in N years" into a since-year marked inferred, and keeps "first since YEAR" exact', () => {
    expect(extractClaims('the first direct talks in 40 years', 2025)).toMatchObject([
      { kind: 'first-in', sinceYear: 1985, inferred: true },
    ]);
    expect(extractClaims('the first such meeting since 1983')).toMatchObject([
      { kind: 'first-in', sinceYear: 1983, inferred: false },
    ]);
  });

  it('quotes the claim by its offsets', () => {
    const sentence = 'Roughly 60 kilometres separate them.';
    const [claim] = extractClaims(sentence);
    expect(claim && sentence.slice(claim.start, claim.end)).toBe('Roughly 60 kilometres');
    expect(claim).toMatchObject({ bound: 'about', unit: 'kilometre' });
  });
});

describe('extractClaims and dates', () => {
  it('does not read the day of a date as a count', () => {
    expect(extractClaims('The talks were held on 3 December 2025.')).toEqual([]);
  });
});
