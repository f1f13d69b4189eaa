/**
 * Sentence bounds in a cleaned article, for excerpts that quote whole
 * sentences. Offsets, not copies, so an excerpt can point back into the
 * article (the reader page scrolls to it).
 */

// Words that end in a full stop without ending the sentence ("U.S. envoys", "Gen. Haykal"),
// lower case and without the final stop. Shared with the matcher's `sentence-around`.
export const SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  [
    'u.s',
    'u.k',
    'u.n',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'sgt',
    'adm',
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'st',
    'sr',
    'jr',
    'no',
    'vs',
    'etc',
    'e.g',
    'i.e',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'gov',
    'sen',
    'rep',
    'amb',
    'cpt',
    'cmdr',
    'pres',
    'rev',
    'hon',
  ].map((word) => word.toLowerCase()),
);

const TERMINATORS = new Set(['.', '!', '?', '…', '؟', '।']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

export type SentenceSpan = readonly [start: number, end: number];

/**
 * Splits text into sentences: at paragraph breaks, and after `.`, `!`, `?`,
 * `…` (plus closing quotes) followed by a space, unless the word before the
 * full stop is an abbreviation or an initial.
 *
 * @example splitSentences('Gen. Haykal resisted. Aoun called.') // [[0, 21], [22, 34]]
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let index = start;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '\n') {
      pushTrimmed(text, start, index, spans);
      start = skipSpace(text, index);
      index = start;
      continue;
    }
    if (TERMINATORS.has(char) && endsSentence(text, index)) {
      let end = index + 1;
      while (end < text.length && (TERMINATORS.has(text[end] as string) || CLOSERS.has(text[end] as string))) end++;
      pushTrimmed(text, start, end, spans);
      start = skipSpace(text, end);
      index = start;
      continue;
    }
    index++;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/** The sentence that contains `offset`, or undefined when it falls between sentences. */
export function sentenceAt(spans: readonly SentenceSpan[], offset: number): SentenceSpan | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as SentenceSpan;
    if (offset < span[0]) high = middle - 1;
    else if (offset >= span[1]) low = middle + 1;
    else return span;
  }
  return undefined;
}

function endsSentence(text: string, index: number): boolean {
  let next = index + 1;
  while (next < text.length && (TERMINATORS.has(text[next] as string) || CLOSERS.has(text[next] as string))) next++;
  if (next < text.length && !/\s/.test(text[next] as string)) return false;
  if (text[index] !== '.') return true;
  let wordStart = index;
  while (wordStart > 0 && /[\p{L}\p{N}.]/u.test(text[wordStart - 1] as string)) wordStart--;
  const word = text.slice(wordStart, index).toLowerCase();
  if (SENTENCE_ABBREVIATIONS.has(word)) return false;
  // A single capital letter is an initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(text.slice(wordStart, index))) return false;
  return true;
}

function skipSpace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/.test(text[position] as string)) position++;
  return position;
}

function pushTrimmed(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/.test(text[trimmedEnd - 1] as string)) trimmedEnd--;
  if (trimmedEnd > start) spans.push([start, trimmedEnd]);
}
