/**
 * The matcher's case rules, compiled: an alias matches a text written as the
 * alias is, in ALL CAPS (a headline), or with a capital first letter when the
 * alias starts lower case ("The talks" at a sentence start); a
 * case-sensitive alias (an acronym such as "US") only as written. Each alias
 * becomes two patterns of case classes, one per unit of its folded key, so
 * the scanner compares classes instead of building strings.
 *
 * The string form of the same rules, slow and obviously right, is the test
 * oracle in `tests/support/case-rules-reference.ts`.
 */

import * as foldText from '../text/fold-text';

const { CHAR_IGNORE: IGNORE, CHAR_LOWER: LOWER, CHAR_SPACE: SPACE, CHAR_UPPER: UPPER, charFlags, foldCode } = foldText;

/** A unit with no case (a space, a digit, an Arabic letter). */
export const CASE_NONE = 0;
export const CASE_LOWER = 1;
export const CASE_UPPER = 2;

/** The case class of a unit from its `CHAR_*` flags. */
export function caseClass(flags: number): number {
  return flags & UPPER ? CASE_UPPER : flags & LOWER ? CASE_LOWER : CASE_NONE;
}

/**
 * Upper case of one unit, or the unit itself when its capital is longer ("ß" → "SS").
 *
 * @example upperOne('é') // 'É'
 */
export function upperOne(ch: string): string {
  const upper = ch.toUpperCase();
  return upper.length === 1 ? upper : ch;
}

const capsClassCache = new Map<number, number>();

/** Case class of a unit written in ALL CAPS: a lower-case letter without a one-letter capital (ß) stays lower. */
function capsClass(c: number, flags: number): number {
  if (!(flags & LOWER) || flags & UPPER) return caseClass(flags);
  let cls = capsClassCache.get(c);
  if (cls === undefined) {
    const folded = String.fromCharCode(foldCode(c));
    cls = upperOne(folded) !== folded ? CASE_UPPER : CASE_LOWER;
    capsClassCache.set(c, cls);
  }
  return cls;
}

/**
 * Case classes of an alias, one per unit of its folded key (the units
 * `foldString` keeps), written into `exact` and `caps` from `from` to `to`.
 * The matcher fills one shared pair of arrays, alias by alias, when an alias
 * is first met.
 */
export function fillCasePattern(text: string, exact: Uint8Array, caps: Uint8Array, from: number, to: number): void {
  let k = from;
  let pendingSpace = false;
  for (let i = 0; i < text.length && k < to; i++) {
    const c = text.charCodeAt(i);
    const flags = charFlags(c);
    if (flags & IGNORE) continue;
    if (flags & SPACE) {
      pendingSpace = k > from;
      continue;
    }
    if (pendingSpace) {
      exact[k] = CASE_NONE;
      caps[k] = CASE_NONE;
      k++;
      pendingSpace = false;
      if (k >= to) break;
    }
    exact[k] = caseClass(flags);
    caps[k] = capsClass(c, flags);
    k++;
  }
}

/**
 * Case classes of one alias, as written and in ALL CAPS, one per unit of its folded key.
 *
 * @example casePattern('US', 2) // { exact: [2, 2], caps: [2, 2] }
 */
export function casePattern(text: string, keyLength: number): { exact: Uint8Array; caps: Uint8Array } {
  const exact = new Uint8Array(keyLength);
  const caps = new Uint8Array(keyLength);
  fillCasePattern(text, exact, caps, 0, keyLength);
  return { exact, caps };
}
