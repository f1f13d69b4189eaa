import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitPreparedFiles } from '@/lib/import/commit-import';
import { readImportFile } from '@/lib/import/import-sources';
import {
  choosePackEffects,
  defaultPackChoices,
  listPackEffects,
  readPackEffectContext,
} from '@/lib/import/pack-effects';
import { prepareImport } from '@/lib/import/prepare-import';
import { CORPUS_PACK_FORMAT } from '@/lib/storage/corpus-pack';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { readSettings } from '@/lib/storage/settings-store';
import { contextFor, fileFrom, freshDatabase, index } from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('effects');
});
afterEach(async () => {
  await db.delete();
});

const hezbollah = index.entities.find((entity) => entity.id === 'hezbollah');
if (!hezbollah) throw new Error('the bundled knowledge base lost Hezbollah');

/** The pack issue #14 found: its preview said "0 articles · 2 entities", and it did five other things. */
function hostilePack() {
  return {
    format: CORPUS_PACK_FORMAT,
    schemaVersion: 1,
    articles: [],
    entities: [
      {
        entity: { ...hezbollah, role: 'Rewritten by a pack', background: 'Rewritten background.' },
        updatedAt: Number.MAX_SAFE_INTEGER,
      },
      {
        entity: {
          id: 'morgan-ortagus',
          kind: 'person',
          name: 'Morgan Ortagus',
          aliases: [{ text: 'Morgan Ortagus' }, { text: 'Ortagus' }],
          role: 'US deputy envoy',
          background: 'A US envoy in the talks.',
        },
      },
    ],
    feedback: [{ entityId: 'naqoura', site: '', verdict: 'dont-highlight', createdAt: 1 }],
    settings: { highlightMode: 'every', pausedSites: ['naharnet.com', 'lorientlejour.com'], extraSites: [] },
  };
}

async function prepare(pack: unknown) {
  const context = await contextFor(db);
  const source = await readImportFile(fileFrom('shared.json', JSON.stringify(pack)), noHtml);
  const [file] = await prepareImport(context, [source]);
  if (!file) throw new Error('nothing prepared');
  return { context, file };
}

describe('a corpus pack’s effects', () => {
  it('lists every effect by kind, with a diff for an override, and ticks only the safe ones', async () => {
    const { file } = await prepare(hostilePack());
    expect(file.problems).toEqual([]);
    const effects = listPackEffects(file.pack ?? fail(), await readPackEffectContext(db, index.entities));
    expect(effects.map((effect) => [effect.kind, effect.label, effect.defaultOn])).toEqual([
      ['entity-override', 'Hezbollah', false],
      ['new-entity', 'Morgan Ortagus', true],
      ['mute', 'Naqoura', false],
      ['paused-site', 'naharnet.com', false],
      ['paused-site', 'lorientlejour.com', false],
      ['highlight-mode', 'Highlight', false],
    ]);
    const override = effects[0];
    expect(override?.changes).toEqual([
      `role: “${hezbollah.role}” → “Rewritten by a pack”`.replace(/“(.{79}).+?”/, '“$1…”'),
      expect.stringMatching(/^background: “.+” → “Rewritten background\.”$/),
    ]);
  });

  it('imports only the new entity by default: the bundled card, mutes and settings stay as they were', async () => {
    const { context, file } = await prepare(hostilePack());
    const settingsBefore = await readSettings(db);
    const effects = listPackEffects(file.pack ?? fail(), await readPackEffectContext(db, index.entities));
    const chosen = choosePackEffects(file.pack ?? fail(), defaultPackChoices(effects), settingsBefore);
    const { outcomes } = await commitPreparedFiles(context, [{ ...file, pack: chosen }]);
    expect(outcomes[0]?.status).toBe('imported');
    expect((await db.entities.toArray()).map((row) => row.id)).toEqual(['morgan-ortagus']);
    expect(await db.feedback.count()).toBe(0);
    expect(await readSettings(db)).toEqual(settingsBefore);
  });

  it('applies what the reader ticks, with a far-future time clamped to now', async () => {
    const now = 1_773_133_200_000;
    const { context, file } = await prepare(hostilePack());
    const effects = listPackEffects(file.pack ?? fail(), await readPackEffectContext(db, index.entities));
    const all = new Set(effects.map((effect) => effect.id));
    const chosen = choosePackEffects(file.pack ?? fail(), all, await readSettings(db));
    await commitPreparedFiles(context, [{ ...file, pack: chosen }]);
    const override = await db.entities.get('hezbollah');
    expect(override?.entity.role).toBe('Rewritten by a pack');
    expect(override?.updatedAt).toBeLessThanOrEqual(Date.now());
    expect(override?.updatedAt).not.toBe(Number.MAX_SAFE_INTEGER);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(await readSettings(db)).toEqual({
      highlightMode: 'every',
      pausedSites: ['lorientlejour.com', 'naharnet.com'],
      extraSites: [],
    });
    expect((await db.feedback.toArray()).map((row) => row.entityId)).toEqual(['naqoura']);
  });

  it('lists nothing for what the reader already has', async () => {
    const { file } = await prepare({ ...hostilePack(), entities: [{ entity: hezbollah }] });
    await db.settings.put({
      key: 'settings',
      value: { highlightMode: 'every', pausedSites: ['lorientlejour.com', 'naharnet.com'], extraSites: [] },
    });
    await db.feedback.add({ entityId: 'naqoura', site: '', verdict: 'dont-highlight', createdAt: 5 });
    expect(listPackEffects(file.pack ?? fail(), await readPackEffectContext(db, index.entities))).toEqual([]);
  });

  it('refuses an entity whose aliases are stop words, naming the field', async () => {
    const pack = hostilePack();
    pack.entities.push({
      entity: {
        id: 'noise',
        kind: 'person',
        name: 'Noise',
        aliases: [{ text: 'the' }, { text: 'a' }, { text: 'of' }, { text: 'and' }],
        role: 'Noise',
        background: 'Noise.',
      },
    });
    const { file } = await prepare(pack);
    expect(file.pack).toBeUndefined();
    expect(file.problems.map((problem) => problem.field)).toEqual([
      'entity 3 › alias 1 › text',
      'entity 3 › alias 2 › text',
      'entity 3 › alias 3 › text',
      'entity 3 › alias 4 › text',
    ]);
  });
});

function fail(): never {
  throw new Error('the pack did not parse');
}
