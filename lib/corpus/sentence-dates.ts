/**
 * The date a sentence states for what it reports, as precise as the words allow and no more
 * (issue #15). "On 3 December 2025" is a day; "in March 2026" a month; "in 2024" a year.
 * Relative words ("last week", "on Monday", "last year") are resolved against the article's own
 * date and marked inferred, because they are only as good as that date.
 *
 * Years used as adjectives ("the 1982 invasion", "a 2024 ceasefire") and "first since 1982" spans
 * name another event, not the sentence's: a bare year counts only after "in", "during", "by" and the
 * like, and "since" never gives a date.
 */
import type { DatePrecision } from '../model/knowledge-base';
import { MONTH_NAMES } from '../text/clean-article-text';

export interface SentenceDate {
  /** Partial ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
  date: string;
  precision: Exclude<DatePrecision, 'unknown'>;
  /** True when worked out from the article's date (relative words), not read from the sentence. */
  inferred: boolean;
  /** Offsets of the words that gave the date, in the sentence. */
  start: number;
  end: number;
}

/** The article's own date, against which relative words are resolved. */
export interface ReferenceDate {
  date: string | null;
  precision: DatePrecision;
}

const monthWord =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const dayMonthYear = new RegExp(`\\b(\\d{1,2})\\s+${monthWord}\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const monthDayYear = new RegExp(`\\b${monthWord}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const monthDayLastYear = new RegExp(`\\b${monthWord}\\s+(\\d{1,2})\\s+of\\s+last\\s+year\\b`, 'gi');
const monthYear = new RegExp(
  `\\b(?:in|by|until|from|of|early|late|mid-?)\\s+${monthWord}\\s+((?:19|20)\\d\\d)\\b`,
  'gi',
);
const yearOnly = /\b(?:in|during|by|until|early|late|mid-?)\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)/gi;
const lastYear = /\blast\s+year\b/gi;
const lastMonth = /\blast\s+month\b/gi;
const lastWeek = /\blast\s+week\b/gi;
const yesterday = /\byesterday\b/gi;
const weekday = /\b(?:on|late|early|last)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/gi;

/*
 * Cheap gates, run once per sentence before the patterns above: a timeline at 10,000 articles
 * asks for the dates of some 140,000 sentences, most of which state none. Each gate is a necessary
 * condition of the patterns it guards (every explicit pattern needs a 19xx/20xx year; every
 * relative one needs "last", "yesterday" or a weekday name), so skipping on a miss changes nothing.
 */
const anyYear = /(?:19|20)\d\d/;
const anyRelative = /last|yesterday|(?:sun|mon|tues|wednes|thurs|fri|satur)day/i;
const anyLast = /last/i;
/** Every month pattern needs one of these at a word's start (each month word starts with its three letters). */
const anyMonth = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const anyYesterday = /yesterday/i;
const anyWeekday = /(?:sun|mon|tues|wednes|thurs|fri|satur)day/i;

