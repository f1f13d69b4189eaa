/**
 * `sentenceDates` skips its patterns when a cheap test says none can match (issue #15, speed).
 * These sentences reach each pattern through its gate in ways the gates could wrongly miss:
 * capitals, abbreviated months, relative words in capitals, several dates in one sentence.
 */
import { describe, expect, it } from 'vitest';
import { sentenceDates } from '@/lib/corpus/sentence-dates';

const reference = { date: '2026-03-09', precision: 'day' as const };
const read = (sentence: string) =>
  sentenceDates(sentence, reference).map(({ date, precision, inferred }) => [date, precision, inferred]);

describe('sentenceDates gates', () => {
  it('reads relative words in capitals', () => {
    expect(read('Officials said YESTERDAY that talks would resume.')).toEqual([['2026-03-08', 'day', true]]);
  });

  it('reads an abbreviated month, "LAST WEEK" and a weekday in one sentence', () => {
    expect(read('Signed Sept. 3, 2025; LAST WEEK it lapsed, and late Friday it was revived.')).toEqual([
      ['2025-09-03', 'day', false],
      ['2026-03', 'month', true],
      ['2026-03-06', 'day', true],
    ]);
  });

  it('reads "Dec. 4 of last year" but not an adjective year or a "since" span', () => {
    expect(read('The 1982 invasion was the first since 1948, aides said on Dec. 4 of last year.')).toEqual([
      ['2025-12-04', 'day', true],
    ]);
  });

  it('reads a month in capitals and a bare year', () => {
    expect(read('It began IN MARCH 2024 and ended in 2025.')).toEqual([
      ['2024-03', 'month', false],
      ['2025', 'year', false],
    ]);
  });

  it('finds nothing in a sentence without a year, a month or a relative word', () => {
    expect(read('The ministry said the talks would go on.')).toEqual([]);
  });
});
