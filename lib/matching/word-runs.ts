/**
 * Positions in a text under the matcher's folding: where a run of word units
 * starts or ends. The scanner and both context readers (names, event cues)
 * step through text this way, so "a word" means the same to all of them.
 */

import * as foldText from '../text/fold-text';

// Read each imported binding once: bundlers and test runners may compile them
// to getters, far too slow for per-character loops.
const { FLAG_TABLE: FLAGS, computeCharFlags: computeFlags, isWordAt: wordAt } = foldText;

/** The `CHAR_*` flags of the unit at `i` (table first: the common scripts). */
export function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return FLAGS[c] || computeFlags(c);
}

/**
 * Start of the run of word units that ends at `end` (exclusive), or `end` if none.
 *
 * @example wordRunStart('the Aoun', 8) // 4
 */
export function wordRunStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && wordAt(text, i - 1)) i--;
  return i;
}

/**
 * End (exclusive) of the run of word units that starts at `start`, or `start` if none.
 *
 * @example wordRunEnd('Aoun said', 0) // 4
 */
export function wordRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && wordAt(text, i)) i++;
  return i;
}
