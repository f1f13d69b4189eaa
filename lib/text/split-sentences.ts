/**
 * Sentence bounds in a cleaned article, for excerpts that quote whole
 * sentences. Offsets, not copies, so an excerpt can point back into the
 * article (the reader page scrolls to it).
 */

import { endsSentenceAt, isLineBreak, terminatorRunEnd } from './sentence-ends';

export type SentenceSpan = readonly [start: number, end: number];

/**
 * Splits text into sentences: at line breaks, and where a terminator ends a
 * sentence by the rules of `sentence-ends.ts` (the matcher's rules too), with
 * closing quotes kept in the sentence they close.
 *
 * @example splitSentences('Gen. Haykal resisted. Aoun called.') // [[0, 21], [22, 34]]
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isLineBreak(code)) {
      pushTrimmed(text, start, index, spans);
      start = skipSpace(text, index);
      index = start;
      continue;
    }
    if (endsSentenceAt(text, index)) {
      const end = terminatorRunEnd(text, index);
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
