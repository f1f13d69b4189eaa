/**
 * The context rules of surname-only aliases ("Aoun" for Joseph Aoun): the
 * words around a candidate that confirm it or say it is someone else.
 *
 * - A role cue right before it confirms it: "President Aoun", "Lebanese
 *   President Joseph Aoun" (following title and first-name words back), "Gen.
 *   Rodolphe Haykal", in Arabic with or without a proclitic on the cue.
 * - A capitalised word right before that is not this entity's name, a
 *   title or a sentence opener means another person ("Michel Aoun").
 * - A capitalised word right after, or a hyphen joining it to a word, makes
 *   it part of a longer name ("Barrack Street", "Aoun-Smith", "al-Salam").
 * - In an ALL-CAPS headline every neighbour is capitalised, so neighbours
 *   prove nothing there.
 *
 * The scanner (`match-entities.ts`) reads this while it has the chunk's text;
 * what it finds travels as `Candidate.local` and `CANDIDATE_*` bits to the
 * document-level resolution (`resolve-candidates.ts`).
 */

import * as foldText from '../text/fold-text';
import { endsSentenceAt } from '../text/sentence-ends';
import { ARABIC_PREFIXES, HEBREW_PREFIXES } from './attached-prefixes';
import { ALIAS_AMBIGUOUS, foldedWords, type MatcherSpecEntity } from './matcher-spec';
import { CANDIDATE_OTHER_PERSON, CANDIDATE_PART_OF_NAME } from './resolve-candidates';
import { flagsAt, wordRunEnd, wordRunStart } from './word-runs';

const {
  CHAR_IGNORE: IGNORE,
  CHAR_LOWER: LOWER,
  CHAR_NEWLINE: NEWLINE,
  CHAR_SPACE: SPACE,
  CHAR_UPPER: UPPER,
  CHAR_WORD: WORD,
  isWordAt: wordAt,
  charFlags,
  foldCode,
  foldString,
  isArabicLetter,
  isHebrewLetter,
  isWordStart,
} = foldText;

// Capitalised words that say nothing about a neighbouring surname: sentence
// openers, function words in headlines, days and months ("Aoun Monday").
const NOT_A_NAME = new Set(
  `a an the and but or nor so yet for of in on at to by from with as into onto upon over under after before since
  during while when where whereas if then than that this these those there here what which who whom whose why how
  said says told tells asked asks also not no yes both either neither all some any each every many most more such
  only even just still however meanwhile moreover although though because unless until against between among about
  via per without within like unlike according amid despite following
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december`.split(/\s+/),
);

// A lower-case word before a hyphen that does not make the surname part of another name: "pro-Aoun".
const HYPHEN_PREFIXES = new Set(['pro', 'anti', 'ex', 'non', 'post', 'pre', 'neo', 'mid']);

const OPENERS = new Set([0x22, 0x27, 0x28, 0x5b, 0x201c, 0x2018, 0xab, 0x2014, 0x2013, 0x2d]);

/** Position before the spaces (not line breaks) that end at `end`. */
function skipSpacesBack(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const flags = flagsAt(text, i - 1);
    if (!(flags & (SPACE | IGNORE)) || flags & NEWLINE || flags & WORD) break;
    i--;
  }
  return i;
}

function skipSpacesForward(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const flags = flagsAt(text, i);
    if (!(flags & (SPACE | IGNORE)) || flags & NEWLINE || flags & WORD) break;
    i++;
  }
  return i;
}

/**
 * Start of `folded` (a folded phrase) if it ends at `end` in `text`,
 * comparing folded units and any run of spaces as one; -1 if it does not.
 */
function phraseEndingAt(text: string, end: number, folded: string): number {
  let i = end;
  for (let k = folded.length - 1; k >= 0; k--) {
    while (i > 0 && (flagsAt(text, i - 1) & (IGNORE | SPACE)) === IGNORE) i--;
    if (i === 0) return -1;
    const expected = folded.charCodeAt(k);
    if (expected === 0x20) {
      if (!(flagsAt(text, i - 1) & SPACE)) return -1;
      while (i > 0 && flagsAt(text, i - 1) & (SPACE | IGNORE) && !(flagsAt(text, i - 1) & WORD)) i--;
      continue;
    }
    if (foldCode(text.charCodeAt(i - 1)) !== expected) return -1;
    i--;
  }
  return i;
}

function isSentenceInitial(text: string, start: number): boolean {
  let i = start;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    const flags = charFlags(c);
    if (flags & NEWLINE) return true;
    if (!(flags & SPACE) && !OPENERS.has(c)) break;
    i--;
  }
  return i === 0 || endsSentenceAt(text, i - 1);
}

