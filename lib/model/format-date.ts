import type { DatePrecision } from './knowledge-base';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as precise as we know it, no more: "9 Mar 2026" (day),
 * "c. Mar 2026" (month), "c. 2026" (year), "undated". Partial ISO input.
 *
 * @example formatPartialDate('2026-03', 'month') // 'c. Mar 2026'
 */
export function formatPartialDate(date: string | null | undefined, precision: DatePrecision): string {
  if (!date || precision === 'unknown') return 'undated';
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  switch (precision) {
    case 'day':
      return `${Number(day)} ${monthName} ${year}`;
    case 'month':
      return `c. ${monthName} ${year}`;
    case 'year':
      return `c. ${year}`;
  }
}

/** An event's date or range: "27 Nov 2024", "1975–1990", "Sep–Nov 2024". */
export function formatDateRange(range: { start: string; end?: string; precision: DatePrecision }): string {
  const exact = (date: string) => formatPartialDate(date, range.precision).replace(/^c\. /, '');
  if (!range.end || range.end === range.start) return exact(range.start);
  const [startYear] = range.start.split('-');
  const [endYear] = range.end.split('-');
  if (range.precision === 'year') return `${startYear}–${endYear}`;
  if (startYear === endYear && range.precision === 'month') {
    return `${exact(range.start).replace(` ${startYear}`, '')}–${exact(range.end)}`;
  }
  return `${exact(range.start)} – ${exact(range.end)}`;
}
