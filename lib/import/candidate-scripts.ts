/**
 * One name in three scripts (issue #11: "forms seen in other languages in
 * the corpus are proposed as aliases"). Outlets write an official's name in
 * Latin letters, in Hebrew and in Arabic; the reader should add "Morgan
 * Ortagus" once and have "מורגן אורטגוס" and "مورغان أورتاغوس" come with it.
 *
 * Names are compared by their consonant skeleton, the part transliteration
 * keeps: vowels and the letters Hebrew and Arabic use for them (א ה ו י ע,
 * ا و ي ى ء ة ع) are dropped, and sounds one script spells two ways are made
 * one (c/k/q/ק/כ/ق/ك, s/z/ס/ז/צ/س/ز/ص, ch/sh/ש/ش, g/j/ג/غ/ج, v/f/w/ב/פ/ف,
 * p/b/ب). Two names match when they have as many words and every word's
 * skeleton is the same: strict, so two different people rarely meet.
 */

const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/ck/g, 'k'],
  [/sch|ch|sh/g, 's'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/th/g, 't'],
  [/ph/g, 'b'],
  [/dj|dh/g, 'd'],
];

/** Latin letters by sound class; `v` and `w` are left to {@link latinVariants} (a vowel letter in Hebrew, ف in Arabic). */
const LATIN_LETTERS: Record<string, string> = {
  b: 'b',
  p: 'b',
  f: 'b',
  c: 'k',
  k: 'k',
  q: 'k',
  d: 'd',
  g: 'g',
  j: 'g',
  l: 'l',
  m: 'm',
  n: 'n',
  r: 'r',
  s: 's',
  z: 's',
  x: 'ks',
  t: 't',
  V: 'V',
  H: 'H',
};

const HEBREW_LETTERS: Record<string, string> = {
  ב: 'b',
  פ: 'b',
  ף: 'b',
  ג: 'g',
  ד: 'd',
  ז: 's',
  ח: 'h',
  ט: 't',
  כ: 'k',
  ך: 'k',
  ק: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  צ: 's',
  ץ: 's',
  ר: 'r',
  ש: 's',
  ת: 't',
};

const ARABIC_LETTERS: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'g',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 's',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'd',
  غ: 'g',
  ف: 'b',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: '',
  پ: 'b',
  گ: 'g',
  ڤ: 'b',
};

const single = (skeleton: string) => skeleton.replace(/(.)\1+/g, '$1');

/**
 * A Latin word's skeletons: `v`/`w` dropped (Hebrew writes them with ו, a
 * vowel letter here) or read as b (Arabic ف); `h` kept (ח, ح) or dropped
 * (a final "Sarah" is ה, a vowel letter).
 */
function latinVariants(word: string): string[] {
  let latin = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '')
    .replace(/[vw]/g, 'V');
  for (const [pattern, replacement] of LATIN_DIGRAPHS) latin = latin.replace(pattern, replacement);
  const skeleton = [...latin.replace(/h/g, 'H')].map((letter) => LATIN_LETTERS[letter] ?? '').join('');
  const readings = [];
  for (const v of ['', 'b'])
    for (const h of ['h', '']) readings.push(single(skeleton.replace(/V/g, v).replace(/H/g, h)));
  return [...new Set(readings)];
}

function skeletonsOfWord(word: string): string[] {
  if (/[\u05d0-\u05ea]/u.test(word))
    return [single([...word.replace(/['׳"״]/gu, '')].map((letter) => HEBREW_LETTERS[letter] ?? '').join(''))];
  if (/[\u0600-\u06ff]/u.test(word)) return [single([...word].map((letter) => ARABIC_LETTERS[letter] ?? '').join(''))];
  return latinVariants(word);
}

const wordsOf = (name: string) => name.split(/[\s-]+/u).filter(Boolean);

/**
 * A name's consonant skeleton, one part per word (the first reading of a
 * Latin word); doubled consonants are written once ("Haddad" and "חדאד" meet).
 *
 * @example nameSkeleton('Morgan Ortagus') === nameSkeleton('מורגן אורטגוס') // true
 */
export function nameSkeleton(name: string): string {
  return wordsOf(name)
    .map((word) => skeletonsOfWord(word)[0])
    .join(' ');
}

/** Which script a name is written in. */
export function scriptOf(name: string): 'hebrew' | 'arabic' | 'latin' {
  if (/[\u05d0-\u05ea]/u.test(name)) return 'hebrew';
  if (/[\u0600-\u06ff]/u.test(name)) return 'arabic';
  return 'latin';
}

/**
 * Whether two names in different scripts are the same name: as many words,
 * each word's skeleton shared, at least four consonants in all and two in
 * the surname, so short names do not meet by chance ("Haddad" and "عواد"
 * would share a lone d).
 */
export function sameNameAcrossScripts(a: string, b: string): boolean {
  if (scriptOf(a) === scriptOf(b)) return false;
  const left = wordsOf(a).map(skeletonsOfWord);
  const right = wordsOf(b).map(skeletonsOfWord);
  if (left.length < 2 || left.length !== right.length) return false;
  let total = 0;
  let last = 0;
  for (const [position, readings] of left.entries()) {
    const shared = readings
      .filter((reading) => right[position]?.includes(reading))
      .sort((x, y) => y.length - x.length)[0];
    if (shared === undefined || shared.length === 0) return false;
    total += shared.length;
    last = shared.length;
  }
  return total >= 4 && last >= 2;
}
