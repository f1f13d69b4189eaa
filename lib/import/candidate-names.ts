/**
 * Names in one sentence of news prose (issue #11): runs of capitalised words,
 * split where news prose joins names that are not one ("Washington, Simon
 * Karam"; "Lebanon Morgan Ortagus"; "Israel’s National Security Council")
 * and cleaned of what a name is written with but is not part of it: titles
 * and honorifics ("U.S. Deputy Special Envoy", "Mme"), possessive heads
 * ("Netanyahu’s office" → "Netanyahu"), a sentence's opening word.
 *
 * Our own tokenizer rather than compromise's proper-noun runs: compromise
 * joins capitalised words across commas and known names, which is how the
 * officials of the December 2025 talks were lost (measured in issue #11).
 */
import nlp from 'compromise';
import { foldString } from '../text/fold-text';
import {
  DEMONYMS,
  EVENT_HEADS,
  HONORIFICS,
  NAME_PARTICLES,
  NOT_NAMES,
  ORGANISATION_HEADS,
  TITLE_WORDS,
} from './candidate-words';

/** One word of a sentence, with its offsets in the article. */
export interface NameToken {
  start: number;
  end: number;
  text: string;
  /** Folded, without a trailing dot. */
  folded: string;
  capitalised: boolean;
  /** Written with a possessive ’s (not part of `text`): ends any name it is in. */
  possessive: boolean;
}

/** A name found in a sentence. */
export interface NameSpan {
  start: number;
  end: number;
  tokens: NameToken[];
  /** Titles and honorifics stripped from its front ("Prime Minister", "Mme"). */
  title: NameToken[];
  /** Honorific or title of a person was stripped. */
  personTitle: boolean;
  /** One word opening its sentence: weak evidence of a name (it may be any capitalised word). */
  sentenceInitial: boolean;
  /** Ends with an organisation's head word ("Bank", "Council"). */
  organisationHead: boolean;
}

