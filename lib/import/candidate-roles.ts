/**
 * What news prose says a name is (issue #11): the role written next to it,
 * as an appositive ("Uri Resnick, deputy head of foreign policy at…, said"),
 * a leading appositive ("Israel’s representative, Uri Resnick, …") or a
 * title ("US envoy Morgan Ortagus", "l’émissaire américaine Morgan
 * Ortagus"), and a guess of the entity's kind with the reason for it, so the
 * reader can accept a candidate in one click and see why it was proposed.
 */
import nlp from 'compromise';
import type { EntityKind } from '../model/knowledge-base';
import { type NameSpan, type NameToken, tokenize } from './candidate-names';
import {
  CLAUSE_OPENERS,
  DEMONYMS,
  EVENT_HEADS,
  HONORIFICS,
  NAME_PARTICLES,
  ORGANISATION_HEADS,
  PERSON_ROLE_HEADS,
  REPORTING_VERBS,
  ROLE_DETERMINERS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  ROLE_STOPS,
  TITLE_WORDS,
} from './candidate-words';

/** Where a proposed role was read. */
export type RoleSource = 'appositive' | 'leading appositive' | 'title';

export interface ProposedRole {
  text: string;
  source: RoleSource;
}

const MAX_APPOSITIVE_WORDS = 16;
const MAX_TITLE_WORDS = 7;
const MAX_ROLE_CHARS = 160;

const hasHead = (tokens: readonly NameToken[]) => tokens.some((token) => ROLE_HEADS.has(token.folded));

/**
 * The role the sentence `[from, to)` gives `name`, best first: an appositive
 * after it, one before it, then a title. Undefined when it gives none.
 *
 * @example roleFor('US envoy Morgan Ortagus said…', …) // { text: 'US envoy', source: 'title' }
 */
export function roleFor(text: string, from: number, to: number, name: NameSpan): ProposedRole | undefined {
  const last = name.tokens[name.tokens.length - 1];
  if (!last?.possessive) {
    const after = appositiveAfter(text, name.end, to);
    if (after) return { text: after, source: 'appositive' };
  }
  // "Its American chairman, Lt. Gen. Michael Leeney": the leading appositive sits before the name's stripped title.
  const before = appositiveBefore(text, from, name.title[0]?.start ?? name.start);
  if (before) return { text: before, source: 'leading appositive' };
  const title = titleBefore(text, from, name.start);
  if (title) return { text: title, source: 'title' };
  return undefined;
}

