/**
 * The entity matcher: finds the knowledge base's people, organisations,
 * places and events in a text, in one pass whatever the number of aliases.
 *
 * Three users with different budgets share it: the index build (Node, once),
 * the importer, and the background, which matches every news page's text in
 * chunks. So the work is split, one concern per file of `lib/matching/`:
 *
 * - `matcher-spec.ts` (build time) does everything slow once and writes the
 *   spec into the bundled index.
 * - `createEntityMatcher` (here, at load) decodes the spec's tables and
 *   builds a small dense automaton in front of the trie (`alias-trie.ts`); a
 *   larger one once the text read is large. Case patterns
 *   (`case-rules.ts`) are filled per alias when first needed.
 * - `scan` (here) runs that automaton over every character, two table loads
 *   each, and walks the trie exactly only for words that may hold a match,
 *   after an attached Arabic or Hebrew prefix too (`attached-prefixes.ts`).
 *   For a surname-only or generic candidate it reads the context that needs
 *   the chunk's text: `name-context.ts` (role cues, other names around a
 *   surname) and `event-cues.ts` (the sentence's event cues).
 * - `resolve` (`resolve-candidates.ts`) applies the rules that need the
 *   whole document.
 *
 * Offsets are UTF-16 units of the original text: folding maps one unit to at
 * most one, so no offset map is needed.
 */

import * as foldText from '../text/fold-text';
import * as aliasTrie from './alias-trie';
import {
  ALEF,
  ARABIC_PROCLITICS,
  BEH,
  FEH,
  HE,
  HEBREW_ARTICLE_DROPPERS,
  HEBREW_PREFIX_LETTERS,
  HEBREW_VAV,
  KAF,
  LAM,
  WAW,
} from './attached-prefixes';
import { CASE_LOWER, CASE_NONE, CASE_UPPER, fillCasePattern } from './case-rules';
import { createSentenceCues } from './event-cues';
import {
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_NEEDS_CUE,
  groupKeys,
  MATCHER_SPEC_VERSION,
  type MatcherSpec,
  type MatcherSpecAlias,
} from './matcher-spec';
import { createNameContextReader } from './name-context';
import { type Candidate, createResolver, type EntityMatch } from './resolve-candidates';
import * as wordRuns from './word-runs';

export type { MatcherSpec } from './matcher-spec';
// The matcher's input and outputs, so its callers need one import.
export type { Candidate, EntityMatch } from './resolve-candidates';

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
  isArabicLetter,
  isHebrewLetter,
  importFoldTables,
} = foldText;
const {
  loadAliasTrie,
  FILTER_BUDGET_BYTES,
  CLASS_IGNORE_NONWORD,
  CLASS_IGNORE_WORD,
  CLASS_SPACE,
  CLASS_SURROGATE,
  CLASS_FIRST_SYMBOL,
  UNIT_CLASS_TABLE_SIZE,
} = aliasTrie;
const { flagsAt, wordRunStart: wordStartBefore } = wordRuns;

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

const EMPTY: readonly number[] = Object.freeze([]);
/** Bytes for the aliases' filter at page load: rows for the root's children and a few more. */
const PAGE_FILTER_BUDGET = 16 * 1024;
/** Units of text scanned after which the matcher builds its full filter (192 KiB). */
const LARGE_TEXT_UNITS = 50_000;

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
  const readNameContext = createNameContextReader(spec.entities, aliasFlags, aliasEntity);
  // Event cues have a trie of their own, walked over one sentence when a generic word needs them.
  const sentenceCues = createSentenceCues(spec, aliasFlags, aliasEntity);

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
  const resolve = createResolver({
    entityIds,
    aliases: specAliases,
    aliasEntity,
    aliasFlags,
    aliasTexts,
    aliasTerminal,
    terminalFlags,
  });
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
    sentenceCues.forget();
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
    if (union & ALIAS_NEEDS_CUE) sentenceCues.read(text, start, end, aliases, local);
    return { start, end, aliases, local: local.length ? local : EMPTY, flags };
  }

  return {
    match: (text) => resolve([scan(text)])[0] ?? [],
    scan,
    resolve,
  };
}
