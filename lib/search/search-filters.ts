import type { DatePrecision, EntityKind } from '../model/knowledge-base';

/**
 * The search filters of the popup (issue #4): entity, outlet, kind and date
 * range. Entity, outlet and dates narrow the articles; kind narrows the
 * entities (an entity's kind: person, organisation, place or event), which
 * is what "kind" means everywhere else in the product.
 */
export interface SearchFilters {
  /** Only articles that mention this entity. */
  entityId?: string;
  /** Only articles from this outlet (as the article names it; "unknown" included). */
  outlet?: string;
  /** Only entities of this kind. */
  kind?: EntityKind;
  /** Only articles published on or after this day (`YYYY-MM-DD`). */
  from?: string;
  /** Only articles published on or before this day (`YYYY-MM-DD`). */
  to?: string;
}

/** A filter value set to nothing counts as unset, so a form can hold empty strings. */
export function activeFilterCount(filters: SearchFilters): number {
  return [filters.entityId, filters.outlet, filters.kind, filters.from, filters.to].filter(Boolean).length;
}

/** Whether any filter narrows the articles (kind narrows only the entities). */
export function filtersArticles(filters: SearchFilters): boolean {
  return Boolean(filters.entityId || filters.outlet || filters.from || filters.to);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days a partial date may stand for: "2026-03" (month precision) is any
 * day of March 2026. The end is a string bound, not a real date ("2026-02-31"),
 * which compares correctly with real days.
 *
 * @example publishedInterval('2026-03', 'month') // ['2026-03-01', '2026-03-31']
 */
export function publishedInterval(date: string | null, precision: DatePrecision): [string, string] | undefined {
  if (!date || precision === 'unknown') return undefined;
  const [year, month, day] = date.split('-');
  if (!year) return undefined;
  if (precision === 'year' || !month) return [`${year}-01-01`, `${year}-12-31`];
  if (precision === 'month' || !day) return [`${year}-${month}-01`, `${year}-${month}-31`];
  return [date, date];
}

/**
 * Whether an article's date can fall in the range: an article known only to
 * be from 2026 is kept for a range in March 2026. Undated articles are left
 * out once any bound is set: we cannot say they belong.
 *
 * @example publishedWithin({ date: '2026', precision: 'year' }, '2026-03-01', '2026-03-31') // true
 */
export function publishedWithin(
  published: { date: string | null; precision: DatePrecision },
  from?: string,
  to?: string,
): boolean {
  const lower = from && ISO_DAY.test(from) ? from : undefined;
  const upper = to && ISO_DAY.test(to) ? to : undefined;
  if (!lower && !upper) return true;
  const interval = publishedInterval(published.date, published.precision);
  if (!interval) return false;
  return (!lower || interval[1] >= lower) && (!upper || interval[0] <= upper);
}
