/**
 * Raw article text → clean article text. One implementation for the index
 * build (seeds) and the importer (pasted text, .txt, .md, text pulled out of
 * HTML), so nothing here may depend on a particular file or site.
 *
 * Pure (no DOM, no Node APIs) and linear in the input, give or take a sort of
 * the paragraphs: every regex is anchored and has no nested unbounded
 * repetition, because imports can be several megabytes.
 *
 * The output is a fixpoint: cleaning clean text changes nothing. The
 * paragraph rules feed each other (removing a paragraph can make two
 * fragments adjacent, joining two fragments can reveal a duplicate), so they
 * run in passes until nothing changes.
 */

import { appendAll } from './append-all';

export interface CleanArticleOptions {
  /** The article's headline: a paragraph equal to it near the top is dropped (the index stores it apart). */
  title?: string;
  /** The article's byline: a "By <byline>" line near the top and a lone trailing signature equal to it are dropped. */
  byline?: string;
}

/** Lines longer than this were not hard-wrapped by anyone: such a block has one paragraph a line. */
const MAX_HARD_WRAP_WIDTH = 100;
/** No boilerplate pattern can match a longer line. */
const MAX_BOILERPLATE_LENGTH = 320;
/** Shorter "paragraphs" can repeat legitimately (headings, "Reuters"); longer exact prefixes are scraping debris. */
const MIN_DUPLICATE_LENGTH = 40;
/** A pull quote must be a real quotation, not "Lebanon - Reuters". */
const MIN_PULL_QUOTE_LENGTH = 20;
/** Pull quotes are found through their first words; four are distinctive enough to search few paragraphs. */
const PULL_QUOTE_ANCHOR_WORDS = 4;
/** Bounds the work per pull quote candidate, and per shared opening, on adversarial input; real articles need one or two. */
const MAX_PULL_QUOTE_CHECKS = 32;
/** Kickers, captions, bylines and date lines often come before or after the headline in scraped text. */
const LEADING_ZONE = 3;
/** Generic bylines are short; "By contrast, Israel said on Monday that it would …" is not one. */
const MAX_BYLINE_WORDS = 8;
/** Each pass only removes or merges paragraphs; real text settles in one or two. The cap bounds adversarial input. */
const MAX_PASSES = 8;

interface BoilerplatePattern {
  pattern: RegExp;
  /** A comment form or subscription box: when it starts in the second half of the text, everything after it goes. */
  startsFooter: boolean;
}

/**
 * Site chrome that text extraction drags along, matched against whole lines
 * (and again against whole paragraphs, so a wrapped copy cannot slip through).
 * Anchored at both ends: a sentence that merely mentions subscribing stays.
 */
