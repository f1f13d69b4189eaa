/**
 * The entity matcher: finds the knowledge base's people, organisations,
 * places and events in a text, in one pass whatever the number of aliases.
 *
 * Three users with different budgets share it: the index build (Node, once),
 * the importer, and the content script, which runs on every news page and
 * scans the page's text in chunks. So the work is split:
 *
 * - `buildMatcherSpec` (build time) does everything slow once: folding the
 *   aliases, cues and name words, finding rival names. Its output is plain
 *   JSON, bundled into the index.
 *   It also compiles the tries (`lib/matching/alias-trie.ts`) and the folding of the
 *   common scripts into compact tables (base64, with checksums).
 * - `createEntityMatcher` (page load) decodes those tables and builds a small
 *   dense automaton in front of the trie; a larger one once the page's text
 *   is large. Case patterns are filled per alias when first needed.
 * - `scan` runs that automaton over every character, two table loads each,
 *   and walks the trie exactly only for words that may hold a match; it also
 *   reads the context those need (role cues, the sentence's event cues).
 *   `resolve` applies the rules that need the whole document (surname-only
 *   aliases).
 *
 * Offsets are UTF-16 units of the original text: folding maps one unit to at
 * most one, so no offset map is needed.
 */

import type { Alias, Entity, EntityKind } from '../model/knowledge-base';
import * as foldText from '../text/fold-text';
import { sentenceAround } from '../text/sentence-around';
import { endsSentenceAt } from '../text/sentence-ends';
import * as aliasTrie from './alias-trie';

// Read each imported binding once: bundlers and test runners may compile them
// to getters, far too slow for per-character loops.
const {
  CHAR_IGNORE: IGNORE,
  CHAR_LOWER: LOWER,
  CHAR_NEWLINE: NEWLINE,
  CHAR_SPACE: SPACE,
  CHAR_UPPER: UPPER,
  CHAR_WORD: WORD,
  FLAG_TABLE: FLAGS,
  computeCharFlags: computeFlags,
  isWordAt: wordAt,
  charFlags,
  foldCode,
  foldKeepCase,
  foldString,
  isArabicLetter,
  isHebrewLetter,
  isWordStart,
  exportFoldTables,
  importFoldTables,
} = foldText;
const {
  compileAliasTrie,
  loadAliasTrie,
  FILTER_BUDGET_BYTES,
  CLASS_IGNORE_NONWORD,
  CLASS_IGNORE_WORD,
  CLASS_SPACE,
  CLASS_SURROGATE,
  CLASS_FIRST_SYMBOL,
  UNIT_CLASS_TABLE_SIZE,
} = aliasTrie;

/** Bump when the shape or meaning of {@link MatcherSpec} changes. */
export const MATCHER_SPEC_VERSION = 2;

/** {@link MatcherSpecAlias.flags} bit: surname-only or shared form (`Alias.ambiguous`). */
export const ALIAS_AMBIGUOUS = 1;
/** {@link MatcherSpecAlias.flags} bit: matches only in its exact case (`Alias.caseSensitive`). */
export const ALIAS_CASE_SENSITIVE = 2;
/** {@link MatcherSpecAlias.flags} bit: a generic word that needs one of its event's cues in the sentence (`Alias.needsCue`). */
export const ALIAS_NEEDS_CUE = 4;

/** {@link Candidate.flags} bit: a capitalised word that is not a title directly precedes a surname-only alias, so another person of that name is in the text. */
export const CANDIDATE_OTHER_PERSON = 1;
/** {@link Candidate.flags} bit: the surname-only alias is part of a longer name here ("Barrack Street", "Aoun-Smith", "al-Salam"). */
export const CANDIDATE_PART_OF_NAME = 2;

/** One mention: `[start, end)` in UTF-16 units of the scanned text; `alias` is the knowledge-base alias text that matched. */
export interface EntityMatch {
  start: number;
  end: number;
  entityId: string;
  alias: string;
}

/** An alias in the precompiled spec. */
export interface MatcherSpecAlias {
  /** The alias as written in the knowledge base (case rules compare against it). */
  text: string;
  /** Folded form (`foldString`): what the trie stores. */
  key: string;
  /** Index into {@link MatcherSpec.entities}. */
  entity: number;
  /** `ALIAS_*` bits. */
  flags: number;
  /** Ambiguous aliases only: other entities of the same kind whose full name ends in this alias ("Michel Aoun" for "Aoun"). */
  rivals?: number[];
}

/** An entity in the precompiled spec: only what matching needs, folded. */
export interface MatcherSpecEntity {
  id: string;
  kind: EntityKind;
  /** Words of the entity's name and unambiguous aliases, for entities with surname-only aliases. */
  nameWords?: string[];
  /** Folded role cues ("president", "prime minister", "gen."). */
  roleCues?: string[];
  /** Folded event cues ("2024", "november", "naqoura"), distinct. */
  cues?: string[];
}

/**
 * JSON-serialisable precompiled form, written into the bundled index by the
 * build and loaded by the content script. Deterministic for a given input.
 */
export interface MatcherSpec {
  version: number;
  entities: MatcherSpecEntity[];
  aliases: MatcherSpecAlias[];
  /** Everything else the matcher needs, precompiled, so a page only decodes it. */
  tables: MatcherSpecTables;
}

/** The precompiled tables of a {@link MatcherSpec} (typed arrays as base64, with checksums). */
export interface MatcherSpecTables {
  /** The trie of the aliases' distinct keys, in key order. */
  aliases: aliasTrie.AliasTrieData;
  /** The trie of the event cues (sorted, distinct), or null if no entity has cues. */
  cues: aliasTrie.AliasTrieData | null;
  /** Folding of the common scripts, so a page runs no Unicode regex for them. */
  fold: foldText.FoldTableData;
}

