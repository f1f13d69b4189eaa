/**
 * Names in Hebrew news prose (issue #11). Hebrew, like Arabic, has no capital
 * letters, so the runs of `candidate-names.ts` find nothing; Hebrew news
 * introduces an official the same two ways English does:
 *
 * - after a title and its complements ("השליחה האמריקנית מורגן אורטגוס",
 *   "ראש הממשלה בנימין נתניהו", "השגריר לשעבר סימון כרם");
 * - before an appositive that opens with a title ("אורי רזניק, בכיר במועצה
 *   לביטחון לאומי").
 *
 * Hebrew attaches prepositions, conjunctions and the article to the next
 * word (ו ה ב ל מ ש כ: "ולשגריר", "מהשליחה", "שהשר"), so a title is found
 * under up to three such prefixes; the name itself is read as two words, a
 * third being as often the next noun, so a common word is never proposed.
 * The title or appositive becomes the proposed role.
 */

/** Title nouns, without the article or prefixes (masculine, feminine; quoted abbreviations with both quote marks). */
const TITLES = new Set(
  `שליח שליחה שליחת נציג נציגה נציגת שגריר שגרירה שגרירת נשיא נשיאה נשיאת ראש שר שרה שרת סגן סגנית יועץ יועצת
  דובר דוברת מזכיר מזכירה מזכירת בכיר בכירה מנהל מנהלת מפקד מפקדת אלוף תת-אלוף רב-אלוף שופט שופטת חבר חברת
  עורך עורכת פרופסור מתאם מתאמת ממונה מנכ"ל מנכ״ל יו"ר יו״ר ח"כ ח״כ ד"ר ד״ר עו"ד עו״ד תא"ל תא״ל רמטכ"ל רמטכ״ל
  פרופ' השייח' שייח' שייח מזכ"ל מזכ״ל דיפלומט דיפלומטית פקיד פקידה`.split(/\s+/),
);

/** Complements of a title that do not start with the article ("לשעבר", "לביטחון"). */
const TITLE_COMPLEMENTS = new Set(`לשעבר בפועל בדימוס לענייני לביטחון`.split(/\s+/));

/** Titles that are also given names ("שרה", Sarah, is a woman minister): a name where a name is expected. */
const TITLES_THAT_ARE_NAMES = new Set(['שרה']);

/** Words that end a name: prepositions, conjunctions, verbs of saying, pronouns. */
const STOPS = new Set(
  `של על אל עם את כי אשר גם לא אמר אמרה אמרו הודיע הודיעה מסר מסרה ציין ציינה טען טענה הוא היא הם הן זה זו זאת
  אחרי לפני בין כדי מאוד כבר עוד רק אך אבל או אם כאשר היום אתמול מחר השבוע ביום בשבוע בעבר ובעבר נמסר נאמר
  הוסיף הוסיפה השיב השיבה הזהיר הזהירה תמך תמכה הגיע הגיעה נפגש נפגשה אמרה`.split(/\s+/),
);

/** Prefix letters that attach to a word: and, the, in, to, from, that, as. */
const PREFIX_LETTERS = 'והבלמשכ';

