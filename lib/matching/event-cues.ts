/**
 * The event rule: a generic event word ("the talks", "the ceasefire") links
 * only when its sentence holds one of that event's cues (a year, a month, a
 * place: "2024", "november", "naqoura"), and to the event with the most
 * distinct cues there; on a tie, to none. Named event phrases are plain
 * aliases and never come here.
 *
 * The cues have a trie of their own (built with the spec, any case), walked
 * over one sentence when a generic word needs it. The sentence read last is
 * kept, because generic words cluster ("the talks ... the talks").
 */

import * as foldText from '../text/fold-text';
import { sentenceAround } from '../text/sentence-around';
import * as aliasTrie from './alias-trie';
import { ARABIC_PREFIXES, HEBREW_PREFIXES } from './attached-prefixes';
import { ALIAS_NEEDS_CUE, cueKeysOf, type MatcherSpec } from './matcher-spec';
import { wordRunStart } from './word-runs';

// Read each imported binding once: bundlers and test runners may compile them
// to getters, far too slow for per-character loops.
const {
  CHAR_IGNORE: IGNORE,
  CHAR_SPACE: SPACE,
  CHAR_WORD: WORD,
  isWordAt: wordAt,
  charFlags,
  isArabicLetter,
  isHebrewLetter,
} = foldText;
const {
  loadAliasTrie,
  CLASS_IGNORE_NONWORD,
  CLASS_IGNORE_WORD,
  CLASS_SPACE,
  CLASS_FIRST_SYMBOL,
  UNIT_CLASS_TABLE_SIZE,
} = aliasTrie;

/** How far to look for a sentence's ends, either way. */
const SENTENCE_LIMIT = 1000;
/** Bytes for the event cues' filter: a few hundred short phrases. */
const CUE_FILTER_BUDGET = 32 * 1024;

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
      const start = state === readyState ? i : wordRunStart(text, i);
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

/** The event rule of one matcher. */
export interface SentenceCues {
  /** Forgets the sentence read last (a new text is about to be scanned). */
  forget(): void;
  /**
   * For a generic event word at `[start, end)` of `text` with candidate
   * aliases `aliases`: pushes onto `local` the event with the most distinct
   * cues in the sentence, if exactly one.
   */
  read(text: string, start: number, end: number, aliases: readonly number[], local: number[]): void;
}

/**
 * Loads the cue trie of a spec and returns its event rule. Throws, naming the
 * damage, when the trie and the spec's cues disagree.
 *
 * @example const cues = createSentenceCues(spec, aliasFlags, aliasEntity); cues.read(text, start, end, aliases, local);
 */
export function createSentenceCues(spec: MatcherSpec, aliasFlags: Uint8Array, aliasEntity: Int32Array): SentenceCues {
  const tables = spec.tables;
  const cueKeys = cueKeysOf(spec.entities);
  const cueIndex = new Map(cueKeys.map((cue, k) => [cue, k]));
  const entityCues = spec.entities.map((entity) => (entity.cues ?? []).map((cue) => cueIndex.get(cue) ?? -1));
  const cueTrie = tables.cues ? loadAliasTrie(tables.cues, CUE_FILTER_BUDGET, 'the matcher spec (cue trie)') : null;
  if ((cueTrie?.terminalNodes.length ?? 0) !== cueKeys.length) {
    throw new Error(
      'News Context: the matcher spec is damaged (cue trie and cues disagree). Rebuild the index with `npm run build:index`.',
    );
  }

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

  return {
    forget: () => {
      cueText = '';
    },
    read: readSentenceCues,
  };
}
