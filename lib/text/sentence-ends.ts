/**
 * Where a sentence ends: the one rule shared by the splitter that cuts
 * articles into the sentences cards quote (`split-sentences.ts`) and the
 * scan that finds the sentence around one match (`sentence-around.ts`).
 * Two copies of these rules had drifted (different terminators, initials
 * only in ASCII on one side), so an excerpt and the matcher could disagree
 * about the same sentence (issue #10).
 *
 * Works on UTF-16 code units with an ASCII fast path: the matcher asks this
 * for every generic event word on every page.
 */

/**
 * Words that end in a full stop without ending the sentence ("Gen. Haykal",
 * "Mr. Salam"), lower case and without the final stop. Dotted acronyms
 * ("U.S.", "e.g.") need no entry: any dotted word is kept whole.
 */
export const SENTENCE_ABBREVIATIONS: ReadonlySet<string> = new Set([
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
]);

const PERIOD = 0x2e;

function isSpaceOrBreak(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x3000
  );
}

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0x0b || c === 0x0c;
}

/** `.`, `!`, `?`, `…`, Arabic `؟` and `۔`, Devanagari `।`: end a sentence when a space (or the end) follows. */
function isTerminator(c: number): boolean {
  return c === PERIOD || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x061f || c === 0x06d4 || c === 0x0964;
}

/** Ideographic `。` and full-width `！` `？`: end a sentence even with no space after (Chinese and Japanese use none). */
function isSpacelessTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Closing quotes and brackets that stay with the sentence they close: `said so.” Then`. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019 || c === 0xbb;
}

/** Whether `c` may end a sentence at all: a cheap filter before {@link endsSentenceAt}. */
export function mayEndSentence(c: number): boolean {
  return isTerminator(c) || isLineBreak(c) || isSpacelessTerminator(c) || isCloser(c);
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return /\p{L}/u.test(String.fromCharCode(c));
}

/** The end of the run of terminators and closing quotes that starts at `i`. */
export function terminatorRunEnd(text: string, i: number): number {
  let next = i + 1;
  while (next < text.length) {
    const c = text.charCodeAt(next);
    if (!isTerminator(c) && !isCloser(c) && !isSpacelessTerminator(c)) break;
    next++;
  }
  return next;
}

/**
 * Whether the full stop at `i` belongs to the word before it rather than
 * ending the sentence: an abbreviation ("Gen."), a dotted acronym ("U.S.",
 * "e.g.") or an initial in any script ("Joseph K. Aoun", "É. Macron"). The
 * last stop of an ellipsis is never one.
 */
function isWordPeriod(text: string, i: number): boolean {
  if (i > 0 && text.charCodeAt(i - 1) === PERIOD) return false;
  let start = i;
  let dotted = false;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c === PERIOD) dotted = true;
    else if (!isLetter(c)) break;
    start--;
  }
  if (dotted) return true;
  const word = text.slice(start, i);
  if (word.length === 1 && word !== word.toLowerCase()) return true;
  return SENTENCE_ABBREVIATIONS.has(word.toLowerCase());
}

function isRunUnit(c: number): boolean {
  return isTerminator(c) || isCloser(c) || isSpacelessTerminator(c);
}

/**
 * Whether the code unit at `i` ends a sentence. A line break does. Otherwise
 * `i` must be in a run of terminators and closing quotes (`?”`, `...`, `。?`),
 * and the run decides for all its units: it ends a sentence when it holds an
 * ideographic stop, or when a space or the end of the text follows it and
 * its first terminator is not a full stop that belongs to its word. So a
 * scan from either side stops at the same place.
 *
 * @example endsSentenceAt('U.S. envoys', 3) // false
 * @example endsSentenceAt('in 2024. Then', 7) // true
 */
export function endsSentenceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isLineBreak(c)) return true;
  if (!isRunUnit(c)) return false;
  let first = i;
  while (first > 0 && isRunUnit(text.charCodeAt(first - 1))) first--;
  const end = terminatorRunEnd(text, i);
  let terminator = -1;
  for (let at = first; at < end; at++) {
    const unit = text.charCodeAt(at);
    if (isSpacelessTerminator(unit)) return true;
    if (terminator === -1 && isTerminator(unit)) terminator = at;
  }
  if (terminator === -1) return false;
  if (end < text.length && !isSpaceOrBreak(text.charCodeAt(end))) return false;
  return text.charCodeAt(terminator) !== PERIOD || !isWordPeriod(text, terminator);
}
