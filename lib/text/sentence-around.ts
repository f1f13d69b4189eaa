/**
 * The sentence around one position, found by scanning outwards from it. The
 * matcher needs this for every generic event word ("ceasefire", "talks"), so
 * it must not split the whole text: it looks only as far as the nearest
 * sentence ends, and never further than `limit` units either way. Where a
 * sentence ends is decided by `sentence-ends.ts`, as for the splitter.
 */

import { endsSentenceAt, isLineBreak, mayEndSentence, terminatorRunEnd } from './sentence-ends';

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
    if (mayEndSentence(c) && endsSentenceAt(text, start - 1)) break;
    start--;
  }
  let end = to;
  const max = Math.min(text.length, to + limit);
  while (end < max) {
    const c = text.charCodeAt(end);
    if (mayEndSentence(c) && endsSentenceAt(text, end)) {
      // A line break is not part of the sentence; a terminator and its closing quotes are.
      if (!isLineBreak(c)) end = terminatorRunEnd(text, end);
      break;
    }
    end++;
  }
  return [start, end];
}
