import { extractStatedDate, splitParagraphs } from '../text/clean-article-text';
import { partialIsoDate } from './knowledge-base';
import type { PublishedDate } from './seed-manifest';

/**
 * Metadata of an imported article that its source did not state, worked out
 * the way the seed manifest does it by hand: a date with its precision and
 * basis, a language, a headline. Each guess says that it is one
 * (`basis: inferred`, `titleSource: ours`), so cards never present a guess
 * as a fact.
 */

/** "2026", "2026-03", "2026-03-09", "2026-03-09T10:00:00Z", "March 9, 2026", "9 Mar 2026" → a partial ISO date; null otherwise. */
export function partialDateFromInput(input: string): string | null {
  const value = input.trim();
  if (isRealPartialDate(value)) return value;
  const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(value);
  if (isoDateTime?.[1] && isRealPartialDate(isoDateTime[1])) return isoDateTime[1];
  const monthYear = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(value);
  if (monthYear) {
    const day = extractStatedDate(`Published: ${monthYear[1]} 1, ${monthYear[2]}`);
    return day ? day.slice(0, 7) : null;
  }
  // The cleaner's own reading of "Published: …" lines knows the usual written forms.
  return extractStatedDate(`Published: ${value}`);
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a day that exists (no 30 February). */
function isRealPartialDate(value: string): boolean {
  if (!partialIsoDate.safeParse(value).success) return false;
  const [year, month, day] = value.split('-').map(Number);
  if (day === undefined || month === undefined || year === undefined) return true;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const PRECISION_BY_PARTS = { 1: 'year', 2: 'month', 3: 'day' } as const;

/**
 * The published date of an imported article: as the source states it
 * (`where` says which part of the source, for the reason), else as the text
 * states it, else unknown.
 *
 * @example publishedDate('2026-03', 'the front matter', rawText) // { date: '2026-03', precision: 'month', basis: 'stated', … }
 */
export function publishedDate(stated: string | null, where: string, rawText: string): PublishedDate {
  if (stated) {
    const parts = stated.split('-').length as 1 | 2 | 3;
    return { date: stated, precision: PRECISION_BY_PARTS[parts], basis: 'stated', reason: `given in ${where}` };
  }
  const inText = extractStatedDate(rawText);
  if (inText) return { date: inText, precision: 'day', basis: 'stated', reason: 'stated in the article text' };
  return { date: null, precision: 'unknown', basis: 'unknown', reason: 'neither the source nor the text gives a date' };
}

const FRENCH_WORDS = new Set(
  'le la les des du une est dans pour qui que sur avec au aux ce cette sont pas par'.split(' '),
);
const ENGLISH_WORDS = new Set('the of and to in is that for on with was as by at from are it this'.split(' '));

/**
 * A two-letter language code for text whose source does not say: Arabic or
 * Hebrew by script, French or English by their commonest words.
 *
 * @example guessLanguage('Le Liban et Israël ont repris les discussions.') // 'fr'
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  let arabic = 0;
  let hebrew = 0;
  let latin = 0;
  for (const char of sample) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x0600 && code <= 0x06ff) arabic++;
    else if (code >= 0x0590 && code <= 0x05ff) hebrew++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) {
      latin++;
    }
  }
  if (arabic > latin && arabic >= hebrew) return 'ar';
  if (hebrew > latin) return 'he';
  let french = 0;
  let english = 0;
  for (const word of sample.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FRENCH_WORDS.has(word)) french++;
    else if (ENGLISH_WORDS.has(word)) english++;
  }
  return french > english ? 'fr' : 'en';
}

/** A headline is short and does not end like a sentence. */
const MAX_HEADLINE_LENGTH = 160;
const TITLE_LENGTH = 90;

/**
 * A headline for an article whose source gives none: its first paragraph
 * when that reads like a headline (`titleSource: text`), else the file's
 * name, else its first words (`titleSource: ours`).
 *
 * @example titleFromText('Talks resume in Naqoura\n\nThe delegations met…', 'notes.txt') // { title: 'Talks resume in Naqoura', titleSource: 'text' }
 */
export function titleFromText(cleanText: string, file: string): { title: string; titleSource: 'text' | 'ours' } {
  const first = splitParagraphs(cleanText)[0] ?? '';
  if (
    first &&
    first.length <= MAX_HEADLINE_LENGTH &&
    !/[.!?…:;,]$/.test(first) &&
    splitParagraphs(cleanText).length > 1
  ) {
    return { title: first, titleSource: 'text' };
  }
  const stem = file
    .replace(/\.[A-Za-z]{1,9}$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  // Camera-style or generated names ("IMG_2031", "article (3)", "Pasted article") say nothing.
  if (stem.length >= 8 && /\p{L}{3,}.*\s.*\p{L}{3,}/u.test(stem) && !/^pasted article$/i.test(stem)) {
    return { title: stem.charAt(0).toUpperCase() + stem.slice(1), titleSource: 'ours' };
  }
  const words = cleanText.slice(0, TITLE_LENGTH * 2).split(/\s+/);
  let title = '';
  for (const word of words) {
    if ((title ? `${title} ${word}` : word).length > TITLE_LENGTH) break;
    title = title ? `${title} ${word}` : word;
  }
  return { title: title ? `${title}…` : 'Untitled article', titleSource: 'ours' };
}