const HEBREW_WORD = /[\u05d0-\u05ea][\u05d0-\u05ea\u05f3\u05f4"'-]*/gu;

export interface HebrewName {
  start: number;
  end: number;
  role: string;
  source: 'title' | 'appositive';
}

/**
 * The word without the prefixes attached to it, when what is left is a
 * title: "ולשגריר" → "שגריר", "מהשליחה" → "שליחה".
 */
export function hebrewTitleOf(word: string): string | undefined {
  const cut = titlePrefixLength(word);
  return cut === undefined ? undefined : word.slice(cut);
}

/** How many prefix letters come before the title in `word`, or undefined when it is no title. */
function titlePrefixLength(word: string): number | undefined {
  for (let cut = 0; cut <= 3 && cut < word.length - 1; cut++) {
    if (cut > 0 && !PREFIX_LETTERS.includes(word[cut - 1] ?? '')) return undefined;
    if (TITLES.has(word.slice(cut))) return cut;
  }
  return undefined;
}

/** Where a title's role starts in its word: after "and", "to", "from"…, keeping the article ("מהשליחה" → "השליחה"). */
function roleStartIn(word: string): number {
  const cut = titlePrefixLength(word) ?? 0;
  return cut > 0 && word[cut - 1] === 'ה' ? cut - 1 : cut;
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** A word with the article, after "and" maybe ("הממשלה", "והביטחון"): a title's complement, never a name. */
const isArticled = (word: Word) => /^ו?ה/u.test(word.text) && !hebrewTitleOf(word.text);

/**
 * Names introduced by a title, or followed by an appositive that opens with
 * one, in the sentence `[from, to)`. `known` says whether a range is a known
 * entity's mention: a known name is skipped.
 *
 * @example hebrewNamesInSentence('השליחה האמריקנית מורגן אורטגוס הגיעה', 0, 36, () => false) // [{ …'מורגן אורטגוס', role: 'השליחה האמריקנית' }]
 */
export function hebrewNamesInSentence(
  text: string,
  from: number,
  to: number,
  known: (start: number, end: number) => boolean,
): HebrewName[] {
  const words: Word[] = [...text.slice(from, to).matchAll(HEBREW_WORD)].map((match) => ({
    start: from + (match.index ?? 0),
    end: from + (match.index ?? 0) + match[0].length,
    text: match[0],
  }));
  const only = (gap: string, pattern: RegExp) => pattern.test(gap);
  const nameAt = (position: number): Word[] => {
    const name: Word[] = [];
    for (let at = position; at < words.length && name.length < 2; at++) {
      const word = words[at] as Word;
      const title = hebrewTitleOf(word.text) && !(name.length === 0 && TITLES_THAT_ARE_NAMES.has(word.text));
      if (STOPS.has(word.text) || title || isArticled(word) || TITLE_COMPLEMENTS.has(word.text)) break;
      const previous = name[name.length - 1];
      // Only spaces between the words of one name.
      if (previous && !only(text.slice(previous.end, word.start), /^\s+$/u)) break;
      name.push(word);
    }
    return name.length === 2 ? name : [];
  };
  const names: HebrewName[] = [];
  const taken = (start: number) => names.some((name) => name.start === start);
  for (let position = 0; position < words.length; position++) {
    const title = words[position] as Word;
    if (!hebrewTitleOf(title.text)) continue;
    if (TITLES_THAT_ARE_NAMES.has(title.text) && position > 0 && hebrewTitleOf((words[position - 1] as Word).text))
      continue;
    let next = position + 1;
    // Complements of the title, read as the role: "האמריקנית", "הממשלה", "לשעבר", a known name ("בכיר חיזבאללה"),
    // and a noun in construct state before an articled one ("דוברת משרד החוץ", "יו״ר ועדת החוץ והביטחון").
    const complement = (at: number) => {
      const word = words[at];
      if (!word || !only(text.slice((words[at - 1] as Word).end, word.start), /^\s+$/u)) return false;
      if (isArticled(word) || TITLE_COMPLEMENTS.has(word.text) || known(word.start, word.end)) return true;
      const following = words[at + 1];
      return (
        !STOPS.has(word.text) &&
        following !== undefined &&
        isArticled(following) &&
        only(text.slice(word.end, following.start), /^\s+$/u)
      );
    };
    while (next - position <= 5 && complement(next)) next++;
    const previous = words[next - 1] as Word;
    const name = nameAt(next);
    const first = name[0];
    const last = name[name.length - 1];
    if (!first || !last || !only(text.slice(previous.end, first.start), /^\s+$/u)) continue;
    if (known(first.start, last.end) || name.some((word) => known(word.start, word.end))) continue;
    const role = text.slice(title.start + roleStartIn(title.text), previous.end);
    names.push({ start: first.start, end: last.end, role, source: 'title' });
    position = next + 1;
  }
  // "אורי רזניק, בכיר במועצה לביטחון לאומי": two words, a comma, and a title opening the appositive.
  for (let position = 0; position + 2 < words.length; position++) {
    const name = nameAt(position);
    const first = name[0];
    const last = name[1];
    const title = words[position + 2];
    if (!first || !last || !title || taken(first.start)) continue;
    if (!only(text.slice(last.end, title.start), /^\s*,\s*$/u) || !hebrewTitleOf(title.text)) continue;
    // Not the tail of a title's complement ("ראש הממשלה בנימין נתניהו, …" was read above).
    if (position > 0 && hebrewTitleOf((words[position - 1] as Word).text)) continue;
    if (known(first.start, last.end) || name.some((word) => known(word.start, word.end))) continue;
    const close = text.slice(title.start, to).search(/[,.;:!?()\u05be]/u);
    const role = text
      .slice(title.start + roleStartIn(title.text), close < 0 ? to : title.start + close)
      .replace(/\s+/g, ' ')
      .trim();
    if (role.split(' ').length > 10) continue;
    names.push({ start: first.start, end: last.end, role, source: 'appositive' });
  }
  return names.sort((a, b) => a.start - b.start);
}

/** Whether a sentence is (mostly) Hebrew: worth reading with {@link hebrewNamesInSentence}. */
export function isHebrewSentence(text: string, from: number, to: number): boolean {
  const sentence = text.slice(from, to);
  const hebrew = sentence.match(/[\u05d0-\u05ea]/gu)?.length ?? 0;
  return hebrew > 0 && hebrew * 2 >= (sentence.match(/\p{L}/gu)?.length ?? 0);
}
