/**
 * The date a page was published, read from what it states: Open Graph's
 * `article:published_time`, schema.org's `datePublished` (microdata or
 * JSON-LD), a `<time datetime>` in the article, or a date in the web
 * address (`/2025/04/12/`). Used to keep generic event phrases on the page's
 * timeline (`lib/matching/event-dates.ts`, issue #12).
 */

/** A page's date as an ISO prefix (`YYYY-MM-DD` or `YYYY-MM`), and where it was read. */
export interface PageDate {
  date: string;
  source: 'meta' | 'json-ld' | 'time' | 'url';
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** The ISO date prefix of a stated date, or undefined when it does not start with one. */
function isoPrefix(value: string | null | undefined): string | undefined {
  const match = ISO_DATE.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  return day ? `${year}-${month}-${day}` : `${year}-${month}`;
}

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[property="og:published_time"]',
];

function datePublishedIn(value: unknown, depth = 0): string | undefined {
  if (depth > 8 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return isoPrefix(record.datePublished);
  for (const item of Object.values(record)) {
    const found = datePublishedIn(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}

// `/2025/04/12/`, `/2025-04-12/`, `/20250412/` in a path.
const URL_DATE = /\/(20\d{2}|19\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/-]|$)/;

/**
 * The page's publication date, or undefined when it states none.
 * `scope` is where to look for `<time>` (the article's root), default the document.
 *
 * @example readPageDate(document)?.date // '2025-04-12'
 */
export function readPageDate(doc: Document, scope: ParentNode = doc): PageDate | undefined {
  for (const selector of META_SELECTORS) {
    const date = isoPrefix(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return { date, source: 'meta' };
  }
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const fromMicrodata = isoPrefix(itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content'));
  if (fromMicrodata) return { date: fromMicrodata, source: 'meta' };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const date = datePublishedIn(JSON.parse(script.textContent ?? ''));
      if (date) return { date, source: 'json-ld' };
    } catch {
      // Broken JSON-LD: try the other sources.
    }
  }
  const time = isoPrefix(scope.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (time) return { date: time, source: 'time' };
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.URL;
  const match = URL_DATE.exec(url ?? '');
  if (match) return { date: `${match[1]}-${match[2]}-${match[3]}`, source: 'url' };
  return undefined;
}
