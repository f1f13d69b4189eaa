import { describe, expect, it } from 'vitest';
import { sentenceDates } from '@/lib/corpus/sentence-dates';

const dated = (sentence: string, reference?: Parameters<typeof sentenceDates>[1]) =>
  sentenceDates(sentence, reference).map(({ date, precision, inferred }) => ({ date, precision, inferred }));

describe('sentenceDates', () => {
  it('reads days, months and years as precise as written', () => {
    expect(dated('The talks were held on 3 December 2025 in Naqoura.')).toEqual([
      { date: '2025-12-03', precision: 'day', inferred: false },
    ]);
    expect(dated('The ceasefire took effect on November 27, 2024.')).toEqual([
      { date: '2024-11-27', precision: 'day', inferred: false },
    ]);
    expect(dated('Fighting resumed in March 2026.')).toEqual([
      { date: '2026-03', precision: 'month', inferred: false },
    ]);
    expect(dated('Israel killed most of its leaders in 2024.')).toEqual([
      { date: '2024', precision: 'year', inferred: false },
    ]);
  });

  it('does not take adjectival years, ranges or "since" spans as the sentence date', () => {
    expect(dated('He offered talks for the first time since the 1982 Israeli invasion.')).toEqual([]);
    expect(dated('The agreement that ended the 1975-1990 civil war called for disarmament.')).toEqual([]);
    expect(dated('It accuses Israel of violating a 2024 U.S.-brokered ceasefire.')).toEqual([]);
    expect(dated('No talks were held in 1975-1990.')).toEqual([]);
  });

  it('refuses impossible days', () => {
    expect(dated('It happened on 31 February 2025.')).toEqual([]);
  });

  it('resolves relative words against the article date, marked inferred, never more precise than it', () => {
    const day = { date: '2026-03-09', precision: 'day' as const };
    expect(dated('Attacks on Monday claimed lives.', day)).toEqual([
      { date: '2026-03-09', precision: 'day', inferred: true },
    ]);
    expect(dated('Barrack said so last week.', day)).toEqual([{ date: '2026-03', precision: 'month', inferred: true }]);
    expect(dated('The attack on October 7 of last year.', { date: '2024-09', precision: 'month' })).toEqual([
      { date: '2023-10-07', precision: 'day', inferred: true },
    ]);
    expect(dated('Barrack said so last week.', { date: '2026-03', precision: 'month' })).toEqual([]);
    expect(dated('He called it a failed state last year.', { date: '2026', precision: 'year' })).toEqual([
      { date: '2025', precision: 'year', inferred: true },
    ]);
    expect(dated('Attacks on Monday claimed lives.')).toEqual([]);
  });
});
