import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { backgroundRequest, catalogChangedMessage } from '@/lib/extension/messages';
import { importSources } from '@/lib/import/import-articles';
import { sourceFromPaste } from '@/lib/import/import-sources';
import type { CorpusIndex } from '@/lib/model/index-schema';
import { readCandidates, replaceCandidates } from '@/lib/storage/candidate-store';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { importedExcerptsOf, readImportCatalog } from '@/lib/storage/imported-corpus';
import {
  acceptCandidate,
  aliasesFrom,
  deleteEntity,
  dismissCandidate,
  entityIdFor,
  mergeCandidate,
  removeEntity,
  restoreEntity,
  saveEntity,
} from '@/lib/storage/reader-entities';
import { contextFor, freshDatabase, index, storeFor } from '../../support/import-fixtures';

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('entities');
});
afterEach(async () => {
  await db.delete();
});

const TEXT =
  'Karim Sfeir met Joseph Aoun in Baabda on Monday.\n\nKarim Sfeir said the talks went well. Baabda was quiet.';

async function withArticle() {
  const context = await contextFor(db);
  await importSources(context, [sourceFromPaste({ title: 'Envoy in Baabda', text: TEXT })]);
  return readImportCatalog(db, index);
}

describe('the reader’s entities', () => {
  it('accepting a candidate creates an entity that matches imported articles at once', async () => {
    const catalog = await withArticle();
    const result = await acceptCandidate(
      storeFor(db),
      { key: 'karim sfeir', name: 'Karim Sfeir' },
      { name: 'Karim Sfeir', kind: 'person', aliases: ['Sfeir', ' ', 'karim sfeir'], role: 'Envoy' },
      catalog,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.entityId).toBe('karim-sfeir');
    const stored = await db.entities.get('karim-sfeir');
    expect(stored).toMatchObject({ origin: 'user', entity: { name: 'Karim Sfeir', kind: 'person', role: 'Envoy' } });
    expect(stored?.entity.aliases.map((alias) => alias.text)).toEqual(['Karim Sfeir', 'Sfeir']);
    expect(await db.candidateDecisions.get('karim sfeir')).toMatchObject({
      decision: 'accepted',
      entityId: 'karim-sfeir',
    });
    // Its excerpts exist the moment it is accepted: cards quote the reader's article.
    const { excerpts } = await importedExcerptsOf(db, 'karim-sfeir');
    expect(excerpts.map((excerpt) => excerpt.text)).toEqual([
      'Karim Sfeir met Joseph Aoun in Baabda on Monday.',
      'Karim Sfeir said the talks went well.',
    ]);
    // And the new catalog highlights it.
    expect(result.catalog.matcher.match('Then Karim Sfeir left.').map((match) => match.entityId)).toEqual([
      'karim-sfeir',
    ]);
  });

  it('explains a refused entity field by field', async () => {
    const catalog = await withArticle();
    const result = await acceptCandidate(
      storeFor(db),
      { key: 'baabda', name: 'Baabda' },
      { name: 'Baabda talks', kind: 'event', aliases: [], date: 'soon' },
      catalog,
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toContain('date › start');
    expect(await db.entities.count()).toBe(0);
  });

  it('merging adds an alias; on a bundled entity it is stored as the reader’s override', async () => {
    const catalog = await withArticle();
    const result = await mergeCandidate(storeFor(db), { key: 'baabda', name: 'Baabda' }, 'beirut', catalog);
    if (!result.ok) throw new Error('refused');
    const stored = await db.entities.get('beirut');
    expect(stored?.origin).toBe('override');
    expect(stored?.entity.aliases.map((alias) => alias.text)).toContain('Baabda');
    expect(await db.candidateDecisions.get('baabda')).toMatchObject({ decision: 'merged', entityId: 'beirut' });
    expect(
      await db.mentions.where({ articleId: (await db.articles.toArray())[0]?.id, entityId: 'beirut' }).count(),
    ).toBe(1);
  });

  it('dismissing remembers the decision', async () => {
    await dismissCandidate(storeFor(db), 'baabda');
    expect(await db.candidateDecisions.get('baabda')).toMatchObject({ decision: 'dismissed' });
  });

  it('edits of bundled entities survive a rebuild of the bundled index, and can be undone', async () => {
    const naqoura = index.entities.find((entity) => entity.id === 'naqoura');
    if (!naqoura) throw new Error('naqoura missing');
    const edit = {
      ...naqoura,
      role: 'Edited by the reader',
      aliases: [...naqoura.aliases, { text: 'Nakoura', lang: 'en' as const }],
    };
    const saved = await saveEntity(storeFor(db), edit);
    expect(saved.ok).toBe(true);
    // A rebuilt bundle: same ids, different curated text.
    const rebuilt: CorpusIndex = {
      ...index,
      entities: index.entities.map((entity) =>
        entity.id === 'naqoura' ? { ...entity, role: 'New curated role' } : entity,
      ),
    };
    const catalog = new CorpusCatalog({ index: rebuilt, userEntities: await db.entities.toArray() });
    expect(catalog.entityById.get('naqoura')?.role).toBe('Edited by the reader');
    expect(catalog.entityById.get('naqoura')?.aliases.map((alias) => alias.text)).toContain('Nakoura');

    await deleteEntity(storeFor(db), 'naqoura');
    const restored = new CorpusCatalog({ index: rebuilt, userEntities: await db.entities.toArray() });
    expect(restored.entityById.get('naqoura')?.role).toBe('New curated role');
  });

  it('refuses an invalid edit with readable reasons, storing nothing', async () => {
    const naqoura = index.entities.find((entity) => entity.id === 'naqoura');
    if (!naqoura) throw new Error('naqoura missing');
    const result = await saveEntity(storeFor(db), { ...naqoura, role: '', aliases: [] }, 'Naqoura');
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'Naqoura', field: 'aliases', reason: 'needs at least one alias' },
      { file: 'Naqoura', field: 'role', reason: 'cannot be empty' },
    ]);
    expect(await db.entities.count()).toBe(0);
  });

  it('makes ids and aliases the way the knowledge base spells them', () => {
    expect(entityIdFor('Morgan Ortagus', new Set())).toBe('morgan-ortagus');
    expect(entityIdFor('Élysée Palace', new Set(['elysee-palace']))).toBe('elysee-palace-2');
    expect(entityIdFor('بعبدا', new Set())).toBe('entity');
    expect(aliasesFrom(['Baabda', 'baabda', 'بعبدا']).map((alias) => [alias.text, alias.lang])).toEqual([
      ['Baabda', 'en'],
      ['بعبدا', 'ar'],
    ]);
  });

  it('tells the background through a validated message', () => {
    expect(backgroundRequest.safeParse({ type: 'catalog/changed' }).success).toBe(true);
    expect(catalogChangedMessage.safeParse({ type: 'catalog/changed', extra: 1 }).success).toBe(false);
  });
});

