/**
 * Document-level resolution: which candidates of a scanned document become
 * mentions. The scanner (`match-entities.ts`) reads one chunk at a time and
 * cannot know what the rest of the page says; this step sees every chunk's
 * candidates at once and settles what needs the whole document:
 *
 * - a key shared by two entities links to neither ("two entities share this
 *   name");
 * - a surname-only alias links when its entity's full name is somewhere in
 *   the document or a role cue precedes it here, and not when another person
 *   of that surname is named, it is part of a longer name, or a rival with
 *   that surname is also named;
 * - a generic event word links only to the event its sentence's cues chose.
 *
 * Candidates are plain numbers so a content script can send them to the
 * background, which resolves them (issue #13).
 */

import { ALIAS_AMBIGUOUS, ALIAS_CONDITIONAL, ALIAS_NEEDS_CUE, type MatcherSpecAlias } from './matcher-spec';

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

/** What the resolver reads of a loaded matcher: per alias and per trie terminal (one terminal per folded key). */
export interface ResolverTables {
  entityIds: readonly string[];
  /** The spec's aliases (their rivals). */
  aliases: readonly MatcherSpecAlias[];
  aliasEntity: Int32Array;
  aliasFlags: Uint8Array;
  aliasTexts: readonly string[];
  aliasTerminal: Int32Array;
  /** Per terminal: the union of its aliases' `ALIAS_*` flags. */
  terminalFlags: Uint8Array;
}

const NONE_NAMED = new Uint8Array(0);

/**
 * The resolution step of one matcher.
 *
 * @example const resolve = createResolver(tables); const [first, second] = resolve([candidatesA, candidatesB]);
 */
export function createResolver(tables: ResolverTables): (chunks: readonly (readonly Candidate[])[]) => EntityMatch[][] {
  const { entityIds, aliases: specAliases, aliasEntity, aliasFlags, aliasTexts, aliasTerminal, terminalFlags } = tables;
  const terminalCount = terminalFlags.length;

  function resolve(chunks: readonly (readonly Candidate[])[]): EntityMatch[][] {
    // The document-level facts matter only to surname-only and generic aliases.
    let conditional = false;
    for (const chunk of chunks) {
      for (const candidate of chunk) {
        const first = candidate.aliases[0];
        if (first !== undefined && (terminalFlags[aliasTerminal[first] as number] as number) & ALIAS_CONDITIONAL) {
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
            if (!(flags & ALIAS_CONDITIONAL)) named[aliasEntity[a] as number] = 1;
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
      if ((aliasFlags[a] as number) & ALIAS_CONDITIONAL) continue;
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

  return resolve;
}
