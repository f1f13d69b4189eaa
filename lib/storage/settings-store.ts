import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../model/settings';
import type { NewsContextDatabase, StoredFeedback } from './database';

/**
 * The reader's settings and feedback, read and written by the background
 * only (the content script asks it). Each write is one transaction.
 */

export async function readSettings(db: NewsContextDatabase): Promise<Settings> {
  const row = await db.settings.get('settings');
  // A row from an older or damaged version falls back to defaults field by field, never crashes.
  const parsed = settingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function updateSettings(
  db: NewsContextDatabase,
  change: (current: Settings) => Settings,
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = settingsSchema.parse(change(await readSettings(db)));
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}

export async function setSitePaused(db: NewsContextDatabase, site: string, paused: boolean): Promise<Settings> {
  return updateSettings(db, (settings) => ({
    ...settings,
    pausedSites: paused
      ? [...new Set([...settings.pausedSites, site])].sort()
      : settings.pausedSites.filter((paused) => paused !== site),
  }));
}

export async function setExtraSite(db: NewsContextDatabase, site: string, enabled: boolean): Promise<Settings> {
  return updateSettings(db, (settings) => ({
    ...settings,
    extraSites: enabled
      ? [...new Set([...settings.extraSites, site])].sort()
      : settings.extraSites.filter((extra) => extra !== site),
  }));
}

/**
 * Records "Not this" (for this site) or "Don't highlight this" (everywhere).
 * Saying the same twice keeps one record.
 */
export async function addFeedback(
  db: NewsContextDatabase,
  entityId: string,
  verdict: StoredFeedback['verdict'],
  site: string,
  now = Date.now(),
): Promise<void> {
  const scope = verdict === 'dont-highlight' ? '' : site;
  await db.transaction('rw', db.feedback, async () => {
    const existing = await db.feedback.where({ entityId, site: scope }).first();
    if (existing && existing.verdict === verdict) return;
    await db.feedback.add({ entityId, site: scope, verdict, createdAt: now });
  });
}

/** Entity ids not to highlight on `site`: muted everywhere, or "not this" here. */
export async function suppressedEntities(db: NewsContextDatabase, site: string): Promise<string[]> {
  const rows = await db.feedback.where('site').anyOf(['', site]).toArray();
  return [...new Set(rows.map((row) => row.entityId))].sort();
}

/**
 * Every hidden entity, as the reader decided it (issue #14): "Don't highlight
 * this" (everywhere) first, then "Not this" by site, oldest first within each.
 * The options page lists them so each can be undone.
 */
export async function readFeedback(db: NewsContextDatabase): Promise<StoredFeedback[]> {
  const rows = await db.feedback.toArray();
  const rank = (row: StoredFeedback) => (row.verdict === 'dont-highlight' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) || a.site.localeCompare(b.site) || a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0),
  );
}

/**
 * Shows hidden entities again: removes the feedback rows with these ids, and
 * every other row saying the same (an entity muted twice is unmuted at once).
 * Returns the rows removed, for Undo. One transaction.
 */
export async function removeFeedback(db: NewsContextDatabase, ids: readonly number[]): Promise<StoredFeedback[]> {
  return db.transaction('rw', db.feedback, async () => {
    const chosen = (await db.feedback.bulkGet([...ids])).filter((row) => row !== undefined);
    const same = new Set(chosen.map((row) => `${row.verdict}\u0000${row.entityId}\u0000${row.site}`));
    const removed = (
      await db.feedback
        .where('entityId')
        .anyOf(chosen.map((row) => row.entityId))
        .toArray()
    ).filter((row) => same.has(`${row.verdict}\u0000${row.entityId}\u0000${row.site}`));
    await db.feedback.bulkDelete(removed.map((row) => row.id as number));
    return removed;
  });
}

/** Undoes {@link removeFeedback}: the rows come back as they were (same ids and dates). One transaction. */
export async function restoreFeedback(db: NewsContextDatabase, rows: readonly StoredFeedback[]): Promise<void> {
  await db.transaction('rw', db.feedback, async () => {
    await db.feedback.bulkPut(rows.map((row) => ({ ...row })));
  });
}