const BOILERPLATE: readonly BoilerplatePattern[] = [
  // WordPress comment form.
  { pattern: /^leave a (?:reply|comment)(?: to \S.{0,80})?(?: cancel reply)?$/i, startsFooter: true },
  {
    pattern: /^(?:cancel reply|post comment|submit comment|post a comment|add a comment|join the discussion)$/i,
    startsFooter: true,
  },
  {
    pattern: /^your email address will not be published\.?(?: required fields are marked ?\*?)?$/i,
    startsFooter: true,
  },
  { pattern: /^required fields are marked ?\*?$/i, startsFooter: false },
  { pattern: /^save my name,? email,? and website in this browser\b.{0,60}$/i, startsFooter: false },
  { pattern: /^notify me of (?:new|follow-up) (?:posts|comments)\b.{0,40}$/i, startsFooter: false },
  { pattern: /^(?:name|email|e-mail|website|comment) ?\*$/i, startsFooter: false },
  { pattern: /^\d+ (?:comments?|responses?|replies|thoughts? on\b.{0,200})$/i, startsFooter: true },
  // Newsletter and subscription boxes.
  { pattern: /^discover more from \S.{0,100}$/i, startsFooter: true },
  { pattern: /^subscribe to get the latest posts (?:sent )?(?:to|by) (?:your )?email\.?$/i, startsFooter: true },
  {
    pattern:
      /^(?:subscribe|sign up)(?: now| today| here)?(?: (?:to|for) (?:our|the|my) (?:free |weekly |daily )?(?:newsletters?|mailing list|updates))?[.!:]?$/i,
    startsFooter: true,
  },
  { pattern: /^type your email(?:…|\.\.\.)?$/i, startsFooter: false },
  { pattern: /^(?:continue reading|read more|read next|see also)[.:…]?$/i, startsFooter: false },
  // Share and like widgets.
  { pattern: /^(?:share|share this(?: article| story| post)?|share on \w+|like this)[:.]?$/i, startsFooter: true },
  { pattern: /^(?:like )?loading(?:…|\.\.\.)$/i, startsFooter: false },
  { pattern: /^click to (?:share|email|print)\b.{0,80}$/i, startsFooter: false },
  {
    pattern: /^(?:twitter|facebook|whatsapp|linkedin|telegram|reddit|pinterest|tumblr|pocket|email|print|tweet)$/i,
    startsFooter: false,
  },
  { pattern: /^advertisements?$/i, startsFooter: false },
  // Lists of other articles.
  {
    pattern:
      /^(?:related|related (?:posts|articles|stories|news|content|coverage)|you (?:may|might) also like|more stories|post navigation)[:.]?$/i,
    startsFooter: true,
  },
];

/** Markdown thematic breaks ("***", "- - -"): separators, never content. */
const THEMATIC_BREAK = /^(?:[*_-] ?){3,}$/;
const DATE_MARKER = /^date:?\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)/i;
const DATE_STAMP = /^(published|updated)(?: on)?:?\s+(.{1,100})$/i;
const MARKDOWN_HEADING = /^(?:#{1,6} )+/;
const MARKDOWN_LIST_ITEM = /^(?:[-*+•]|\d{1,3}[.)]) /;
const TERMINAL_PUNCTUATION = new Set(['.', '!', '?', ':', '”', '"', '’', "'", ')', '…', '»', '؟']);
/** Words a byline may hold besides names: "By Jane Roe and John Doe in Beirut", "By Staff of The Daily Star". */
const BYLINE_CONNECTORS = new Set(
  '& | / - – — · • , and of the in for at with staff de del la le van von der al el bin ibn'.split(' '),
);
const WORD = /[\p{L}\p{N}]+/gu;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;
/** "… is fulfilled - Israel Katz": a dash, then one to four capitalised words at the very end. */
const ATTRIBUTION = /\s[-–—]\s?(\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3})$/u;
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** English month names, January first (also read by `corpus/sentence-dates.ts`). */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Turns raw article text into clean article text: normalised whitespace and
 * Unicode, no site boilerplate, no markdown emphasis markers, whole
 * paragraphs (broken ones rejoined, truncated duplicates and repeated pull
 * quotes dropped), and no leading title, byline or date marker.
 *
 * Paragraphs are separated by exactly one blank line ("\n\n"); there is no
 * leading or trailing whitespace, and no newline inside a paragraph.
 *
 * @example cleanArticleText('By: TA\n\n**Aoun** offered talks.\n\nLeave a Reply') // 'Aoun offered talks.'
 */
export function cleanArticleText(raw: string, options: CleanArticleOptions = {}): string {
  const lines = normaliseText(raw)
    .split('\n')
    .map((line) => normaliseLine(line));
  const paragraphs = assembleParagraphs(dropBoilerplate(lines))
    .map(normaliseParagraph)
    .filter((paragraph) => paragraph !== '');
  return refineParagraphs(paragraphs, options).join('\n\n');
}

/**
 * The paragraphs of text produced by {@link cleanArticleText}.
 *
 * @example splitParagraphs('One.\n\nTwo.') // ['One.', 'Two.']
 */
export function splitParagraphs(clean: string): string[] {
  return clean === '' ? [] : clean.split('\n\n');
}

