import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, siteOf } from '@/lib/model/settings';
import { NewsContextDatabase } from '@/lib/storage/database';
import {
  addFeedback,
  readFeedback,
  readSettings,
  removeFeedback,
  restoreFeedback,
  setExtraSite,
  setSitePaused,
  suppressedEntities,
  updateSettings,
} from '@/lib/storage/settings-store';

let db: NewsContextDatabase;
beforeEach(async () => {
  db = new NewsContextDatabase(`reader-store-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('settings', () => {
  it('start from the defaults: first mention per entity, nothing paused', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.highlightMode).toBe('first');
  });

  it('pause and resume a site, and remember opted-in sites, without duplicates', async () => {
    await setSitePaused(db, 'naharnet.com', true);
    await setSitePaused(db, 'naharnet.com', true);
    expect((await readSettings(db)).pausedSites).toEqual(['naharnet.com']);
    await setSitePaused(db, 'naharnet.com', false);
    expect((await readSettings(db)).pausedSites).toEqual([]);
    await setExtraSite(db, 'example.org', true);
    expect((await readSettings(db)).extraSites).toEqual(['example.org']);
  });

  it('refuse an invalid change and keep what was stored', async () => {
    await updateSettings(db, (settings) => ({ ...settings, highlightMode: 'every' }));
    await expect(
      updateSettings(db, (settings) => ({ ...settings, highlightMode: 'sometimes' as 'every' })),
    ).rejects.toThrow();
    expect((await readSettings(db)).highlightMode).toBe('every');
  });

  it('fall back to defaults for a damaged row', async () => {
    await db.settings.put({ key: 'settings', value: { highlightMode: 42 } as never });
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('feedback', () => {
  it('"Not this" hides an entity on one site; "Don\'t highlight this" everywhere', async () => {
    await addFeedback(db, 'tom-barrack', 'not-this', 'example-food.com');
    await addFeedback(db, 'israel-katz', 'dont-highlight', 'naharnet.com');
    expect(await suppressedEntities(db, 'example-food.com')).toEqual(['israel-katz', 'tom-barrack']);
    expect(await suppressedEntities(db, 'naharnet.com')).toEqual(['israel-katz']);
  });

  it('keeps one record when the same feedback is given twice', async () => {
    await addFeedback(db, 'tom-barrack', 'not-this', 'a.com');
    await addFeedback(db, 'tom-barrack', 'not-this', 'a.com');
    expect(await db.feedback.count()).toBe(1);
  });
});

describe('siteOf', () => {
  it('treats www and bare hosts as one site', () => {
    expect(siteOf('https://www.naharnet.com/news/1')).toBe('naharnet.com');
    expect(siteOf('https://naharnet.com/')).toBe('naharnet.com');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('hidden entities (issue #14)', () => {
  it('lists every mute and "not this", unmutes one (and its repeats), and undoes the unmute exactly', async () => {
    await addFeedback(db, 'tom-barrack', 'not-this', 'example.org', 30);
    await addFeedback(db, 'naqoura', 'dont-highlight', 'naharnet.com', 20);
    await addFeedback(db, 'hezbollah', 'dont-highlight', 'example.org', 10);
    // A pack of an older version could hold the same mute twice: one Unmute clears both.
    await db.feedback.add({ entityId: 'naqoura', site: '', verdict: 'dont-highlight', createdAt: 40 });
    const listed = await readFeedback(db);
    expect(listed.map((row) => [row.verdict, row.entityId, row.site])).toEqual([
      ['dont-highlight', 'hezbollah', ''],
      ['dont-highlight', 'naqoura', ''],
      ['dont-highlight', 'naqoura', ''],
      ['not-this', 'tom-barrack', 'example.org'],
    ]);
    const before = await db.feedback.toArray();
    expect(await suppressedEntities(db, 'example.org')).toEqual(['hezbollah', 'naqoura', 'tom-barrack']);

    const naqoura = listed.find((row) => row.entityId === 'naqoura');
    const removed = await removeFeedback(db, [naqoura?.id ?? -1]);
    expect(removed.map((row) => row.createdAt).sort()).toEqual([20, 40]);
    expect(await suppressedEntities(db, 'example.org')).toEqual(['hezbollah', 'tom-barrack']);

    await restoreFeedback(db, removed);
    expect(await db.feedback.toArray()).toEqual(before);
  });

  it('unmuting a "not this" on one site leaves the same entity muted everywhere and on other sites', async () => {
    await addFeedback(db, 'tom-barrack', 'not-this', 'a.org', 1);
    await addFeedback(db, 'tom-barrack', 'not-this', 'b.org', 2);
    await addFeedback(db, 'tom-barrack', 'dont-highlight', 'c.org', 3);
    const onA = (await readFeedback(db)).find((row) => row.site === 'a.org');
    expect((await removeFeedback(db, [onA?.id ?? -1])).map((row) => row.site)).toEqual(['a.org']);
    expect((await readFeedback(db)).map((row) => `${row.verdict}@${row.site}`)).toEqual([
      'dont-highlight@',
      'not-this@b.org',
    ]);
  });
});