/** Whether `phrase`, found at `at` in `text`, starts a word there (an Arabic or Hebrew one may carry a proclitic). */
function startsWord(text: string, at: number, phrase: string): boolean {
  if (isWordStart(text, at) || !wordAt(phrase, 0)) return true;
  const first = phrase.charCodeAt(0);
  const prefixes = isArabicLetter(first) ? ARABIC_PREFIXES : isHebrewLetter(first) ? HEBREW_PREFIXES : null;
  return !!prefixes?.has(foldString(text.slice(wordRunStart(text, at), at)));
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * Reads the context of a surname-only candidate: pushes onto `local` the
 * entities a role cue confirms, and returns `CANDIDATE_*` bits.
 */
export type NameContextReader = (
  text: string,
  start: number,
  end: number,
  aliases: readonly number[],
  local: number[],
) => number;

/**
 * The name-context reader of one matcher, over the spec's entities and its aliases' entity and flags.
 *
 * @example const readNameContext = createNameContextReader(spec.entities, aliasFlags, aliasEntity);
 */
export function createNameContextReader(
  entities: readonly MatcherSpecEntity[],
  aliasFlags: Uint8Array,
  aliasEntity: Int32Array,
): NameContextReader {
  const nameWords = entities.map((entity) => (entity.nameWords?.length ? new Set(entity.nameWords) : NO_WORDS));
  const roleCues = entities.map((entity) => entity.roleCues ?? []);
  const roleCueWords: (ReadonlySet<string> | undefined)[] = new Array(roleCues.length);
  const roleCueWordsOf = (entity: number): ReadonlySet<string> => {
    let found = roleCueWords[entity];
    if (!found) {
      const cues = roleCues[entity] ?? [];
      found = cues.length ? new Set(cues.flatMap(foldedWords)) : NO_WORDS;
      roleCueWords[entity] = found;
    }
    return found;
  };

  /** Role cues before a surname-only alias, and the neighbours that say it is someone else's name. */
  function readNameContext(text: string, start: number, end: number, aliases: readonly number[], local: number[]) {
    const owners: number[] = [];
    for (const a of aliases) {
      if ((aliasFlags[a] as number) & ALIAS_AMBIGUOUS && !owners.includes(aliasEntity[a] as number)) {
        owners.push(aliasEntity[a] as number);
      }
    }
    // "President Aoun", "Lebanese President Joseph Aoun", "Gen. Rodolphe Haykal".
    let p = start;
    for (let hop = 0; hop < 4; hop++) {
      const q = skipSpacesBack(text, p);
      if (q === p || q === 0) break;
      for (const owner of owners) {
        for (const cue of roleCues[owner] as string[]) {
          const at = phraseEndingAt(text, q, cue);
          if (at >= 0 && startsWord(text, at, cue) && !local.includes(owner)) local.push(owner);
        }
      }
      if (local.length > 0) break;
      const wordStart = wordRunStart(text, q);
      if (wordStart === q || !(flagsAt(text, wordStart) & UPPER)) break;
      const word = foldString(text.slice(wordStart, q));
      if (!owners.some((owner) => nameWords[owner]?.has(word))) break;
      p = wordStart;
    }

    let flags = 0;
    let upper = 0;
    let lower = 0;
    for (let i = start; i < end; i++) {
      const f = flagsAt(text, i);
      if (f & UPPER) upper++;
      else if (f & LOWER) lower++;
    }
    // In ALL-CAPS headlines every neighbour is capitalised: it proves nothing.
    const headline = lower === 0 && upper >= 2;

    // "As-Salam", "al-Berri": attached by a hyphen to the word before.
    if (start >= 2 && foldCode(text.charCodeAt(start - 1)) === 0x2d && wordAt(text, start - 2)) {
      const word = foldString(text.slice(wordRunStart(text, start - 1), start - 1));
      if (!HYPHEN_PREFIXES.has(word)) flags |= CANDIDATE_PART_OF_NAME;
    }
    // "Aoun-Smith": a capitalised word attached after.
    if (end + 1 < text.length && foldCode(text.charCodeAt(end)) === 0x2d && flagsAt(text, end + 1) & UPPER) {
      flags |= CANDIDATE_PART_OF_NAME;
    }
    if (headline) return flags;

    // "Michel Aoun": a first name that is not this entity's.
    const before = skipSpacesBack(text, start);
    if (local.length === 0 && before < start && before > 0) {
      const wordStart = wordRunStart(text, before);
      if (wordStart < before && flagsAt(text, wordStart) & UPPER && !isSentenceInitial(text, wordStart)) {
        const word = foldString(text.slice(wordStart, before));
        const known = owners.some((owner) => nameWords[owner]?.has(word) || roleCueWordsOf(owner).has(word));
        if (!known && !NOT_A_NAME.has(word)) flags |= CANDIDATE_OTHER_PERSON;
      }
    }
    // "Barrack Street", "Barrack Obama": a capitalised word right after (no punctuation between).
    const after = skipSpacesForward(text, end);
    if (after > end && after < text.length && flagsAt(text, after) & UPPER) {
      const word = foldString(text.slice(after, wordRunEnd(text, after)));
      if (word.length > 0 && !NOT_A_NAME.has(word)) flags |= CANDIDATE_PART_OF_NAME;
    }
    return flags;
  }

  return readNameContext;
}
