/**
 * How long before the article an event happened (issue #12, deliverable 3): "about 3 months
 * before this article", "in 2024, about a year before this article". Said at the precision both
 * dates share and never finer: an event known to the year is compared by years and named by its
 * year, so the card never implies a month nobody knows. A span that the article falls inside is
 * "under way", and one that ended before it is measured from its end (the reader asks how stale
 * the story is, not when it began).
 */
import type { DatePrecision } from '../model/knowledge-base';

export interface DatedRange {
  start: string;
  end?: string;
  precision: DatePrecision;
}

export interface ArticleDate {
  date: string;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;
const precisionParts: Record<DatePrecision, number> = { unknown: 0, year: 1, month: 2, day: 3 };

/** The first `parts` fields of a partial ISO date as numbers (`'2026-03-09'`, 2 → `[2026, 3]`). */
function fields(date: string, parts: number): number[] {
  return date.split('-').slice(0, parts).map(Number);
}

/** "a month", "3 months": a count of one reads as an article, as people say it. */
function count(value: number, unit: string): string {
  return value === 1 ? `a ${unit}` : `${value} ${unit}s`;
}

/**
 * The sentence for an event's card, or undefined when either date is unknown.
 *
 * @example timeBeforeArticle({ start: '2025-12-03', precision: 'day' }, { date: '2026-03-11', precision: 'day' })
 * // 'about 3 months before this article'
 */
export function timeBeforeArticle(event: DatedRange, article: ArticleDate): string | undefined {
  const parts = Math.min(precisionParts[event.precision], precisionParts[article.precision]);
  if (parts === 0) return undefined;
  const page = fields(article.date, parts);
  const start = fields(event.start, parts);
  if (page.length < parts || start.length < parts || [...page, ...start].some(Number.isNaN)) return undefined;
  const end = event.end ? fields(event.end, parts) : start;
  const order = (a: number[], b: number[]) => {
    for (let index = 0; index < parts; index++) {
      const difference = (a[index] ?? 0) - (b[index] ?? 0);
      if (difference !== 0) return Math.sign(difference);
    }
    return 0;
  };
  // The article falls inside a span it can be placed in: the event was still going on.
  if (event.end && order(start, page) <= 0 && order(page, end) <= 0 && order(start, end) < 0) {
    return 'under way when this article was written';
  }
  const after = order(start, page) > 0;
  const reference = after ? start : end;
  const side = after ? 'after' : 'before';

  if (parts === 1) {
    const years = Math.abs((page[0] ?? 0) - (reference[0] ?? 0));
    const year = reference[0];
    if (years === 0) return `in ${year}, the year of this article`;
    return `in ${year}, ${years === 1 ? 'about a year' : `about ${years} years`} ${side} this article`;
  }
  if (parts === 2) {
    const months = Math.abs(((page[0] ?? 0) - (reference[0] ?? 0)) * 12 + ((page[1] ?? 0) - (reference[1] ?? 0)));
    if (months === 0) return 'the same month as this article';
    if (months === 1) return `the month ${side} this article`;
    if (months < 24) return `about ${count(months, 'month')} ${side} this article`;
    return `about ${count(Math.round(months / 12), 'year')} ${side} this article`;
  }
  const days = Math.round(
    Math.abs(
      Date.UTC(page[0] ?? 0, (page[1] ?? 1) - 1, page[2] ?? 1) -
        Date.UTC(reference[0] ?? 0, (reference[1] ?? 1) - 1, reference[2] ?? 1),
    ) / DAY_MS,
  );
  if (days === 0) return 'the day of this article';
  if (days === 1) return after ? 'the day after this article' : 'the day before this article';
  // Both dates are days: a count of days is exact; past two weeks a reader thinks in weeks, months, years.
  if (days < 14) return `${days} days ${side} this article`;
  if (days < 60) return `about ${count(Math.round(days / 7), 'week')} ${side} this article`;
  if (days < 730) return `about ${count(Math.round(days / 30.44), 'month')} ${side} this article`;
  return `about ${count(Math.round(days / 365.25), 'year')} ${side} this article`;
}
