import type { CorpusIndex } from '../model/index-schema';
import { settingsSchema } from '../model/settings';
import type { CorpusPack } from '../storage/corpus-pack';
import type { NewsContextDatabase, StoredEntity } from '../storage/database';
import { readSettings } from '../storage/settings-store';

/**
 * Merging a corpus pack into what the reader already has: entities (the
 * newer edit wins, never one dated in the future), feedback (added unless
 * already given), settings (lists merged) and candidate decisions (newest
 * wins). These run inside the commit's transaction (`commit-import.ts`), so a
 * pack lands whole with its articles or not at all; they never open one.
 * Split out of `import-articles.ts` (issue #10): a pack's merge rules are a
 * concern of their own, and `pack-effects.ts` describes their effects to the
 * reader before they happen.
 */

/** Whether the pack brings anything besides articles. */
export function hasPackData(pack: CorpusPack | undefined): boolean {
  return Boolean(
    pack && (pack.entities?.length || pack.feedback?.length || pack.settings || pack.candidateDecisions?.length),
  );
}

/**
 * A pack's entities: added when new, replacing the stored one when the
 * pack's is at least as recent. Returns the ids written.
 */
export async function mergePackEntities(
  db: NewsContextDatabase,
  index: CorpusIndex,
  entities: NonNullable<CorpusPack['entities']>,
  now: number,
): Promise<string[]> {
  const bundledIds = new Set(index.entities.map((entity) => entity.id));
  const existing = await db.entities.bulkGet(entities.map((packed) => packed.entity.id));
  const writes: StoredEntity[] = [];
  entities.forEach((packed, position) => {
    const stored = existing[position];
    // Never later than now: a pack's far-future time would beat every later edit (issue #14).
    const updatedAt = Math.min(packed.updatedAt ?? now, now);
    if (stored && stored.updatedAt > updatedAt) return;
    writes.push({
      id: packed.entity.id,
      origin: bundledIds.has(packed.entity.id) ? 'override' : 'user',
      entity: packed.entity,
      updatedAt,
    });
  });
  if (writes.length) await db.entities.bulkPut(writes);
  return writes.map((stored) => stored.id);
}

/** A pack's feedback (added unless already given), settings (lists merged) and candidate decisions (newest wins). */
export async function mergePackReaderData(db: NewsContextDatabase, pack: CorpusPack): Promise<void> {
  if (pack.feedback?.length) {
    const stored = await db.feedback.toArray();
    const known = new Set(stored.map((row) => `${row.entityId}\u0000${row.site}\u0000${row.verdict}`));
    const fresh = pack.feedback.filter((row) => !known.has(`${row.entityId}\u0000${row.site}\u0000${row.verdict}`));
    if (fresh.length) await db.feedback.bulkAdd(fresh.map((row) => ({ ...row })));
  }
  if (pack.settings) {
    const current = await readSettings(db);
    const merged = settingsSchema.parse({
      highlightMode: pack.settings.highlightMode,
      pausedSites: [...new Set([...current.pausedSites, ...pack.settings.pausedSites])].sort(),
      extraSites: [...new Set([...current.extraSites, ...pack.settings.extraSites])].sort(),
    });
    await db.settings.put({ key: 'settings', value: merged });
  }
  if (pack.candidateDecisions?.length) {
    const existing = await db.candidateDecisions.bulkGet(pack.candidateDecisions.map((decision) => decision.key));
    const newer = pack.candidateDecisions.filter(
      (decision, position) => (existing[position]?.decidedAt ?? -1) <= decision.decidedAt,
    );
    if (newer.length) await db.candidateDecisions.bulkPut(newer.map((decision) => ({ ...decision })));
  }
}
