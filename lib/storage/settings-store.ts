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