/**
 * A raw match of one chunk, before document-level resolution. Plain data
 * (numbers only), so it can cross a message boundary.
 */
export interface Candidate {
  start: number;
  end: number;
  /** Indices into the spec's aliases that fit this span under the case rules; all share one folded key. */
  aliases: readonly number[];
  /**
   * Entity indices confirmed by this chunk's context: a role cue right before
   * a surname-only alias, or the event whose cues win the sentence for a
   * generic word.
   */
  local: readonly number[];
  /** `CANDIDATE_*` bits. */
  flags: number;
}

/** A matcher built from one spec. Stateless between calls. */
export interface EntityMatcher {
  /**
   * All mentions in one text, context rules applied to this text; sorted by start, never overlapping.
   *
   * @example matcher.match('Hezbollah’s decision') // [{ start: 0, end: 9, entityId: 'hezbollah', alias: 'Hezbollah' }]
   */
  match(text: string): EntityMatch[];
  /**
   * Raw candidates of one chunk of a larger document: leftmost-longest spans
   * that pass the case rules, with their local context already read (role
   * cues, sentence cues, neighbouring capitalised words). A chunk should be a
   * block of text, not a fragment of a sentence, or that context is lost.
   */
  scan(text: string): Candidate[];
  /**
   * Document-level resolution over the candidates of every chunk of one
   * document (a web page is scanned in chunks): a surname-only alias links
   * when its entity's full name is somewhere in the document or a role cue
   * precedes it, and not when another person of that name is in the document.
   * Returns one array of matches per chunk, in the same order.
   *
   * @example const [first, second] = matcher.resolve([matcher.scan(a), matcher.scan(b)]);
   */
  resolve(chunks: readonly (readonly Candidate[])[]): EntityMatch[][];
}

// ---------------------------------------------------------------------------
// Build time

const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;

function words(folded: string): string[] {
  return folded.split(WORD_SPLIT).filter((word) => word.length > 0);
}

/** Code-unit order, the order the trie is built in (not locale order). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}

/**
 * Precompiles entities for {@link createEntityMatcher}. Slow parts (Unicode
 * folding, rival names) happen here, once, at build time.
 *
 * @example const spec = buildMatcherSpec(knowledgeBase.entities);
 */
export function buildMatcherSpec(entities: readonly Entity[]): MatcherSpec {
  const aliases: MatcherSpecAlias[] = [];
  const byEntity: MatcherSpecAlias[][] = entities.map(() => []);
  entities.forEach((entity, index) => {
    const seen = new Set<string>();
    for (const alias of entity.aliases) {
      const key = foldString(alias.text);
      const flags =
        (alias.ambiguous ? ALIAS_AMBIGUOUS : 0) |
        (alias.caseSensitive ? ALIAS_CASE_SENSITIVE : 0) |
        (alias.needsCue ? ALIAS_NEEDS_CUE : 0);
      const dedupe = `${flags}\u0000${alias.text}`;
      if (key.length === 0 || seen.has(dedupe)) continue;
      seen.add(dedupe);
      const specAlias: MatcherSpecAlias = { text: alias.text, key, entity: index, flags };
      aliases.push(specAlias);
      byEntity[index]?.push(specAlias);
    }
  });

  // Rivals: full names of other entities of the same kind that end in the surname.
  const byLastWord = new Map<string, MatcherSpecAlias[]>();
  for (const alias of aliases) {
    if (alias.flags & (ALIAS_AMBIGUOUS | ALIAS_NEEDS_CUE) || !alias.key.includes(' ')) continue;
    const last = alias.key.slice(alias.key.lastIndexOf(' ') + 1);
    const list = byLastWord.get(last);
    if (list) list.push(alias);
    else byLastWord.set(last, [alias]);
  }
  for (const alias of aliases) {
    if (!(alias.flags & ALIAS_AMBIGUOUS)) continue;
    const kind = entities[alias.entity]?.kind;
    const suffix = ` ${alias.key}`;
    const rivals = new Set<number>();
    for (const other of byLastWord.get(alias.key.slice(alias.key.lastIndexOf(' ') + 1)) ?? []) {
      if (other.entity !== alias.entity && entities[other.entity]?.kind === kind && other.key.endsWith(suffix)) {
        rivals.add(other.entity);
      }
    }
    if (rivals.size > 0) alias.rivals = [...rivals].sort((a, b) => a - b);
  }

  const specEntities = entities.map((entity, index): MatcherSpecEntity => {
    const own = byEntity[index] ?? [];
    const out: MatcherSpecEntity = { id: entity.id, kind: entity.kind };
    if (own.some((alias) => alias.flags & ALIAS_AMBIGUOUS)) {
      const plainKeys = own.filter((alias) => !(alias.flags & ALIAS_AMBIGUOUS)).map((alias) => alias.key);
      out.nameWords = distinct([foldString(entity.name), ...plainKeys].flatMap(words));
      out.roleCues = distinct((entity.roleCues ?? []).map(foldString));
    }
    if (own.some((alias) => alias.flags & ALIAS_NEEDS_CUE)) {
      out.cues = distinct((entity.cues ?? []).map(foldString));
    }
    return out;
  });

  // In key order (stable), so the matcher can build its trie without sorting.
  aliases.sort((x, y) => compareKeys(x.key, y.key));

  const { keys, keyAliases, keyStart } = groupKeys(aliases);
  // Keys an alias starting in lower case ("the talks") may match: the filter lets lower-case words reach them.
  const lowerStart = keys.map((_, k) => {
    for (let p = keyStart[k] as number; p < (keyStart[k + 1] as number); p++) {
      const alias = aliases[keyAliases[p] as number] as MatcherSpecAlias;
      if (casePattern(alias.text, alias.key.length).exact[0] === CASE_LOWER) return true;
    }
    return false;
  });
  const prefixLetters = semiticPrefixes(keys);
  const cueKeys = cueKeysOf(specEntities);
  const tables: MatcherSpecTables = {
    aliases: compileAliasTrie(keys, { extraCodes: prefixLetters, interestingFirst: prefixLetters, lowerStart }),
    cues:
      cueKeys.length > 0
        ? compileAliasTrie(cueKeys, {
            anyCase: true,
            extraCodes: semiticPrefixes(cueKeys),
            interestingFirst: semiticPrefixes(cueKeys),
          })
        : null,
    fold: exportFoldTables(),
  };
  return { version: MATCHER_SPEC_VERSION, entities: specEntities, aliases, tables };
}