/**
 * The publication date the raw text states, as `YYYY-MM-DD`: a leading
 * " date 2026-03-09 " marker, else a "Published: …" line, else an
 * "Updated: …" line. Null when it states none (or none that is a real date).
 *
 * @example extractStatedDate(' date 2026-03-09 The Lebanese government…') // '2026-03-09'
 */
export function extractStatedDate(raw: string): string | null {
  const text = normaliseText(raw);
  const marker = DATE_MARKER.exec(text.trimStart());
  if (marker?.[1] && parseDateExpression(marker[1])) return marker[1];
  let updated: string | null = null;
  for (const line of text.split('\n')) {
    const stamp = parseDateStamp(stripEmphasisMarkers(normaliseLine(line)));
    if (!stamp) continue;
    if (stamp.kind === 'published') return stamp.date;
    updated ??= stamp.date;
  }
  return updated;
}

function normaliseText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?|\u2028|\u0085/g, '\n')
      .replace(/\u2029/g, '\n\n')
      // Non-breaking and typographic spaces separate words exactly like a space does.
      .replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
  );
}

function normaliseLine(line: string): string {
  const trimmed = line.trim().replace(/ {2,}/g, ' ');
  // HTML extraction leaves lines holding only zero-width characters; they separate paragraphs like blank lines.
  return /^[\u200b-\u200d\u2060\ufeff]*$/.test(trimmed) ? '' : trimmed;
}

function normaliseParagraph(paragraph: string): string {
  const text = stripEmphasisMarkers(paragraph);
  if (!MARKDOWN_HEADING.test(text)) return text.trim();
  // Loop rather than one replace: "# # x" must not leave a heading marker behind for a second run to find.
  let heading = text;
  while (MARKDOWN_HEADING.test(heading)) heading = heading.replace(MARKDOWN_HEADING, '');
  return heading.replace(/ #+$/, '').trim();
}

/**
 * Removes `*` and `_` runs that sit at a word edge (`**bold**`, `_x_`), and
 * keeps runs inside a word (snake_case, 2*3) or between spaces ("2 * 3",
 * "marked *"). Runs are judged only by their neighbours, which removing
 * another run never changes, so one pass is final.
 */
function stripEmphasisMarkers(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text;
  return text.replace(/[*_]+/g, (run: string, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 2), offset);
    const after = whole.slice(offset + run.length, offset + run.length + 2);
    const wordBefore = /[\p{L}\p{N}\p{M}]$/u.test(before);
    const wordAfter = /^[\p{L}\p{N}\p{M}]/u.test(after);
    if (wordBefore && wordAfter) return run;
    const spaceBefore = before === '' || /\s$/.test(before);
    const spaceAfter = after === '' || /^\s/.test(after);
    if (spaceBefore && spaceAfter) return run;
    return '';
  });
}

/** Null for units too long to be boilerplate: every pattern is bounded, so long paragraphs skip the work. */
function boilerplateKey(unit: string): string | null {
  return unit.length > MAX_BOILERPLATE_LENGTH ? null : stripEmphasisMarkers(unit).trim();
}

function isBoilerplate(unit: string): boolean {
  const key = boilerplateKey(unit);
  if (key === null) return false;
  return (
    THEMATIC_BREAK.test(unit) ||
    BOILERPLATE.some(({ pattern }) => pattern.test(key)) ||
    (parseDateStamp(key) !== null && key.split(' ').length <= 12)
  );
}

function startsFooter(unit: string): boolean {
  const key = boilerplateKey(unit);
  if (key === null) return false;
  return BOILERPLATE.some(({ pattern, startsFooter: footer }) => footer && pattern.test(key));
}

/**
 * Drops boilerplate lines (or paragraphs), and cuts everything from the first
 * footer start that lies in the second half of the text. A footer start in the
 * first half is more likely a share bar above the article than the end of it,
 * so there only the line itself goes: losing the article would be worse than
 * keeping some chrome. Empty units (blank lines) are kept as they are.
 */