const ABBREVIATIONS = new Set([
  'lt',
  'gen',
  'col',
  'maj',
  'brig',
  'adm',
  'capt',
  'sgt',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'sen',
  'rep',
  'jr',
  'sr',
  'm',
  'cmdr',
  'gov',
  'prof',
]);

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const ELISION = /^(?:l|d|qu|j|n|s|c)['’](?=\p{L})/iu;
const POSSESSIVE = /['’]s$/u;
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|an|at|az)-\p{Lu}/u;

/**
 * The words of `text[from, to)`, with elisions ("l’émissaire") and
 * possessives split off and abbreviations keeping their dot.
 */
export function tokenize(text: string, from: number, to: number): NameToken[] {
  const tokens: NameToken[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) {
    let start = from + (match.index ?? 0);
    let word = match[0];
    const elision = ELISION.exec(word);
    if (elision && word.length > elision[0].length + 1) {
      start += elision[0].length;
      word = word.slice(elision[0].length);
    }
    let possessive = false;
    if (POSSESSIVE.test(word) && word.length > 2) {
      possessive = true;
      word = word.slice(0, -2);
    }
    let end = start + word.length;
    const folded = foldString(word).replace(/\.$/, '');
    if (
      !possessive &&
      text[end] === '.' &&
      ABBREVIATIONS.has(folded) &&
      /^\s+\p{Lu}/u.test(text.slice(end + 1, end + 3))
    ) {
      end++;
      word += '.';
    }
    tokens.push({
      start,
      end,
      text: word,
      folded,
      capitalised: /^\p{Lu}/u.test(word) || ARABIC_ARTICLE.test(word),
      possessive,
    });
  }
  return tokens;
}

/** Only spaces between two words: no comma, colon, quote, bracket or dash. */
function joined(text: string, left: NameToken, right: NameToken): boolean {
  // An elided "de" joins too: "Quai d’Orsay", "Jeanne d’Arc".
  return /^[ \t\u00a0]+(?:d['’])?$/.test(text.slice(left.end, right.start)) && !left.possessive;
}

/**
 * The names in one sentence `[from, to)` of `text`. `known` tells whether an
 * offset range is a mention of a known entity: known words end a name and
 * are never part of one, so the unknown name beside them is kept.
 */
export function namesInSentence(
  text: string,
  from: number,
  to: number,
  known: (start: number, end: number) => boolean,
): NameSpan[] {
  const tokens = tokenize(text, from, to);
  const names: NameSpan[] = [];
  let run: NameToken[] = [];
  let runStartsSentence = false;
  const flush = () => {
    const name = cleanRun(run, runStartsSentence);
    if (name) names.push(name);
    run = [];
  };
  tokens.forEach((token, position) => {
    const isKnown = known(token.start, token.end);
    const previous = run[run.length - 1];
    if (previous && !joined(text, previous, token)) flush();
    if (isKnown) {
      flush();
      return;
    }
    if (token.capitalised) {
      if (run.length === 0) runStartsSentence = position === 0 || /^["“‘«(\s]*$/u.test(text.slice(from, token.start));
      run.push(token);
    } else if (run.length > 0 && joinsName(token, run, tokens[position + 1], text)) {
      run.push(token);
    } else flush();
    if (token.possessive) flush();
  });
  flush();
  return names;
}

/** A lower-case word inside a name: a particle ("of", "el"), or "and" inside an organisation's name. */
function joinsName(token: NameToken, run: readonly NameToken[], next: NameToken | undefined, text: string): boolean {
  if (!next?.capitalised || !joined(text, token, next)) return false;
  if (NAME_PARTICLES.has(token.folded)) return true;
  return (token.folded === 'and' || token.folded === 'et') && run.some((word) => ORGANISATION_HEADS.has(word.folded));
}

const wordTags = new Map<string, boolean>();

/**
 * A capitalised word that is not a name by itself, by compromise's lexicon:
 * a demonym ("Tunisian", "Sudanese"), a plural common noun ("Muslims") or a
 * noun for a kind of person ("Islamist"). Cached per word: compromise is
 * slow on text, quick on one word.
 */
export function isDemonymOrCommon(word: string): boolean {
  let common = wordTags.get(word);
  if (common === undefined) {
    const tags = new Set((nlp(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? []);
    common = tags.has('Demonym') || tags.has('Actor') || (tags.has('Plural') && !tags.has('ProperNoun'));
    wordTags.set(word, common);
  }
  return common;
}

const isDemonym = (token: NameToken) => DEMONYMS.has(token.folded) || isDemonymOrCommon(token.text);

function cleanRun(run: NameToken[], startsSentence: boolean): NameSpan | undefined {
  let tokens = [...run];
  // Trailing particles ("Council of") are not part of the name.
  while (tokens.length && !tokens[tokens.length - 1]?.capitalised) tokens.pop();
  if (!tokens.length) return undefined;
  // A sentence's (or a headline's) first word is capitalised whatever it is: drop it when it is a common word.
  if (
    (startsSentence || tokens.length > 1) &&
    NOT_NAMES.has(tokens[0]?.folded ?? '') &&
    !TITLE_WORDS.has(tokens[0]?.folded ?? '') &&
    !HONORIFICS.has(tokens[0]?.folded ?? '')
  ) {
    tokens = tokens.slice(1);
    startsSentence = false;
  }
  const last = tokens[tokens.length - 1];
  const organisationHead = !!last && (ORGANISATION_HEADS.has(last.folded) || EVENT_HEADS.has(last.folded));
  const title: NameToken[] = [];
  let personTitle = false;
  // Titles and demonyms come off the front of a person's name, never off an organisation's ("National Security Council").
  while (tokens.length > 1) {
    const first = tokens[0] as NameToken;
    const honorific = HONORIFICS.has(first.folded);
    const strippable =
      honorific ||
      (!organisationHead && (TITLE_WORDS.has(first.folded) || isDemonym(first) || NAME_PARTICLES.has(first.folded)));
    if (!strippable) break;
    if (honorific || TITLE_WORDS.has(first.folded)) personTitle = true;
    title.push(first);
    tokens = tokens.slice(1);
  }
  while (tokens.length && !tokens[0]?.capitalised) tokens.shift();
  if (!tokens.length) return undefined;
  if (
    tokens.every(
      (token) =>
        NOT_NAMES.has(token.folded) ||
        // After "Mr." or "President", a word compromise calls plural ("Reeves") is a surname.
        (isDemonym(token) && !personTitle) ||
        TITLE_WORDS.has(token.folded) ||
        HONORIFICS.has(token.folded),
    )
  )
    return undefined;
  const first = tokens[0] as NameToken;
  const end = tokens[tokens.length - 1] as NameToken;
  if (!/\p{L}{2}/u.test(tokens.map((token) => token.text).join(''))) return undefined;
  return {
    start: first.start,
    end: end.end,
    tokens,
    title,
    personTitle,
    sentenceInitial: startsSentence && tokens.length === 1 && title.length === 0 && first === run[0],
    organisationHead,
  };
}
