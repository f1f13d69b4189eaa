import { describe, expect, it } from 'vitest';
import { timeBeforeArticle } from '@/lib/corpus/time-before-article';

const day = (date: string) => ({ date, precision: 'day' as const });

describe('timeBeforeArticle', () => {
  it('counts by the coarser of the two precisions', () => {
    // Both days: about 3 months (98 days).
    expect(timeBeforeArticle({ start: '2025-12-03', precision: 'day' }, day('2026-03-11'))).toBe(
      'about 3 months before this article',
    );
    // A month-only event is counted in months, even against a page known to the day.
    expect(timeBeforeArticle({ start: '2025-12', precision: 'month' }, day('2026-03-11'))).toBe(
      'about 3 months before this article',
    );
    // A year-only event is named by its year, never given a month.
    expect(timeBeforeArticle({ start: '2024', precision: 'year' }, day('2025-04-12'))).toBe(
      'in 2024, about a year before this article',
    );
    expect(timeBeforeArticle({ start: '1975', end: '1990', precision: 'year' }, day('2026-03-11'))).toBe(
      'in 1990, about 36 years before this article',
    );
  });

  it('uses days and weeks when both dates are days and close', () => {
    expect(timeBeforeArticle({ start: '2026-03-11', precision: 'day' }, day('2026-03-11'))).toBe(
      'the day of this article',
    );
    expect(timeBeforeArticle({ start: '2026-03-10', precision: 'day' }, day('2026-03-11'))).toBe(
      'the day before this article',
    );
    expect(timeBeforeArticle({ start: '2026-03-02', precision: 'day' }, day('2026-03-11'))).toBe(
      '9 days before this article',
    );
    expect(timeBeforeArticle({ start: '2026-02-09', precision: 'day' }, day('2026-03-11'))).toBe(
      'about 4 weeks before this article',
    );
    expect(timeBeforeArticle({ start: '2023-03-01', precision: 'day' }, day('2026-03-11'))).toBe(
      'about 3 years before this article',
    );
  });

  it('says when the article falls inside the event, or the event came after it', () => {
    expect(timeBeforeArticle({ start: '2026-02-28', end: '2026-04-08', precision: 'day' }, day('2026-03-11'))).toBe(
      'under way when this article was written',
    );
    expect(timeBeforeArticle({ start: '2026-03', precision: 'month' }, day('2026-03-20'))).toBe(
      'the same month as this article',
    );
    expect(timeBeforeArticle({ start: '2026-05', precision: 'month' }, day('2026-03-20'))).toBe(
      'about 2 months after this article',
    );
    expect(timeBeforeArticle({ start: '2026', precision: 'year' }, day('2026-03-20'))).toBe(
      'in 2026, the year of this article',
    );
  });

  it('measures a finished span from its end', () => {
    expect(timeBeforeArticle({ start: '2024-09-23', end: '2024-11-27', precision: 'day' }, day('2025-04-12'))).toBe(
      'about 4 months before this article',
    );
  });

  it('says nothing when a date is unknown or malformed', () => {
    expect(timeBeforeArticle({ start: '2024', precision: 'unknown' }, day('2026-03-11'))).toBeUndefined();
    expect(
      timeBeforeArticle({ start: '2024-05-01', precision: 'day' }, { date: '', precision: 'unknown' }),
    ).toBeUndefined();
    expect(timeBeforeArticle({ start: 'soon', precision: 'year' }, day('2026-03-11'))).toBeUndefined();
  });
});