function dropBoilerplate(units: readonly string[]): string[] {
  let total = 0;
  for (const unit of units) total += unit.length;
  let offset = 0;
  let end = units.length;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index] as string;
    if (unit !== '' && offset >= total / 2 && startsFooter(unit)) {
      end = index;
      break;
    }
    offset += unit.length;
  }
  return units.slice(0, end).filter((unit) => unit === '' || !isBoilerplate(unit));
}

/**
 * Groups lines into paragraphs. Text that never uses blank lines has one
 * paragraph a line. Otherwise blank lines separate paragraphs and a single
 * newline is a wrap, except in a block with a line longer than any hard-wrap
 * width (such text was never wrapped: its newlines are paragraph breaks), and
 * before markdown headings and list items.
 */
function assembleParagraphs(lines: readonly string[]): string[] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line !== '') {
      block.push(line);
    } else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  if (blocks.length === 1) return blocks[0] as string[];

  const paragraphs: string[] = [];
  for (const lines of blocks) {
    if (lines.some((line) => line.length > MAX_HARD_WRAP_WIDTH)) {
      appendAll(paragraphs, lines);
      continue;
    }
    let current = lines[0] as string;
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index] as string;
      const previous = lines[index - 1] as string;
      if (startsOwnLine(line) || MARKDOWN_HEADING.test(previous)) {
        paragraphs.push(current);
        current = line;
      } else {
        current = `${current} ${line}`;
      }
    }
    paragraphs.push(current);
  }
  return paragraphs;
}

function startsOwnLine(line: string): boolean {
  return MARKDOWN_HEADING.test(line) || MARKDOWN_LIST_ITEM.test(line);
}

function refineParagraphs(paragraphs: readonly string[], options: CleanArticleOptions): string[] {
  let current = [...paragraphs];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let next = dropLeadingMetadata(current, options);
    next = dropTrailingSignature(next, options);
    next = dropBoilerplate(next);
    next = dropTruncatedDuplicates(next);
    next = dropRepeatedPullQuotes(next);
    // A rejoined "#" fragment would read as a markdown heading on the next run; settle it now.
    next = rejoinBrokenParagraphs(next)
      .map(normaliseParagraph)
      .filter((paragraph) => paragraph !== '');
    if (next.length === current.length && next.every((paragraph, index) => paragraph === current[index])) break;
    current = next;
  }
  return current;
}

/** Case-, space- and quote-style-insensitive form, for comparing with the manifest's title and byline. */
function looseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Drops, among the first {@link LEADING_ZONE} paragraphs that remain, the
 * title, bylines and a date marker opening the text. One sweep gives the same
 * result as removing them one at a time, without shifting the array each time.
 */
function dropLeadingMetadata(paragraphs: readonly string[], options: CleanArticleOptions): string[] {
  const title = options.title ? looseKey(options.title) : '';
  const byline = options.byline ? looseKey(options.byline) : '';
  const kept: string[] = [];
  let index = 0;
  for (; index < paragraphs.length && kept.length < LEADING_ZONE; index++) {
    let paragraph = paragraphs[index] as string;
    if (kept.length === 0) {
      for (let marker = DATE_MARKER.exec(paragraph); marker; marker = DATE_MARKER.exec(paragraph)) {
        if (!marker[1] || !parseDateExpression(marker[1])) break;
        paragraph = paragraph.slice(marker[0].length).trim();
      }
      if (paragraph === '') continue;
    }
    if ((title && looseKey(paragraph) === title) || isBylineLine(paragraph, byline)) continue;
    kept.push(paragraph);
  }
  return kept.concat(paragraphs.slice(index));
}

