import { describe, expect, it } from 'vitest';
import { formatDateRange, formatPartialDate } from '@/lib/model/format-date';

describe('formatPartialDate', () => {
  it('says no more than the precision allows', () => {
    expect(formatPartialDate('2026-03-09', 'day')).toBe('9 Mar 2026');
    expect(formatPartialDate('2026-03', 'month')).toBe('c. Mar 2026');
    expect(formatPartialDate('2026', 'year')).toBe('c. 2026');
    expect(formatPartialDate(null, 'unknown')).toBe('undated');
  });
});

describe('formatDateRange', () => {
  it('formats single dates and ranges', () => {
    expect(formatDateRange({ start: '2024-11-27', precision: 'day' })).toBe('27 Nov 2024');
    expect(formatDateRange({ start: '1975', end: '1990', precision: 'year' })).toBe('1975–1990');
    expect(formatDateRange({ start: '2024-09', end: '2024-11', precision: 'month' })).toBe('Sep–Nov 2024');
    expect(formatDateRange({ start: '1982-06', end: '2000-05', precision: 'month' })).toBe('Jun 1982 – May 2000');
  });
});
