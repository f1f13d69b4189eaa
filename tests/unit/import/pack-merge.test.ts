import { describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { hasPackData, mergePackEntities, mergePackReaderData } from '@/lib/import/pack-merge';
import { CORPUS_PACK_FORMAT, corpusPackSchema } from '@/lib/storage/corpus-pack';
import { importedExcerptsOf } from '@/lib/storage/imported-corpus';
import { readSettings } from '@/lib/storage/settings-store';
import {
  contextFor,
  databasePerTest,
  fileFrom,
  index,
  PACK_ONLY_ENTITY,
  sourcesOf,
} from '../../support/import-fixtures';

/** A corpus pack merged into the stored data (lib/import/pack-merge.ts). */

const database = databasePerTest();

describe('merging a corpus pack', () => {
  it('imports a corpus pack’s entities with its articles, matched with them in the same transaction', async () => {
    const db = database();
    const context = await contextFor(db);
    const pack = {
      format: CORPUS_PACK_FORMAT,
      schemaVersion: 1,
      articles: [{ title: 'Envoy visits', text: 'Morgan Ortagus met Joseph Aoun in Baabda.' }],
      entities: [{ entity: PACK_ONLY_ENTITY }],
    };
    const { outcomes, catalog } = await importSources(
      context,
      await sourcesOf(fileFrom('p.json', JSON.stringify(pack))),
    );
    expect(outcomes[0]).toMatchObject({ status: 'imported', entities: 1 });
    expect(catalog.entityById.get('morgan-ortagus')?.name).toBe('Morgan Ortagus');
    expect((await db.entities.get('morgan-ortagus'))?.origin).toBe('user');
    expect((await importedExcerptsOf(db, 'morgan-ortagus')).excerpts).toHaveLength(1);
  });

  it('keeps the newer entity edit and never dates one in the future', async () => {
    const db = database();
    const bundled = index.entities[0];
    if (!bundled) throw new Error('no bundled entity');
    const entity = { ...bundled, id: 'morgan-ortagus', role: 'US deputy envoy' };
    const now = 1_000_000;
    expect(await mergePackEntities(db, index, [{ entity, updatedAt: now * 10 }], now)).toEqual(['morgan-ortagus']);
    expect((await db.entities.get('morgan-ortagus'))?.updatedAt).toBe(now);
    // An older pack loses to the stored edit.
    expect(
      await mergePackEntities(db, index, [{ entity: { ...entity, role: 'old' }, updatedAt: now - 1 }], now),
    ).toEqual([]);
    expect((await db.entities.get('morgan-ortagus'))?.entity.role).toBe('US deputy envoy');
    // A bundled entity's id becomes an override.
    await mergePackEntities(db, index, [{ entity: bundled }], now);
    expect((await db.entities.get(bundled.id))?.origin).toBe('override');
  });

  it('merges settings lists, adds feedback only once, and says whether a pack brings more than articles', async () => {
    const db = database();
    const pack = corpusPackSchema.parse({
      format: CORPUS_PACK_FORMAT,
      schemaVersion: 1,
      articles: [],
      settings: { highlightMode: 'first', pausedSites: ['b.example', 'a.example'], extraSites: [] },
      feedback: [{ entityId: 'hezbollah', site: 'a.example', verdict: 'not-this', createdAt: 1_773_133_200_000 }],
    });
    expect(hasPackData(pack)).toBe(true);
    expect(hasPackData({ ...pack, settings: undefined, feedback: [] })).toBe(false);
    expect(hasPackData(undefined)).toBe(false);
    await db.transaction('rw', db.tables, async () => {
      await mergePackReaderData(db, pack);
      await mergePackReaderData(db, pack);
    });
    expect((await readSettings(db)).pausedSites).toEqual(['a.example', 'b.example']);
    expect(await db.feedback.count()).toBe(1);
  });
});