/** Distinct event cues of all entities, sorted: the keys of the cue trie. */
function cueKeysOf(entities: readonly MatcherSpecEntity[]): string[] {
  return [...new Set(entities.flatMap((entity) => entity.cues ?? []))].filter(Boolean).sort();
}

/**
 * Distinct keys in code-unit order, and the aliases of each, contiguous in
 * `keyAliases` from `keyStart[k]`. The build writes aliases in key order, so
 * no sort is needed.
 */
function groupKeys(specAliases: readonly MatcherSpecAlias[]) {
  const aliasCount = specAliases.length;
  let keyAliases = new Int32Array(aliasCount);
  for (let a = 0; a < aliasCount; a++) keyAliases[a] = a;
  let sorted = true;
  for (let a = 1; a < aliasCount && sorted; a++) {
    sorted = (specAliases[a - 1] as MatcherSpecAlias).key <= (specAliases[a] as MatcherSpecAlias).key;
  }
  if (!sorted) {
    keyAliases = keyAliases.sort(
      (x, y) =>
        compareKeys((specAliases[x] as MatcherSpecAlias).key, (specAliases[y] as MatcherSpecAlias).key) || x - y,
    );
  }
  const keys: string[] = [];
  const keyStartList: number[] = [];
  for (let position = 0; position < aliasCount; position++) {
    const key = (specAliases[keyAliases[position] as number] as MatcherSpecAlias).key;
    if (keys.length === 0 || keys[keys.length - 1] !== key) {
      keys.push(key);
      keyStartList.push(position);
    }
  }
  keyStartList.push(aliasCount);
  return { keys, keyAliases, keyStart: Int32Array.from(keyStartList) };
}

// ---------------------------------------------------------------------------
// Case rules

const CASE_NONE = 0;
const CASE_LOWER = 1;
const CASE_UPPER = 2;

function caseClass(flags: number): number {
  return flags & UPPER ? CASE_UPPER : flags & LOWER ? CASE_LOWER : CASE_NONE;
}

function upperOne(ch: string): string {
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
 */
function fillCasePattern(text: string, exact: Uint8Array, caps: Uint8Array, from: number, to: number): void {
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

/** Case classes of one alias, as written and in ALL CAPS, one per unit of its folded key. */
function casePattern(text: string, keyLength: number): { exact: Uint8Array; caps: Uint8Array } {
  const exact = new Uint8Array(keyLength);
  const caps = new Uint8Array(keyLength);
  fillCasePattern(text, exact, caps, 0, keyLength);
  return { exact, caps };
}

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

// ---------------------------------------------------------------------------
// Context words

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

function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return FLAGS[c] || computeFlags(c);
}

/** Start of the run of word units that ends at `end` (exclusive), or `end` if none. */
function wordRunStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && wordAt(text, i - 1)) i--;
  return i;
}

function wordRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && wordAt(text, i)) i++;
  return i;
}

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

const ARABIC_PREFIXES = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل']);
const HEBREW_PREFIXES = new Set(['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ', 'וה', 'וב', 'ול', 'ומ', 'וש', 'וכ']);

/** Whether `phrase`, found at `at` in `text`, starts a word there (an Arabic or Hebrew one may carry a proclitic). */
function startsWord(text: string, at: number, phrase: string): boolean {
  if (isWordStart(text, at) || !wordAt(phrase, 0)) return true;
  const first = phrase.charCodeAt(0);
  const prefixes = isArabicLetter(first) ? ARABIC_PREFIXES : isHebrewLetter(first) ? HEBREW_PREFIXES : null;
  return !!prefixes?.has(foldString(text.slice(wordRunStart(text, at), at)));
}

/**
 * Adds to `found` the index of every key of `trie` that occurs as whole
 * words in `text[from, to)`, case aside: event cues in a sentence. A key
 * may follow an Arabic or Hebrew prefix attached to it ("بالناقورة"). The
 * trie's filter (built with `anyCase`) skips the words no key starts.
 */
function findKeys(trie: aliasTrie.AliasTrie, text: string, from: number, to: number, found: Set<number>): void {
  const { unitClass, filter, interesting, skipState, readyState, unknownClass } = trie;
  let state = from > 0 && wordAt(text, from - 1) ? skipState : readyState;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let cls = c < UNIT_CLASS_TABLE_SIZE ? (unitClass[c] as number) : unknownClass;
    if (cls === unknownClass) cls = trie.classOfUnit(c);
    const next = filter[state + cls] as number;
    if (next < interesting) {
      state = next;
      continue;
    }
    if (state !== skipState) {
      // Every key from this word's start, then on through the rest of the word.
      const start = state === readyState ? i : wordStartBefore(text, i);
      keysFrom(trie, text, start, to, found);
      const first = text.charCodeAt(start);
      if (isArabicLetter(first) || isHebrewLetter(first)) {
        const prefixes = isArabicLetter(first) ? ARABIC_PREFIXES : HEBREW_PREFIXES;
        for (const length of [1, 2]) {
          if (start + length < to && prefixes.has(text.slice(start, start + length))) {
            keysFrom(trie, text, start + length, to, found);
          }
        }
      }
    }
    state = wordAt(text, i) ? skipState : readyState;
  }
}

