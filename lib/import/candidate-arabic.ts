/**
 * Names in Arabic news prose (issue #11). Arabic has no capital letters, so
 * the runs of `candidate-names.ts` find nothing; but Arabic news introduces
 * an official the way English does, after a title and its adjectives
 * ("المبعوثة الأميركية مورغان أورتاغوس", "السفير السابق سيمون كرم"). Only names
 * after such a title are read, two words (a third is as often the next noun), so a common word is
 * never proposed; the title becomes the proposed role.
 */
import { foldString } from '../text/fold-text';

/** Title nouns, as written (with and without the article, feminine forms). */
const TITLES = new Set(
  `المبعوث المبعوثة مبعوث مبعوثة السفير السفيرة سفير الرئيس رئيس الوزير الوزيرة وزير وزيرة النائب نائب الشيخ العميد اللواء العماد الجنرال المتحدث المتحدثة ممثل ممثلة الممثل الممثلة المستشار المستشارة مستشار مسؤول المسؤول الأمين الدبلوماسي المحامي`.split(
    /\s+/,
  ),
);

/** Words that end a name: prepositions, conjunctions, verbs of saying. */
const STOPS = new Set(
  `في من على إلى الى عن مع أن إن التي الذي الذين و أو ثم قال وقال قالت وقالت أكد وأكد أكدت اعتبر أعلن خلال بعد قبل حول لدى عند هذا هذه ذلك كما إلى أمس اليوم غدا أيضا`.split(
    /\s+/,
  ),
);

/**
 * The title a word is, under the proclitics Arabic attaches to it: "and"
 * (و ف), then "with/to/as" (ب ل ك), whose ل before the article drops its
 * alef ("للسفير" is ل + السفير): "بالسفيرة" → "السفيرة", "وللمبعوث" → "المبعوث".
 */
export function arabicTitleOf(word: string): string | undefined {
  if (TITLES.has(word)) return word;
  const withoutAnd = /^[وف]/u.test(word) ? word.slice(1) : word;
  if (withoutAnd !== word && TITLES.has(withoutAnd)) return withoutAnd;
  if (/^لل/u.test(withoutAnd) && TITLES.has(`ا${withoutAnd.slice(1)}`)) return `ا${withoutAnd.slice(1)}`;
  if (/^[بلك]ال/u.test(withoutAnd) && TITLES.has(withoutAnd.slice(1))) return withoutAnd.slice(1);
  return undefined;
}

/** A word with the article, behind proclitics maybe ("الوفد", "بالوفد", "وللجيش"): never part of a name. */
const ARTICLED = /^(?:[وف]?[بكل]?ال|[وف]?لل)/u;

const ARABIC_WORD = /[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+/gu;

export interface ArabicName {
  start: number;
  end: number;
  role: string;
}

/**
 * Names introduced by a title in the sentence `[from, to)`. `known` says
 * whether a range is a known entity's mention: a known name is skipped.
 *
 * @example arabicNamesInSentence('التقى المبعوثة الأميركية مورغان أورتاغوس في بيروت', 0, 49, () => false) // [{ …'مورغان أورتاغوس', role: 'المبعوثة الأميركية' }]
 */
export function arabicNamesInSentence(
  text: string,
  from: number,
  to: number,
  known: (start: number, end: number) => boolean,
): ArabicName[] {
  const words = [...text.slice(from, to).matchAll(ARABIC_WORD)].map((match) => ({
    start: from + (match.index ?? 0),
    end: from + (match.index ?? 0) + match[0].length,
    text: match[0],
  }));
  const names: ArabicName[] = [];
  for (let position = 0; position < words.length; position++) {
    const title = words[position];
    const titleText = title && arabicTitleOf(title.text);
    if (!title || !titleText) continue;
    let next = position + 1;
    // Adjectives of the title carry the article: "الأميركية", "السابق", "اللبناني"; "رئيس الحكومة" too.
    while (next < words.length && words[next]?.text.startsWith('ال') && next - position <= 4) next++;
    const nameWords = [];
    for (let word = next; word < words.length && nameWords.length < 3; word++) {
      const candidate = words[word];
      if (!candidate || STOPS.has(candidate.text) || arabicTitleOf(candidate.text) || ARTICLED.test(candidate.text))
        break;
      // Only spaces between the words of one name.
      const previous = nameWords[nameWords.length - 1] ?? words[word - 1];
      if (previous && !/^\s+$/u.test(text.slice(previous.end, candidate.start))) break;
      // A third word only when the name ends there, at a comma or a full stop ("جان إيف لودريان،"): otherwise it is
      // as often the next noun.
      if (nameWords.length === 2 && !/^[،,.؛:]/u.test(text.slice(candidate.end, candidate.end + 1))) break;
      nameWords.push(candidate);
    }
    if (nameWords.length < 2) continue;
    const first = nameWords[0];
    const last = nameWords[nameWords.length - 1];
    if (!first || !last || known(first.start, last.end)) continue;
    if (nameWords.some((word) => known(word.start, word.end))) continue;
    // The role is the title without its proclitics (with the alef "للسفير" drops: "السفير"), then its adjectives.
    const role = titleText + text.slice(title.end, (words[next - 1] ?? title).end);
    names.push({ start: first.start, end: last.end, role });
    position = next + nameWords.length - 1;
  }
  return names;
}

/** Whether a sentence is (mostly) Arabic: worth reading with {@link arabicNamesInSentence}. */
export function isArabicSentence(text: string, from: number, to: number): boolean {
  const sentence = text.slice(from, to);
  const arabic = sentence.match(/[\u0600-\u06ff]/gu)?.length ?? 0;
  return arabic > 0 && arabic * 2 >= (sentence.match(/\p{L}/gu)?.length ?? 0);
}

/** Folded key of an Arabic name (the matcher's folding: hamza and alef forms aside). */
export const arabicKey = (name: string): string => foldString(name);
