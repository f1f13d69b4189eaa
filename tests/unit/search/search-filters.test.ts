import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersArticles, publishedInterval, publishedWithin } from '@/lib/search/search-filters';

describe('search filters', () => {
  it('reads a partial date as the days it may stand for', () => {
    expect(publishedInterval('2026', 'year')).toEqual(['2026-01-01', '2026-12-31']);
    expect(publishedInterval('2026-03', 'month')).toEqual(['2026-03-01', '2026-03-31']);
    expect(publishedInterval('2026-03-09', 'day')).toEqual(['2026-03-09', '2026-03-09']);
    expect(publishedInterval(null, 'unknown')).toBeUndefined();
  });

  it('keeps an article whose date can fall in the range, and drops undated ones once a bound is set', () => {
    const year = { date: '2026', precision: 'year' as const };
    expect(publishedWithin(year, '2026-03-01', '2026-03-31')).toBe(true);
    expect(publishedWithin(year, '2027-01-01')).toBe(false);
    expect(publishedWithin({ date: '2025-12', precision: 'month' }, undefined, '2025-12-01')).toBe(true);
    expect(publishedWithin({ date: '2025-12', precision: 'month' }, undefined, '2025-11-30')).toBe(false);
    expect(publishedWithin({ date: null, precision: 'unknown' })).toBe(true);
    expect(publishedWithin({ date: null, precision: 'unknown' }, '2020-01-01')).toBe(false);
    // A half-typed date is no bound.
    expect(publishedWithin({ date: null, precision: 'unknown' }, '2020-01')).toBe(true);
  });

  it('counts the filters set, and tells which narrow the articles', () => {
    expect(activeFilterCount({ outlet: '', kind: 'person', from: '2024-01-01' })).toBe(2);
    expect(filtersArticles({ kind: 'person' })).toBe(false);
    expect(filtersArticles({ entityId: 'hezbollah' })).toBe(true);
  });
});