function wordStartBefore(text: string, i: number): number {
  let start = i;
  while (start > 0 && wordAt(text, start - 1)) start--;
  return start;
}

function keysFrom(trie: aliasTrie.AliasTrie, text: string, start: number, to: number, found: Set<number>): void {
  const { unitClass, classSymbol, childOf, terminalBits } = trie;
  let node = 0;
  let i = start;
  while (i < to) {
    const c = text.charCodeAt(i);
    let cls = c < UNIT_CLASS_TABLE_SIZE ? (unitClass[c] as number) : trie.unknownClass;
    if (cls === trie.unknownClass) cls = trie.classOfUnit(c);
    let symbol = 0;
    if (cls >= CLASS_FIRST_SYMBOL) {
      symbol = classSymbol[cls] as number;
    } else if (cls === CLASS_IGNORE_WORD || cls === CLASS_IGNORE_NONWORD) {
      i++;
      continue;
    } else if (cls === CLASS_SPACE) {
      symbol = trie.spaceSymbol;
      while (i + 1 < to && charFlags(text.charCodeAt(i + 1)) & (SPACE | IGNORE)) i++;
    }
    node = symbol === 0 ? 0 : childOf(node, symbol);
    if (node === 0) return;
    i++;
    if (((terminalBits[node >>> 5] as number) & (1 << (node & 31))) === 0) continue;
    let end = i;
    while (end < to && (charFlags(text.charCodeAt(end)) & (IGNORE | WORD)) === (IGNORE | WORD)) end++;
    if (!(end < to && wordAt(text, end))) found.add(trie.terminalKey[trie.terminalIndex(node)] as number);
  }
}

// ---------------------------------------------------------------------------
// The matcher

const ALEF = 0x0627;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;
const WAW = 0x0648;
const FEH = 0x0641;
const HE = 0x05d4;
const HEBREW_VAV = 0x05d5;
const ARABIC_PROCLITICS: readonly number[] = [WAW, FEH, BEH, LAM, KAF];
const HEBREW_PREFIX_LETTERS: readonly number[] = [0x05d5, 0x05d4, 0x05d1, 0x05dc, 0x05de, 0x05e9, 0x05db];
// ב ל כ absorb the article: "בכנסת" is ב + הכנסת.
const HEBREW_ARTICLE_DROPPERS: readonly number[] = [0x05d1, 0x05dc, 0x05db];

/** Arabic and Hebrew prefix letters, if any key is Arabic or Hebrew: they get symbols of their own. */
function semiticPrefixes(keys: readonly string[]): number[] {
  return keys.some((key) => /[\u0590-\u06ff]/.test(key)) ? [...ARABIC_PROCLITICS, ...HEBREW_PREFIX_LETTERS] : [];
}

const EMPTY: readonly number[] = Object.freeze([]);
const NONE_NAMED = new Uint8Array(0);
const NO_WORDS: ReadonlySet<string> = new Set();
/** How far to look for a sentence's ends, either way. */
const SENTENCE_LIMIT = 1000;
/** Bytes for the event cues' filter: a few hundred short phrases. */
const CUE_FILTER_BUDGET = 32 * 1024;
/** Bytes for the aliases' filter at page load: rows for the root's children and a few more. */
const PAGE_FILTER_BUDGET = 16 * 1024;
/** Units of text scanned after which the matcher builds its full filter (192 KiB). */
const LARGE_TEXT_UNITS = 50_000;
/** Aliases that link only under conditions of the document or the sentence. */
const CONDITIONAL = ALIAS_AMBIGUOUS | ALIAS_NEEDS_CUE;

/**
 * Builds a matcher from a precompiled spec; fast enough to run at page load.
 *
 * @example const matcher = createEntityMatcher(index.matcher as MatcherSpec);
 */