describe('deleting an entity, and its Undo (issue #14)', () => {
  const candidate = {
    key: 'karim sfeir',
    name: 'Karim Sfeir',
    kind: 'person' as const,
    count: 2,
    articleCount: 1,
    examples: [],
  };

  it('proposes the candidate again once the entity made from it is deleted, and Undo brings both back', async () => {
    const catalog = await withArticle();
    await replaceCandidates(db, [candidate]);
    const accepted = await acceptCandidate(
      storeFor(db),
      candidate,
      { name: 'Karim Sfeir', kind: 'person', aliases: [] },
      catalog,
    );
    if (!accepted.ok) throw new Error('refused');
    expect(await readCandidates(db)).toEqual([]);
    const excerpts = (await importedExcerptsOf(db, accepted.entityId)).excerpts.length;
    expect(excerpts).toBeGreaterThan(0);

    const { catalog: after, removed } = await removeEntity(storeFor(db), accepted.entityId);
    expect(after.entityById.has(accepted.entityId)).toBe(false);
    expect((await readCandidates(db)).map((entry) => entry.key)).toEqual(['karim sfeir']);
    expect((await importedExcerptsOf(db, accepted.entityId)).excerpts).toEqual([]);

    const undone = await restoreEntity(storeFor(db), removed);
    expect(undone.restored).toBe(true);
    expect(undone.catalog.entityById.get(accepted.entityId)?.name).toBe('Karim Sfeir');
    expect(await readCandidates(db)).toEqual([]);
    expect((await importedExcerptsOf(db, accepted.entityId)).excerpts.length).toBe(excerpts);
  });

  it('restoring the bundled version also frees a candidate merged into the edit; Undo restores the edit', async () => {
    const catalog = await withArticle();
    await mergeCandidate(storeFor(db), { key: 'nakoura', name: 'Nakoura' }, 'naqoura', catalog);
    const { removed } = await removeEntity(storeFor(db), 'naqoura');
    expect(await db.candidateDecisions.get('nakoura')).toBeUndefined();
    expect(removed.stored?.origin).toBe('override');
    await restoreEntity(storeFor(db), removed);
    expect((await db.entities.get('naqoura'))?.entity.aliases.map((alias) => alias.text)).toContain('Nakoura');
    expect((await db.candidateDecisions.get('nakoura'))?.decision).toBe('merged');
  });

  it('does not overwrite an entity saved under the same id after the deletion', async () => {
    const naqoura = index.entities.find((entity) => entity.id === 'naqoura');
    if (!naqoura) throw new Error('naqoura missing');
    await saveEntity(storeFor(db), { ...naqoura, role: 'First edit' });
    const { removed } = await removeEntity(storeFor(db), 'naqoura');
    await saveEntity(storeFor(db), { ...naqoura, role: 'Second edit' });
    expect((await restoreEntity(storeFor(db), removed)).restored).toBe(false);
    expect((await db.entities.get('naqoura'))?.entity.role).toBe('Second edit');
  });
});