/** "By: TA | AP Insight", "By Jane Doe and John Roe": "By" and a few name-like words, or the known byline. */
function isBylineLine(paragraph: string, byline: string): boolean {
  const match = /^(?:By|BY|by):? (.+)$/.exec(paragraph);
  if (!match?.[1]) return false;
  const rest = match[1];
  if (byline) {
    const key = looseKey(rest);
    if (key === byline || (key.startsWith(byline) && /^[\s,|/·•–—-]/.test(key.slice(byline.length)))) return true;
  }
  if (!/^(?:By|BY)/.test(paragraph)) return false;
  const words = rest.split(' ');
  if (words.length + 1 >= MAX_BYLINE_WORDS) return false;
  return words.every((word) => {
    const bare = word.replace(/,$/, '');
    return bare === '' || BYLINE_CONNECTORS.has(bare.toLowerCase()) || NAME_WORD.test(bare);
  });
}

function dropTrailingSignature(paragraphs: readonly string[], options: CleanArticleOptions): string[] {
  const byline = options.byline ? looseKey(options.byline) : '';
  if (!byline) return [...paragraphs];
  const result = [...paragraphs];
  while (result.length > 0) {
    const key = looseKey(result[result.length - 1] as string).replace(/^(?:[-–—~]|by:?) ?/, '');
    if (key !== byline) break;
    result.pop();
  }
  return result;
}

/**
 * Drops paragraphs that are an exact prefix of another (a teaser cut off
 * mid-sentence) and later exact copies. Sorting makes it n log n instead of
 * comparing every pair: every string that starts with `p` sorts right after
 * `p`, so checking the next distinct string is enough.
 */
function dropTruncatedDuplicates(paragraphs: readonly string[]): string[] {
  const order = paragraphs
    .map((_, index) => index)
    .sort((a, b) => {
      const left = paragraphs[a] as string;
      const right = paragraphs[b] as string;
      return left < right ? -1 : left > right ? 1 : a - b;
    });
  const dropped = new Set<number>();
  let groupStart = 0;
  while (groupStart < order.length) {
    const text = paragraphs[order[groupStart] as number] as string;
    let groupEnd = groupStart + 1;
    while (groupEnd < order.length && paragraphs[order[groupEnd] as number] === text) groupEnd++;
    if (text.length >= MIN_DUPLICATE_LENGTH) {
      const following = groupEnd < order.length ? (paragraphs[order[groupEnd] as number] as string) : undefined;
      const truncated = following?.startsWith(text) === true;
      // A truncated copy goes entirely; of exact copies, the first stays.
      for (let k = truncated ? groupStart : groupStart + 1; k < groupEnd; k++) dropped.add(order[k] as number);
    }
    groupStart = groupEnd;
  }
  return paragraphs.filter((_, index) => !dropped.has(index));
}