export function createEntityMatcher(spec: MatcherSpec): EntityMatcher {
  if (spec?.version !== MATCHER_SPEC_VERSION) {
    throw new Error(
      `News Context: the matcher spec has version ${JSON.stringify(spec?.version)}, but this build reads version ${MATCHER_SPEC_VERSION}. Rebuild the index with \`npm run build:index\`.`,
    );
  }
  const tables = spec.tables;
  if (tables === null || typeof tables !== 'object') {
    throw new Error('News Context: the matcher spec has no tables. Rebuild the index with `npm run build:index`.');
  }
  // Folding of the common scripts first: everything below reads it.
  importFoldTables(tables.fold, 'the matcher spec (fold tables)');
  const specAliases = spec.aliases;
  const aliasCount = specAliases.length;
  const aliasEntity = new Int32Array(aliasCount);
  const aliasFlags = new Uint8Array(aliasCount);
  const aliasTexts: string[] = new Array(aliasCount);
  // Case patterns, one class per key unit (as written, and in ALL CAPS): filled per alias when first needed.
  const patternStart = new Int32Array(aliasCount + 1);
  for (let a = 0; a < aliasCount; a++) {
    const alias = specAliases[a] as MatcherSpecAlias;
    aliasEntity[a] = alias.entity;
    aliasFlags[a] = alias.flags;
    aliasTexts[a] = alias.text;
    patternStart[a + 1] = (patternStart[a] as number) + alias.key.length;
  }
  const entityIds = spec.entities.map((entity) => entity.id);
  const nameWords = spec.entities.map((entity) => (entity.nameWords?.length ? new Set(entity.nameWords) : NO_WORDS));
  const roleCues = spec.entities.map((entity) => entity.roleCues ?? []);
  const roleCueWords: (ReadonlySet<string> | undefined)[] = new Array(roleCues.length);
  const roleCueWordsOf = (entity: number): ReadonlySet<string> => {
    let found = roleCueWords[entity];
    if (!found) {
      const cues = roleCues[entity] ?? [];
      found = cues.length ? new Set(cues.flatMap(words)) : NO_WORDS;
      roleCueWords[entity] = found;
    }
    return found;
  };
  // Event cues have a trie of their own, walked over one sentence when a generic word needs them.
  const cueKeys = cueKeysOf(spec.entities);
  const cueIndex = new Map(cueKeys.map((cue, k) => [cue, k]));
  const entityCues = spec.entities.map((entity) => (entity.cues ?? []).map((cue) => cueIndex.get(cue) ?? -1));
  const cueTrie = tables.cues ? loadAliasTrie(tables.cues, CUE_FILTER_BUDGET, 'the matcher spec (cue trie)') : null;
  if ((cueTrie?.terminalNodes.length ?? 0) !== cueKeys.length) {
    throw new Error(
      'News Context: the matcher spec is damaged (cue trie and cues disagree). Rebuild the index with `npm run build:index`.',
    );
  }

  const { keyAliases, keyStart } = groupKeys(specAliases);
  const trie = loadAliasTrie(tables.aliases, PAGE_FILTER_BUDGET, 'the matcher spec (alias trie)');
  if (trie.terminalNodes.length !== keyStart.length - 1) {
    throw new Error(
      'News Context: the matcher spec is damaged (trie and aliases disagree). Rebuild the index with `npm run build:index`.',
    );
  }
  // Arabic and Hebrew prefix letters have symbols of their own, so a word
  // starting with one is sent to the exact walk (the name follows them).
  const usesArabicOrHebrew = tables.aliases.interestingFirst.length > 0;
  const {
    unitClass,
    classOfUnit,
    childOf,
    symbolOf,
    classSymbol,
    rootRow,
    terminalBits,
    terminalIndex,
    terminalNodes,
    filterClasses,
    unknownClass,
    skipState,
    readyState,
    spaceSymbol,
    firstNonWordSymbol,
  } = trie;
  // The filter starts small (cheap to build on a page) and grows once the page's text is large.
  let { filter, interesting, rowNode } = trie;
  let scannedUnits = 0;
  let fullFilter = PAGE_FILTER_BUDGET >= FILTER_BUDGET_BYTES;
  const terminalCount = terminalNodes.length;

  const exactPattern = new Uint8Array(patternStart[aliasCount] as number);
  const capsPattern = new Uint8Array(exactPattern.length);
  const patternReady = new Uint8Array(aliasCount);
  const firstCapAllowed = new Uint8Array(aliasCount);
  // Aliases without a cased letter (Arabic, Hebrew, digits) fit any text that folds to them.
  const caseFree = new Uint8Array(aliasCount);
  function preparePattern(a: number): void {
    const alias = specAliases[a] as MatcherSpecAlias;
    const base = patternStart[a] as number;
    fillCasePattern(alias.text, exactPattern, capsPattern, base, base + alias.key.length);
    let cased = false;
    for (let k = base; k < base + alias.key.length; k++) if (exactPattern[k] !== CASE_NONE) cased = true;
    caseFree[a] = cased ? 0 : 1;
    firstCapAllowed[a] =
      !(alias.flags & ALIAS_CASE_SENSITIVE) && exactPattern[base] === CASE_LOWER && capsPattern[base] === CASE_UPPER
        ? 1
        : 0;
    patternReady[a] = 1;
  }

  // Per terminal: its aliases, and the union of their flags.
  const terminalAliasStart = new Int32Array(terminalCount + 1);
  const terminalAliasIds = new Int32Array(aliasCount);
  const terminalFlags = new Uint8Array(terminalCount);
  const aliasTerminal = new Int32Array(aliasCount);
  let filled = 0;
  for (let t = 0; t < terminalCount; t++) {
    terminalAliasStart[t] = filled;
    const k = trie.terminalKey[t] as number;
    if (!(k >= 0 && k < terminalCount)) {
      throw new Error(
        'News Context: the matcher spec is damaged (terminal keys). Rebuild the index with `npm run build:index`.',
      );
    }
    for (let p = keyStart[k] as number; p < (keyStart[k + 1] as number); p++) {
      const a = keyAliases[p] as number;
      terminalAliasIds[filled++] = a;
      terminalFlags[t] = (terminalFlags[t] as number) | (aliasFlags[a] as number);
      aliasTerminal[a] = t;
    }
  }
  terminalAliasStart[terminalCount] = filled;
  const terminalShared: (readonly number[] | undefined)[] = new Array(terminalCount);

  /** Whether `text[start, end)` (after `skipped` article units the text left out) fits alias `a`'s case rules. */
  function caseFits(text: string, start: number, end: number, a: number, skipped: number): boolean {
    if (patternReady[a] === 0) preparePattern(a);
    if (caseFree[a] === 1) return true;
    // Most mentions are spelt exactly as the alias: one native comparison.
    const written = aliasTexts[a] as string;
    if (skipped === 0 && end - start === written.length && text.startsWith(written, start)) return true;
    const base = (patternStart[a] as number) + skipped;
    const caseSensitive = (aliasFlags[a] as number) & ALIAS_CASE_SENSITIVE;
    let exact = true;
    let caps = caseSensitive === 0;
    let firstCap = skipped === 0 && firstCapAllowed[a] === 1;
    let k = 0;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      const flags = FLAGS[c] || computeFlags(c);
      i++;
      if (flags & IGNORE) continue;
      let actual = CASE_NONE;
      if (flags & SPACE) {
        while (i < end && flagsAt(text, i) & (SPACE | IGNORE)) i++;
      } else {
        actual = flags & UPPER ? CASE_UPPER : flags & LOWER ? CASE_LOWER : CASE_NONE;
      }
      const expected = exactPattern[base + k] as number;
      if (actual !== expected) exact = false;
      if (actual !== capsPattern[base + k]) caps = false;
      if (firstCap) firstCap = k === 0 ? actual === CASE_UPPER : actual === expected;
      if (!exact && !caps && !firstCap) return false;
      k++;
    }
    return true;
  }

  function classAt(c: number): number {
    const cls = c < UNIT_CLASS_TABLE_SIZE ? (unitClass[c] as number) : unknownClass;
    return cls === unknownClass ? classOfUnit(c) : cls;
  }

  // Result of the last walk (kept here rather than returned, so a word costs no allocation).
  let bestStart = -1;
  let bestEnd = -1;
  let bestAliases: readonly number[] = EMPTY;
  let bestTerminal = -1;
  /** Where the last walk stopped, if it read only word units; else -1. */
  let walkStop = -1;
  /** For a walk that does not know its start yet: a unit inside the word. */
  let startSearchFrom = 0;

  /**
   * The exact walk: from `node` over `text` from `i`, for a match starting at
   * `start` (`skipped` article units were supplied by the caller, not the
   * text). Records the longest match that ends at a word boundary and fits
   * the case rules.
   */
  function walk(text: string, start: number, node: number, i: number, skipped: number): boolean {
    const n = text.length;
    let found = false;
    let wordOnly = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = classAt(c);
      let symbol: number;
      if (cls >= CLASS_FIRST_SYMBOL) {
        symbol = classSymbol[cls] as number;
      } else if (cls === CLASS_IGNORE_WORD || cls === CLASS_IGNORE_NONWORD) {
        if (cls === CLASS_IGNORE_NONWORD) wordOnly = false;
        i++;
        continue;
      } else if (cls === CLASS_SPACE) {
        const next = spaceSymbol === 0 ? 0 : childOf(node, spaceSymbol);
        const j = next === 0 ? -1 : spaceRunEnd(text, i);
        if (j < 0) break;
        wordOnly = false;
        node = next;
        i = j;
        continue;
      } else if (cls === CLASS_SURROGATE) {
        symbol = symbolOf(c);
      } else {
        break;
      }
      if (symbol === 0) break;
      const next = childOf(node, symbol);
      if (next === 0) break;
      if (symbol >= firstNonWordSymbol) wordOnly = false;
      node = next;
      i++;
      if (
        ((terminalBits[node >>> 5] as number) & (1 << (node & 31))) !== 0 &&
        endsMatch(text, start, i, node, skipped)
      ) {
        found = true;
      }
    }
    walkStop = wordOnly ? i : -1;
    return found;
  }

  /** End of the whitespace run at `i`, or -1 if it holds a paragraph break. */
  function spaceRunEnd(text: string, i: number): number {
    const n = text.length;
    let breaks = 0;
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      const flags = FLAGS[c] || computeFlags(c);
      if (!(flags & (SPACE | IGNORE)) || flags & WORD) break;
      if (flags & NEWLINE) {
        if (c === 0x2029) breaks += 2;
        else if (c !== 0x0d || text.charCodeAt(j + 1) !== 0x0a) breaks++;
      }
      j++;
    }
    return breaks >= 2 ? -1 : j;
  }

  /**
   * At a terminal node after `text[start, i)`: records the match if the word
   * ends here and the case fits. A negative `start` means "the start of the
   * word that contains `startSearchFrom`".
   */
  function endsMatch(text: string, start: number, i: number, node: number, skipped: number): boolean {
    const n = text.length;
    // Trailing marks and joiners belong to the last letter.
    let end = i;
    while (end < n && (flagsAt(text, end) & (IGNORE | WORD)) === (IGNORE | WORD)) end++;
    if (end < n && wordAt(text, end)) return false;
    if (start < 0) start = wordStartBefore(text, startSearchFrom);
    const t = terminalIndex(node);
    const from = terminalAliasStart[t] as number;
    const to = terminalAliasStart[t + 1] as number;
    // Usually every alias of the key fits, or none: allocate only for a partial fit.
    let fitting = 0;
    for (let p = from; p < to; p++) if (caseFits(text, start, end, terminalAliasIds[p] as number, skipped)) fitting++;
    if (fitting === 0) return false;
    if (fitting === to - from) {
      let shared = terminalShared[t];
      if (!shared) {
        shared = Object.freeze(Array.from(terminalAliasIds.subarray(from, to)));
        terminalShared[t] = shared;
      }
      bestAliases = shared;
    } else {
      const passing: number[] = [];
      for (let p = from; p < to; p++) {
        const a = terminalAliasIds[p] as number;
        if (caseFits(text, start, end, a, skipped)) passing.push(a);
      }
      bestAliases = passing;
    }
    bestStart = start;
    bestEnd = end;
    bestTerminal = t;
    return true;
  }

  /** The exact walk from `node`, already reached by reading `text[start, i)`. */
  function walkOn(text: string, start: number, node: number, i: number): boolean {
    const here =
      ((terminalBits[node >>> 5] as number) & (1 << (node & 31))) !== 0 && endsMatch(text, start, i, node, 0);
    return walk(text, start, node, i, 0) || here;
  }

  /** A walk from the root at `start`, optionally after one unit the text left out (an article a proclitic absorbed). */
  function walkFrom(text: string, start: number, virtualCode: number): boolean {
    if (virtualCode === 0) return walk(text, start, 0, start, 0);
    const node = childOf(0, symbolOf(virtualCode));
    return node !== 0 && walk(text, start, node, start, 1);
  }

  /**
   * Arabic proclitics (و ف ب ل ك, وب ول وك فب فل) and Hebrew prefixes
   * (ו ה ב ל מ ש כ, and ו plus one of them) attached to a name: the match
   * starts after them. "لل" is ل plus the article ال with its alef dropped;
   * after ב ל כ, Hebrew drops the article ה.
   */
  function walkAfterPrefix(text: string, i: number, c: number): boolean {
    const n = text.length;
    const c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const c2 = i + 2 < n ? text.charCodeAt(i + 2) : 0;
    if (ARABIC_PROCLITICS.includes(c)) {
      if (!isArabicLetter(c1)) return false;
      if (walkFrom(text, i + 1, 0) || (c === LAM && c1 === LAM && walkFrom(text, i + 1, ALEF))) return true;
      const combo =
        (c === WAW && (c1 === BEH || c1 === LAM || c1 === KAF)) || (c === FEH && (c1 === BEH || c1 === LAM));
      if (!combo || !isArabicLetter(c2)) return false;
      return walkFrom(text, i + 2, 0) || (c1 === LAM && c2 === LAM && walkFrom(text, i + 2, ALEF));
    }
    if (!HEBREW_PREFIX_LETTERS.includes(c) || !isHebrewLetter(c1)) return false;
    if (walkFrom(text, i + 1, 0) || (HEBREW_ARTICLE_DROPPERS.includes(c) && walkFrom(text, i + 1, HE))) return true;
    if (c !== HEBREW_VAV || c1 === HEBREW_VAV || !HEBREW_PREFIX_LETTERS.includes(c1) || !isHebrewLetter(c2))
      return false;
    return walkFrom(text, i + 2, 0) || (HEBREW_ARTICLE_DROPPERS.includes(c1) && walkFrom(text, i + 2, HE));
  }

  /**
   * The exact match at word start `start`, if any. Otherwise returns where
   * the scan may resume: past the units the walks read, if they were all
   * inside this word.
   */
  function matchAt(text: string, start: number): number {
    const c = text.charCodeAt(start);
    const cls = classAt(c);
    let resume = start + 1;
    if (cls >= CLASS_FIRST_SYMBOL && rootRow[classSymbol[cls] as number] !== 0) {
      if (walk(text, start, 0, start, 0)) return -1;
      if (walkStop < 0) return resume;
      resume = walkStop;
    }
    if (usesArabicOrHebrew && (isArabicLetter(c) || isHebrewLetter(c))) {
      walkStop = resume;
      if (walkAfterPrefix(text, start, c)) return -1;
      // A failed prefixed walk read only letters of this word, or stopped at its end.
      if (walkStop < 0) return start + 1;
      if (walkStop < resume) resume = walkStop;
    }
    return resume > start ? resume : start + 1;
  }

  function scan(text: string): Candidate[] {
    const out: Candidate[] = [];
    const n = text.length;
    if (terminalCount === 0) return out;
    cueText = '';
    scannedUnits += n;
    if (!fullFilter && scannedUnits >= LARGE_TEXT_UNITS) {
      // A large page: a bigger filter now costs less than the exact walks it saves.
      fullFilter = true;
      ({ filter, interesting, rowNode } = trie.buildFilter(FILTER_BUDGET_BYTES));
    }
    // Locals, and an inner loop without calls, so the engine keeps the tables in registers.
    const classes = unitClass;
    const tableSize = UNIT_CLASS_TABLE_SIZE;
    const next = filter;
    const limit = interesting;
    let state = readyState;
    let i = 0;
    while (i < n) {
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= tableSize) break;
        const to = next[state + (classes[c] as number)] as number;
        if (to >= limit) break;
        state = to;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      const cls = c < UNIT_CLASS_TABLE_SIZE ? (classes[c] as number) : unknownClass;
      if (cls === unknownClass) {
        // A unit met for the first time, or one beyond the class table.
        const to = next[state + classOfUnit(c)] as number;
        if (to < limit) {
          state = to;
          i++;
          continue;
        }
      }
      if (state === skipState) {
        // A surrogate pair inside or after a word.
        state = wordAt(text, i) ? skipState : readyState;
        i++;
        continue;
      }
      const resume = interestingAt(text, i, state);
      let from: number;
      if (resume < 0) {
        out.push(candidateAt(text, bestStart, bestEnd, bestAliases, bestTerminal));
        from = bestEnd;
      } else {
        from = resume;
      }
      state = from > 0 && wordAt(text, from - 1) ? skipState : readyState;
      i = from;
    }
    if (state !== skipState && state !== readyState) {
      // The text ends inside a word that may end a key.
      let start = n;
      while (start > 0 && wordAt(text, start - 1)) start--;
      if (start < n && matchAt(text, start) < 0) {
        out.push(candidateAt(text, bestStart, bestEnd, bestAliases, bestTerminal));
      }
    }
    return out;
  }

  /**
   * The filter says the word around `i` may hold a match: `state` is where it
   * was before unit `i`. At a word start, walk exactly from there; inside a
   * word, the filter has followed the trie so far, so carry on from its node
   * (and the key that may end right here). Returns -1 for a match (in
   * `best*`), else where to resume.
   */
  function interestingAt(text: string, i: number, state: number): number {
    if (state === readyState) return matchAt(text, i);
    // The word's start is looked up only if a key ends (the walk passes -1 for it).
    startSearchFrom = i;
    if (walkOn(text, -1, rowNode[state / filterClasses] as number, i)) return -1;
    return walkStop >= 0 ? walkStop : wordStartBefore(text, i) + 1;
  }

  function candidateAt(
    text: string,
    start: number,
    end: number,
    aliases: readonly number[],
    terminal: number,
  ): Candidate {
    const union = terminalFlags[terminal] as number;
    if (!(union & (ALIAS_AMBIGUOUS | ALIAS_NEEDS_CUE))) return { start, end, aliases, local: EMPTY, flags: 0 };
    const local: number[] = [];
    let flags = 0;
    if (union & ALIAS_AMBIGUOUS) flags = readNameContext(text, start, end, aliases, local);
    if (union & ALIAS_NEEDS_CUE) readSentenceCues(text, start, end, aliases, local);
    return { start, end, aliases, local: local.length ? local : EMPTY, flags };
  }

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

  // The cues of the last sentence read, kept because generic words cluster ("the talks ... the talks").
  let cueText = '';
  let cueFrom = -1;
  let cueTo = -1;
  const cuesSeen = new Set<number>();

  /** Distinct cues of `entity` in the sentence around `[start, end)`. */
  function cuesAround(text: string, start: number, end: number, entity: number): number {
    if (text !== cueText || start < cueFrom || end > cueTo) {
      // Candidates come in text order: the last sentence's end bounds the scan back.
      const floor = text === cueText && start >= cueTo ? cueTo : 0;
      const [from, to] = sentenceAround(text, start, end, SENTENCE_LIMIT, floor);
      cueText = text;
      cueFrom = from;
      cueTo = to;
      cuesSeen.clear();
      if (cueTrie) findKeys(cueTrie, text, from, to, cuesSeen);
    }
    let count = 0;
    for (const cue of entityCues[entity] as number[]) if (cuesSeen.has(cue)) count++;
    return count;
  }

  /** For a generic event word: the event with the most distinct cues in the sentence, if exactly one. */
  function readSentenceCues(text: string, start: number, end: number, aliases: readonly number[], local: number[]) {
    let best = -1;
    let bestCount = 0;
    let tie = false;
    for (const a of aliases) {
      if (!((aliasFlags[a] as number) & ALIAS_NEEDS_CUE)) continue;
      const entity = aliasEntity[a] as number;
      if (entity === best) continue;
      const count = cuesAround(text, start, end, entity);
      if (count > bestCount) {
        best = entity;
        bestCount = count;
        tie = false;
      } else if (count === bestCount && count > 0 && entity !== best) {
        tie = true;
      }
    }
    if (best >= 0 && !tie && !local.includes(best)) local.push(best);
  }

  function resolve(chunks: readonly (readonly Candidate[])[]): EntityMatch[][] {
    // The document-level facts matter only to surname-only and generic aliases.
    let conditional = false;
    for (const chunk of chunks) {
      for (const candidate of chunk) {
        const first = candidate.aliases[0];
        if (first !== undefined && (terminalFlags[aliasTerminal[first] as number] as number) & CONDITIONAL) {
          conditional = true;
        }
      }
    }
    let named: Uint8Array = NONE_NAMED;
    let otherPerson: Uint8Array = NONE_NAMED;
    if (conditional) {
      named = new Uint8Array(entityIds.length);
      otherPerson = new Uint8Array(terminalCount);
      for (const chunk of chunks) {
        for (const candidate of chunk) {
          for (const a of candidate.aliases) {
            const flags = aliasFlags[a] as number;
            if (!(flags & CONDITIONAL)) named[aliasEntity[a] as number] = 1;
            else if (flags & ALIAS_AMBIGUOUS && candidate.flags & CANDIDATE_OTHER_PERSON) {
              otherPerson[aliasTerminal[a] as number] = 1;
            }
          }
        }
      }
    }
    return chunks.map((chunk) => {
      const matches: EntityMatch[] = [];
      for (const candidate of chunk) {
        const a = decide(candidate, named, otherPerson);
        if (a >= 0) {
          matches.push({
            start: candidate.start,
            end: candidate.end,
            entityId: entityIds[aliasEntity[a] as number] as string,
            alias: aliasTexts[a] as string,
          });
        }
      }
      return matches;
    });
  }

  /** The alias a candidate links through, or -1. */
  function decide(candidate: Candidate, named: Uint8Array, otherPerson: Uint8Array): number {
    const aliases = candidate.aliases;
    let plain = -1;
    for (let k = 0; k < aliases.length; k++) {
      const a = aliases[k] as number;
      if ((aliasFlags[a] as number) & CONDITIONAL) continue;
      if (plain < 0) plain = a;
      else if (aliasEntity[plain] !== aliasEntity[a]) return -1; // two entities share this name
    }
    if (plain >= 0) return plain;

    const confirmed: number[] = [];
    let chosen = -1;
    for (const a of aliases) {
      const flags = aliasFlags[a] as number;
      const entity = aliasEntity[a] as number;
      if (flags & ALIAS_NEEDS_CUE && !candidate.local.includes(entity)) continue;
      if (flags & ALIAS_AMBIGUOUS) {
        if (candidate.flags & CANDIDATE_PART_OF_NAME || otherPerson[aliasTerminal[a] as number]) continue;
        for (const rival of specAliases[a]?.rivals ?? []) {
          if (named[rival] && !confirmed.includes(rival)) confirmed.push(rival);
        }
        if (!named[entity] && !candidate.local.includes(entity)) continue;
      }
      if (!confirmed.includes(entity)) confirmed.push(entity);
      if (chosen < 0) chosen = a;
    }
    if (confirmed.length !== 1 || chosen < 0 || aliasEntity[chosen] !== confirmed[0]) return -1;
    return chosen;
  }

  return {
    match: (text) => resolve([scan(text)])[0] ?? [],
    scan,
    resolve,
  };
}
