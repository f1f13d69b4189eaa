/**
 * The matcher spec: the knowledge base's aliases compiled at build time for
 * `createEntityMatcher` (`match-entities.ts`). Everything slow happens here,
 * once: folding the aliases, cues and name words, finding rival names
 * ("Michel Aoun" for a surname-only "Aoun"), compiling the tries
 * (`alias-trie.ts`) and the folding of the common scripts into compact
 * tables (base64, with checksums). The output is plain JSON, bundled into
 * the index and deterministic for a given input, so a page only decodes it.
 */

import type { Entity, EntityKind } from '../model/knowledge-base';
import * as foldText from '../text/fold-text';
import * as aliasTrie from './alias-trie';
import { semiticPrefixes } from './attached-prefixes';
import { CASE_LOWER, casePattern } from './case-rules';

const { foldString, exportFoldTables } = foldText;
const { compileAliasTrie } = aliasTrie;

/** Bump when the shape or meaning of {@link MatcherSpec} changes. */
export const MATCHER_SPEC_VERSION = 2;

/** {@link MatcherSpecAlias.flags} bit: surname-only or shared form (`Alias.ambiguous`). */
export const ALIAS_AMBIGUOUS = 1;
/** {@link MatcherSpecAlias.flags} bit: matches only in its exact case (`Alias.caseSensitive`). */
export const ALIAS_CASE_SENSITIVE = 2;
/** {@link MatcherSpecAlias.flags} bit: a generic word that needs one of its event's cues in the sentence (`Alias.needsCue`). */
export const ALIAS_NEEDS_CUE = 4;
/** Aliases that link only under conditions of the document or the sentence. */
export const ALIAS_CONDITIONAL = ALIAS_AMBIGUOUS | ALIAS_NEEDS_CUE;

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

const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The words of a folded phrase.
 *
 * @example foldedWords('prime minister') // ['prime', 'minister']
 */
export function foldedWords(folded: string): string[] {
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
 * Precompiles entities for `createEntityMatcher` (`match-entities.ts`). Slow parts (Unicode
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
    if (alias.flags & ALIAS_CONDITIONAL || !alias.key.includes(' ')) continue;
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
      out.nameWords = distinct([foldString(entity.name), ...plainKeys].flatMap(foldedWords));
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
export function cueKeysOf(entities: readonly MatcherSpecEntity[]): string[] {
  return [...new Set(entities.flatMap((entity) => entity.cues ?? []))].filter(Boolean).sort();
}

/**
 * Distinct keys in code-unit order, and the aliases of each, contiguous in
 * `keyAliases` from `keyStart[k]`. The build writes aliases in key order, so
 * no sort is needed.
 */
export function groupKeys(specAliases: readonly MatcherSpecAlias[]): {
  keys: string[];
  keyAliases: Int32Array;
  keyStart: Int32Array;
} {
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