/** ", deputy head of foreign policy at Israel’s National Security Council," after a name. */
function appositiveAfter(text: string, nameEnd: number, to: number): string | undefined {
  const comma = /^\s*,\s*/.exec(text.slice(nameEnd, to));
  if (!comma) return undefined;
  const start = nameEnd + comma[0].length;
  const stop = /[,;:()—–.!?"“”]|\s-\s/u.exec(text.slice(start, to));
  const end = stop ? start + (stop.index ?? 0) : to;
  // A sentence-final abbreviation ("U.S.") would cut a role short: roles rarely hold one, so accept the cut.
  const tokens = tokenize(text, start, end);
  const first = tokens[0];
  if (!first || tokens.length > MAX_APPOSITIVE_WORDS || CLAUSE_OPENERS.has(first.folded)) return undefined;
  // French "a" + past participle is a verb ("Youssef Raggi, a reçu…"), English "a" + noun an appositive ("a lawyer").
  if (first.folded === 'a' && /(?:[éèiu]|it|is)$/u.test(tokens[1]?.text ?? '')) return undefined;
  // A capitalised opener is another name ("Simon Karam, Uri Resnick"), unless it is a title or a possessive ("France’s envoy").
  if (first.capitalised && !first.possessive && !TITLE_WORDS.has(first.folded) && !ROLE_MODIFIERS.has(first.folded)) {
    return undefined;
  }
  if (!hasHead(tokens.slice(0, 6)) || tokens.some((token) => REPORTING_VERBS.has(token.folded))) return undefined;
  return roleText(text, trimDeterminers(tokens), end);
}

/** "Israel’s representative, " right before a name. */
function appositiveBefore(text: string, from: number, nameStart: number): string | undefined {
  const comma = /,\s*$/.exec(text.slice(from, nameStart));
  if (!comma) return undefined;
  const end = from + (comma.index ?? 0);
  const tokens = tokenize(text, from, end);
  const phrase: NameToken[] = [];
  for (let position = tokens.length - 1; position >= 0 && phrase.length < MAX_TITLE_WORDS; position--) {
    const token = tokens[position] as NameToken;
    const next = phrase[0];
    if (next && !/^[ \t\u00a0]+(?:d['’])?$/.test(text.slice(token.end, next.start)) && !token.possessive) break;
    if (ROLE_STOPS.has(token.folded) && !ROLE_DETERMINERS.has(token.folded)) break;
    phrase.unshift(token);
  }
  const trimmed = trimDeterminers(phrase);
  const head = trimmed[trimmed.length - 1];
  // French puts the head first: "Le ministre libanais des Affaires étrangères, Youssef Raggi"; read so only when the
  // phrase opens the sentence with its article, where nothing else can be in front of it.
  const frenchHead =
    trimmed[0] !== undefined &&
    ROLE_HEADS.has(trimmed[0].folded) &&
    phrase[0] !== trimmed[0] &&
    /^\s*$/u.test(text.slice(from, phrase[0]?.start ?? from));
  if (!head || (!ROLE_HEADS.has(head.folded) && !frenchHead)) return undefined;
  return roleText(text, trimmed, end);
}

/** "US envoy", "Lebanese Foreign Minister", "secrétaire général" right before a name (no comma between). */
function titleBefore(text: string, from: number, nameStart: number): string | undefined {
  const tokens = tokenize(text, from, nameStart);
  // "la porte-parole du Quai d’Orsay": a name after "of" is what the title is of, not who holds it.
  const closest = tokens[tokens.length - 1];
  if (
    closest &&
    NAME_PARTICLES.has(closest.folded) &&
    !closest.capitalised &&
    /^\s+$/u.test(text.slice(closest.end, nameStart))
  )
    return undefined;
  const phrase: NameToken[] = [];
  let next = nameStart;
  for (let position = tokens.length - 1; position >= 0 && phrase.length < MAX_TITLE_WORDS; position--) {
    const token = tokens[position] as NameToken;
    const gap = text.slice(token.end, next);
    // "secrétaire d’État": an elided "de" inside a title.
    if (!/^(?:['’]s)?[ \t\u00a0]+(?:d['’])?$/.test(gap)) break;
    const roleWord =
      TITLE_WORDS.has(token.folded) ||
      ROLE_HEADS.has(token.folded) ||
      ROLE_MODIFIERS.has(token.folded) ||
      DEMONYMS.has(token.folded) ||
      HONORIFICS.has(token.folded);
    const inside = NAME_PARTICLES.has(token.folded) || ROLE_DETERMINERS.has(token.folded);
    if (!roleWord && !inside && !token.capitalised) break;
    if (ROLE_STOPS.has(token.folded) && !inside) break;
    phrase.unshift(token);
    next = token.start;
  }
  // Leading particles and determiners are not part of the title ("de son secrétaire général" → "secrétaire général").
  const trimmed = trimDeterminers(phrase.filter((token) => !HONORIFICS.has(token.folded)));
  if (!hasHead(trimmed)) return undefined;
  const lastWord = trimmed[trimmed.length - 1] as NameToken;
  return roleText(text, trimmed, lastWord.end + (lastWord.possessive ? 2 : 0));
}

function trimDeterminers(tokens: readonly NameToken[]): NameToken[] {
  let start = 0;
  while (
    start < tokens.length &&
    (ROLE_DETERMINERS.has(tokens[start]?.folded ?? '') ||
      (NAME_PARTICLES.has(tokens[start]?.folded ?? '') && !tokens[start]?.capitalised))
  )
    start++;
  return tokens.slice(start);
}

function roleText(text: string, words: readonly NameToken[], end: number): string | undefined {
  // A role cut short ("leader of", "member of the") ends on its head, not on a particle.
  const tokens = [...words];
  while (
    tokens.length &&
    (NAME_PARTICLES.has(tokens[tokens.length - 1]?.folded ?? '') ||
      ROLE_DETERMINERS.has(tokens[tokens.length - 1]?.folded ?? '') ||
      ROLE_STOPS.has(tokens[tokens.length - 1]?.folded ?? ''))
  ) {
    tokens.pop();
    end = Math.min(end, tokens[tokens.length - 1]?.end ?? end);
  }
  const first = tokens[0];
  if (!first) return undefined;
  const last = tokens[tokens.length - 1] as NameToken;
  const stop = Math.min(end, last.end + (last.possessive ? 2 : 0));
  const role = text.slice(first.start, stop).replace(/\s+/g, ' ').trim();
  return role && role.length <= MAX_ROLE_CHARS ? role : undefined;
}

/** A kind and the reason it was chosen, for the reader to check. */
export interface KindGuess {
  kind: EntityKind;
  reason: string;
}

const compromiseKinds = new Map<string, KindGuess | undefined>();

/**
 * Guesses a candidate's kind: a person's role or title, an organisation's or
 * event's head word, compromise's tags, then the shape of the name.
 *
 * @example guessKind('World Bank', { organisationHead: true }) // { kind: 'organisation', reason: 'ends with “Bank”' }
 */
export function guessKind(
  name: string,
  evidence: { role?: string; personTitle?: boolean; surnameSeen?: boolean },
): KindGuess {
  const words = name.split(/\s+/);
  // "Department of Conservation": the head comes before "of" or "for".
  const ofAt = words.findIndex((word, position) => position > 0 && /^(?:of|for|de|du|des)$/i.test(word));
  const last = (ofAt > 0 ? words[ofAt - 1] : words[words.length - 1]) ?? '';
  const lastFolded = last.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (EVENT_HEADS.has(lastFolded)) return { kind: 'event', reason: `ends with “${last}”` };
  if (ORGANISATION_HEADS.has(lastFolded)) return { kind: 'organisation', reason: `ends with “${last}”` };
  if (evidence.role) {
    const head = tokenize(evidence.role, 0, evidence.role.length).find((token) => PERSON_ROLE_HEADS.has(token.folded));
    if (head) return { kind: 'person', reason: `described as “${evidence.role}”` };
  }
  if (evidence.personTitle) return { kind: 'person', reason: 'written with a title' };
  const tagged = compromiseKind(name);
  if (tagged) return tagged;
  if (evidence.surnameSeen) return { kind: 'person', reason: 'also written as a surname alone' };
  if (words.length >= 2 && words.length <= 4)
    return { kind: 'person', reason: 'two to four capitalised words, like a given name and surname' };
  return { kind: 'organisation', reason: 'a name that is not a person’s' };
}

function compromiseKind(name: string): KindGuess | undefined {
  if (compromiseKinds.has(name)) return compromiseKinds.get(name);
  const doc = nlp(name);
  const guess: KindGuess | undefined = doc.has('#Person')
    ? { kind: 'person', reason: 'compromise tags it as a person' }
    : doc.has('#Place')
      ? { kind: 'place', reason: 'compromise tags it as a place' }
      : doc.has('#Organization')
        ? { kind: 'organisation', reason: 'compromise tags it as an organisation' }
        : undefined;
  compromiseKinds.set(name, guess);
  return guess;
}
