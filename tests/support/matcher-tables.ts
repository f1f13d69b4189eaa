/**
 * The per-alias arrays a loaded matcher hands to its context readers
 * (`name-context.ts`, `event-cues.ts`), built from a spec the same way
 * `createEntityMatcher` builds them, so those readers can be tested alone.
 */
import type { MatcherSpec } from '@/lib/matching/match-entities';

export function aliasTables(spec: MatcherSpec) {
  const aliasFlags = Uint8Array.from(spec.aliases.map((alias) => alias.flags));
  const aliasEntity = Int32Array.from(spec.aliases.map((alias) => alias.entity));
  /** Indices of the spec's aliases with this folded key (what one candidate carries). */
  const aliasesOf = (key: string) => spec.aliases.flatMap((alias, a) => (alias.key === key ? [a] : []));
  const entityIndex = (id: string) => spec.entities.findIndex((entity) => entity.id === id);
  return { aliasFlags, aliasEntity, aliasesOf, entityIndex };
}
