/**
 * The matcher's case rules as a slow, obviously right predicate on strings:
 * the oracle that the property tests check the compiled rules
 * (`lib/matching/case-rules.ts`, applied by the scanner) against. It lives
 * here because no product code needs it (issue #10).
 */

import { upperOne } from '@/lib/matching/case-rules';
import type { Alias } from '@/lib/model/knowledge-base';
import { foldKeepCase, foldString } from '@/lib/text/fold-text';

const ARABIC_ARTICLE = '\u0627\u0644'; // ال
const HEBREW_ARTICLE = '\u05d4'; // ה

/**
 * Reference form of the case rules, on strings: the text slice must fold to
 * the alias (or to the alias without its article, when a proclitic absorbed
 * it: "للناقورة" for "الناقورة") and be written as the alias is, in ALL CAPS,
 * or with a capital first letter when the alias starts lower case.
 * Case-sensitive aliases (acronyms) accept only their exact case.
 *
 * @example matchesUnderCaseRules('HEZBOLLAH', { text: 'Hezbollah', lang: 'en' }) // true
 */
export function matchesUnderCaseRules(textSlice: string, alias: Alias): boolean {
  const key = foldString(alias.text);
  const folded = foldString(textSlice);
  let expected = foldKeepCase(alias.text);
  if (folded !== key) {
    const elided =
      (key.startsWith(ARABIC_ARTICLE) || key.startsWith(HEBREW_ARTICLE)) &&
      folded.length > 0 &&
      folded === key.slice(1);
    if (!elided) return false;
    expected = expected.slice(1);
  }
  const actual = foldKeepCase(textSlice);
  if (actual === expected) return true;
  if (alias.caseSensitive) return false;
  if (actual === Array.from(expected, upperOne).join('')) return true;
  const first = expected.charAt(0);
  return first !== upperOne(first) && actual === upperOne(first) + expected.slice(1);
}
