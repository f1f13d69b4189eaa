/**
 * The sentence around one position, found by scanning outwards from it. The
 * matcher needs this for every generic event word ("ceasefire", "talks"), so
 * it must not split the whole text: it looks only as far as the nearest
 * sentence ends, and never further than `limit` units either way.
 */

import { SENTENCE_ABBREVIATIONS as ABBREVIATIONS } from './split-sentences';

const PERIOD = 0x2e;

function isSpaceOrBreak(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0x0b || c === 0x0c;
}

/** `!`, `?`, `…`, Arabic `؟` and `۔`, ideographic `。`: always end a sentence. */
function isHardTerminator(c: number): boolean {
  return c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x061f || c === 0x06d4 || c === 0x3002;
}

// Closing quotes and brackets that may follow a full stop: `said so.” Then`.
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019 || c === 0xbb;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Whether the full stop at `i` ends a sentence: it is followed by a space,
 * a closing quote or the end of the text, and the word before it is not an
 * abbreviation, an initial or a dotted acronym.
 *
 * @example isSentenceEndingPeriod('U.S. envoys', 3) // false
 */
export function isSentenceEndingPeriod(text: string, i: number): boolean {
  let next = i + 1;
  while (next < text.length && isCloser(text.charCodeAt(next))) next++;
  if (next < text.length && !isSpaceOrBreak(text.charCodeAt(next))) return false;
  if (i > 0 && text.charCodeAt(i - 1) === PERIOD) return true; // an ellipsis "..."
  let start = i;
  let dotted = false;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c === PERIOD) dotted = true;
    else if (!isAsciiLetter(c)) break;
    start--;
  }
  if (dotted) return false; // U.S., e.g.
  const word = text.slice(start, i);
  if (word.length === 1 && word >= 'A' && word <= 'Z') return false; // an initial: "Joseph K. Aoun"
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether the unit at `i` ends a sentence (a line break counts). */
export function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHardTerminator(c) || isLineBreak(c)) return true;
  return c === PERIOD && isSentenceEndingPeriod(text, i);
}

// Units that may end a sentence (a full stop only if it is not an abbreviation's).
const ASCII_STOPS = new Uint8Array(128);
for (const c of [0x21, 0x2e, 0x3f, 0x0a, 0x0b, 0x0c, 0x0d]) ASCII_STOPS[c] = 1;

function mayEndSentence(c: number): boolean {
  return c < 0x80 ? ASCII_STOPS[c] === 1 : isHardTerminator(c) || isLineBreak(c);
}

/**
 * `[start, end)` of the sentence that contains `[from, to)`: from just after
 * the previous sentence end (or line break) to just after the next one.
 *
 * `floor`, if given, is a known sentence start at or before `from` (the end
 * of the previous sentence found): the scan back stops there.
 *
 * @example sentenceAround('Gen. Haykal spoke. Then…', 5, 11) // [0, 18]
 */
export function sentenceAround(text: string, from: number, to: number, limit = 1000, floor = 0): [number, number] {
  let start = from;
  const min = Math.max(0, from - limit, floor);
  while (start > min) {
    const c = text.charCodeAt(start - 1);
    if (mayEndSentence(c) && (c !== PERIOD || isSentenceEndingPeriod(text, start - 1))) break;
    start--;
  }
  let end = to;
  const max = Math.min(text.length, to + limit);
  while (end < max) {
    const c = text.charCodeAt(end);
    if (mayEndSentence(c)) {
      if (isLineBreak(c)) break;
      if (c !== PERIOD || isSentenceEndingPeriod(text, end)) {
        end++;
        break;
      }
    }
    end++;
  }
  return [start, end];
}