function monthNumber(word: string): number {
  const prefix = word.toLowerCase().replace('.', '').slice(0, 3);
  return MONTH_NAMES.findIndex((month) => month.startsWith(prefix)) + 1;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Every date the sentence states, first explicit ones then relative ones, in order of appearance.
 *
 * @example sentenceDates('The talks were held on 3 December 2025.')[0] // { date: '2025-12-03', precision: 'day', ... }
 */
export function sentenceDates(sentence: string, reference?: ReferenceDate): SentenceDate[] {
  const found: SentenceDate[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || start >= b);
  const add = (entry: SentenceDate) => {
    if (!free(entry.start, entry.end)) return;
    taken.push([entry.start, entry.end]);
    found.push(entry);
  };
  const explicit = anyYear.test(sentence);
  const relative = reference?.date && reference.precision !== 'unknown' && anyRelative.test(sentence);
  if (!explicit && !relative) return found;
  if (explicit) addExplicit(sentence, add);
  if (relative) addRelative(sentence, reference, add);
  return found.sort((a, b) => a.start - b.start);
}

function addExplicit(sentence: string, add: (entry: SentenceDate) => void): void {
  if (anyMonth.test(sentence)) addMonthDates(sentence, add);
  for (const match of sentence.matchAll(yearOnly)) {
    const [whole, year] = match;
    const start = match.index ?? 0;
    add({ date: `${year}`, precision: 'year', inferred: false, start, end: start + whole.length });
  }
}

/** Day and month dates, claimed before bare years so "in March 2026" gives a month, not only its year. */
function addMonthDates(sentence: string, add: (entry: SentenceDate) => void): void {
  for (const match of sentence.matchAll(dayMonthYear)) {
    const [whole, day, month, year] = match;
    const m = monthNumber(month ?? '');
    if (!validDay(Number(year), m, Number(day))) continue;
    const start = match.index ?? 0;
    add({
      date: `${year}-${pad(m)}-${pad(Number(day))}`,
      precision: 'day',
      inferred: false,
      start,
      end: start + whole.length,
    });
  }
  for (const match of sentence.matchAll(monthDayYear)) {
    const [whole, month, day, year] = match;
    const m = monthNumber(month ?? '');
    if (!validDay(Number(year), m, Number(day))) continue;
    const start = match.index ?? 0;
    add({
      date: `${year}-${pad(m)}-${pad(Number(day))}`,
      precision: 'day',
      inferred: false,
      start,
      end: start + whole.length,
    });
  }
  for (const match of sentence.matchAll(monthYear)) {
    const [whole, month, year] = match;
    const start = match.index ?? 0;
    add({
      date: `${year}-${pad(monthNumber(month ?? ''))}`,
      precision: 'month',
      inferred: false,
      start,
      end: start + whole.length,
    });
  }
}

function addRelative(sentence: string, reference: ReferenceDate, add: (entry: SentenceDate) => void): void {
  const refDate = reference.date ?? '';
  const [yearText, monthText] = refDate.split('-');
  const year = Number(yearText);
  const last = anyLast.test(sentence);
  if (last) addLastYear(sentence, year, add);
  if (reference.precision === 'year') return;
  const month = Number(monthText);
  if (last) {
    for (const match of sentence.matchAll(lastMonth)) {
      const start = match.index ?? 0;
      const previous = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
      add({ date: previous, precision: 'month', inferred: true, start, end: start + match[0].length });
    }
  }
  if (reference.precision !== 'day') return;
  // A week or a weekday before a known day: the day is inferred; "last week" only pins the month.
  if (last) {
    for (const match of sentence.matchAll(lastWeek)) {
      const start = match.index ?? 0;
      add({
        date: addDays(refDate, -7).slice(0, 7),
        precision: 'month',
        inferred: true,
        start,
        end: start + match[0].length,
      });
    }
  }
  if (anyYesterday.test(sentence)) {
    for (const match of sentence.matchAll(yesterday)) {
      const start = match.index ?? 0;
      add({ date: addDays(refDate, -1), precision: 'day', inferred: true, start, end: start + match[0].length });
    }
  }
  if (!anyWeekday.test(sentence)) return;
  const refWeekday = new Date(`${refDate}T00:00:00Z`).getUTCDay();
  for (const match of sentence.matchAll(weekday)) {
    const target = WEEKDAYS.indexOf((match[1] ?? '').toLowerCase());
    // The most recent such weekday, the article's own day included (news says "on Monday" of the same week).
    const back = (refWeekday - target + 7) % 7;
    const start = match.index ?? 0;
    add({ date: addDays(refDate, -back), precision: 'day', inferred: true, start, end: start + match[0].length });
  }
}

/** "March 3 of last year" and "last year", in that order (the longer words claim their span first). */
function addLastYear(sentence: string, year: number, add: (entry: SentenceDate) => void): void {
  for (const match of sentence.matchAll(monthDayLastYear)) {
    const [whole, month, day] = match;
    const m = monthNumber(month ?? '');
    if (!validDay(year - 1, m, Number(day))) continue;
    const start = match.index ?? 0;
    add({
      date: `${year - 1}-${pad(m)}-${pad(Number(day))}`,
      precision: 'day',
      inferred: true,
      start,
      end: start + whole.length,
    });
  }
  for (const match of sentence.matchAll(lastYear)) {
    const start = match.index ?? 0;
    add({ date: String(year - 1), precision: 'year', inferred: true, start, end: start + match[0].length });
  }
}