/** Lower case, no quote marks, single spaces: a pull quote drops or straightens the body's quote marks. */
function quoteKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/["'“”‘’‚‛„‟«»‹›`´]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Drops "<quote> - <Name>" paragraphs whose quote also appears elsewhere in
 * the article: a magazine-style pull quote repeats the body, so it is the
 * only copy that can go without losing anything.
 *
 * Searching the whole article for every candidate would be quadratic on a
 * long import full of "Title - Author" lines, so candidates are indexed by
 * their first words and only paragraphs sharing them are searched, at most
 * {@link MAX_PULL_QUOTE_CHECKS} each.
 */
function dropRepeatedPullQuotes(paragraphs: readonly string[]): string[] {
  const byAnchor = new Map<string, PullQuoteCandidate[]>();
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as string;
    // The attribution is short, so looking at the tail keeps the regex work per paragraph constant.
    const attribution = ATTRIBUTION.exec(paragraph.slice(-80));
    if (!attribution) continue;
    const quote = quoteKey(paragraph.slice(0, paragraph.length - attribution[0].length)).replace(/[.,;:!?…]+$/, '');
    const words = quote.match(WORD) ?? [];
    if (quote.length < MIN_PULL_QUOTE_LENGTH || words.length < PULL_QUOTE_ANCHOR_WORDS) continue;
    const anchor = words.slice(0, PULL_QUOTE_ANCHOR_WORDS).join(' ');
    const candidate = { index, quote, checks: 0, repeated: false };
    const sharing = byAnchor.get(anchor);
    if (sharing) sharing.push(candidate);
    else byAnchor.set(anchor, [candidate]);
  }
  // Many candidates opening with the same words are a list ("Title - Author"), not pull quotes; leave them.
  for (const [anchor, candidates] of byAnchor) if (candidates.length > MAX_PULL_QUOTE_CHECKS) byAnchor.delete(anchor);
  if (byAnchor.size === 0) return [...paragraphs];

  for (let index = 0; index < paragraphs.length; index++) {
    const key = quoteKey(paragraphs[index] as string);
    const words = key.match(WORD) ?? [];
    for (let start = 0; start + PULL_QUOTE_ANCHOR_WORDS <= words.length; start++) {
      const candidates = byAnchor.get(words.slice(start, start + PULL_QUOTE_ANCHOR_WORDS).join(' '));
      for (const candidate of candidates ?? []) {
        if (candidate.repeated || candidate.index === index || candidate.checks >= MAX_PULL_QUOTE_CHECKS) continue;
        candidate.checks++;
        candidate.repeated = key.includes(candidate.quote);
      }
    }
  }
  const dropped = new Set<number>();
  for (const candidates of byAnchor.values()) {
    for (const candidate of candidates) if (candidate.repeated) dropped.add(candidate.index);
  }
  return paragraphs.filter((_, index) => !dropped.has(index));
}

interface PullQuoteCandidate {
  index: number;
  quote: string;
  checks: number;
  repeated: boolean;
}

/**
 * Joins a paragraph that stops without terminal punctuation to the next one
 * when that starts in lower case: a line break inserted mid-sentence. A
 * heading also lacks terminal punctuation, but the paragraph after it starts
 * with a capital, so headings stay on their own.
 */
function rejoinBrokenParagraphs(paragraphs: readonly string[]): string[] {
  // Fragments are collected and joined once: reading the end of a growing concatenated string would flatten it on every step.
  const groups: string[][] = [];
  let previous: string | undefined;
  for (const paragraph of paragraphs) {
    const group = groups[groups.length - 1];
    if (
      group &&
      previous !== undefined &&
      !TERMINAL_PUNCTUATION.has(previous.slice(-1)) &&
      /^\p{Ll}/u.test(paragraph)
    ) {
      group.push(paragraph);
    } else {
      groups.push([paragraph]);
    }
    previous = paragraph;
  }
  return groups.map((group) => group.join(' '));
}

function parseDateStamp(line: string): { kind: 'published' | 'updated'; date: string } | null {
  const match = DATE_STAMP.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const date = parseDateExpression(match[2]);
  return date ? { kind: match[1].toLowerCase() === 'published' ? 'published' : 'updated', date } : null;
}

/** "2026-03-09", "March 9, 2026", "Mon, 9 Mar 2026 10:00" → "2026-03-09"; null for anything else or an impossible date. */
function parseDateExpression(expression: string): string | null {
  const text = expression.trim().replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? /i, '');
  let year: number;
  let month: number | undefined;
  let day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  const monthFirst = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?!\d)/i.exec(text);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})(?!\d)/i.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (monthFirst) {
    [year, month, day] = [Number(monthFirst[3]), monthNumber(monthFirst[1] as string), Number(monthFirst[2])];
  } else if (dayFirst) {
    [year, month, day] = [Number(dayFirst[3]), monthNumber(dayFirst[2] as string), Number(dayFirst[1])];
  } else {
    return null;
  }
  if (month === undefined || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const month = MONTHS[lower.startsWith('sept') ? 'sept' : lower.slice(0, 3)];
  // "Mar", "March" and "Sept" are months; "Marching" is not.
  return month !== undefined && (MONTH_NAMES[month - 1] as string).startsWith(lower) ? month : undefined;
}
