/**
 * Arabic proclitics and Hebrew prefixes: letters written attached to the
 * next word ("بالناقورة" is ب + الناقورة, "בכנסת" is ב + הכנסת), so a name
 * may start inside a word. Kept in one place because three parts of the
 * matcher must agree on them: the spec build (these letters get trie
 * symbols of their own), the exact walk (a match may start after them) and
 * the context readers (a role or event cue may carry one).
 */

export const ALEF = 0x0627;
export const BEH = 0x0628;
export const LAM = 0x0644;
export const KAF = 0x0643;
export const WAW = 0x0648;
export const FEH = 0x0641;
export const HE = 0x05d4;
export const HEBREW_VAV = 0x05d5;
/** Single Arabic letters attached before a word: و ف ب ل ك. */
export const ARABIC_PROCLITICS: readonly number[] = [WAW, FEH, BEH, LAM, KAF];
/** Single Hebrew letters attached before a word: ו ה ב ל מ ש כ. */
export const HEBREW_PREFIX_LETTERS: readonly number[] = [0x05d5, 0x05d4, 0x05d1, 0x05dc, 0x05de, 0x05e9, 0x05db];
/** ב ל כ absorb the article: "בכנסת" is ב + הכנסת. */
export const HEBREW_ARTICLE_DROPPERS: readonly number[] = [0x05d1, 0x05dc, 0x05db];

/** Whole prefixes (one letter, or the combinations of two) as strings, for the context readers. */
export const ARABIC_PREFIXES: ReadonlySet<string> = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل']);
export const HEBREW_PREFIXES: ReadonlySet<string> = new Set([
  'ו',
  'ה',
  'ב',
  'ל',
  'מ',
  'ש',
  'כ',
  'וה',
  'וב',
  'ול',
  'ומ',
  'וש',
  'וכ',
]);

/**
 * Arabic and Hebrew prefix letters, if any key is Arabic or Hebrew: they get
 * symbols of their own in the trie, so a word starting with one is sent to
 * the exact walk.
 *
 * @example semiticPrefixes(['hezbollah']) // []
 */
export function semiticPrefixes(keys: readonly string[]): number[] {
  return keys.some((key) => /[\u0590-\u06ff]/.test(key)) ? [...ARABIC_PROCLITICS, ...HEBREW_PREFIX_LETTERS] : [];
}
