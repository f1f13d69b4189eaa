import { beforeEach, describe, expect, it } from 'vitest';
import {
  readCandidates,
  readDecisions,
  type StoredCandidate,
  saveLook,
  undoDecision,
} from '@/lib/storage/candidate-store';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { readImportCatalog } from '@/lib/storage/imported-corpus';
import {
  acceptCandidate,
  createEntity,
  dismissCandidate,
  mergeCandidate,
  newEntityNameProblem,
} from '@/lib/storage/reader-entities';
import { freshDatabase, index, storeFor } from '../../support/import-fixtures';

function candidate(key: string, name: string, count: number, extra: Partial<StoredCandidate> = {}): StoredCandidate {
  return { key, name, kind: 'person', count, articleCount: 1, examples: [], ...extra };
}

describe('stored candidates', () => {
  let db: NewsContextDatabase;
  beforeEach(async () => {
    db = await freshDatabase('candidates');
  });

  it('keeps the last look’s candidates, most mentioned first, and replaces them whole', async () => {
    await saveLook(db, [], [candidate('simon karam', 'Simon Karam', 2), candidate('uri resnick', 'Uri Resnick', 3)]);
    expect((await readCandidates(db)).map((found) => found.name)).toEqual(['Uri Resnick', 'Simon Karam']);
    await saveLook(db, [], [candidate('morgan ortagus', 'Morgan Ortagus', 1)]);
    expect((await readCandidates(db)).map((found) => found.name)).toEqual(['Morgan Ortagus']);
  });

  it('leaves out decided candidates, and Undo of a dismissal proposes it again', async () => {
    const store = storeFor(db);
    await saveLook(db, [], [candidate('simon karam', 'Simon Karam', 2)]);
    await dismissCandidate(store, 'simon karam');
    expect(await readCandidates(db)).toEqual([]);
    expect((await readDecisions(db)).map((decision) => decision.decision)).toEqual(['dismissed']);
    const catalog = await readImportCatalog(db, index);
    expect(await undoDecision(store, 'simon karam', catalog)).toBe(catalog);
    expect((await readCandidates(db)).map((found) => found.name)).toEqual(['Simon Karam']);
  });

  it('adds an accepted person with role and a surname-only alias, and Undo deletes the entity', async () => {
    const store = storeFor(db);
    const karam = candidate('simon karam', 'Simon Karam', 2, { role: 'former ambassador', surname: 'Karam' });
    const change = await acceptCandidate(
      store,
      karam,
      { name: 'Simon Karam', kind: 'person', aliases: [], surnames: ['Karam'], role: 'former ambassador' },
      await readImportCatalog(db, index),
    );
    if (!change.ok) throw new Error(JSON.stringify(change.problems));
    const entity = change.catalog.entityById.get('simon-karam');
    expect(entity?.role).toBe('former ambassador');
    expect(entity?.aliases).toEqual([
      { text: 'Simon Karam', lang: 'en' },
      { text: 'Karam', lang: 'en', ambiguous: true },
    ]);
    // The surname alone links after the full name, not on its own.
    expect(change.catalog.matcher.match('Simon Karam arrived. Karam spoke.').map((m) => m.entityId)).toEqual([
      'simon-karam',
      'simon-karam',
    ]);
    expect(change.catalog.matcher.match('Karam spoke.')).toEqual([]);
    const after = await undoDecision(store, 'simon karam', change.catalog);
    expect(after.entityById.has('simon-karam')).toBe(false);
    expect(await db.candidateDecisions.count()).toBe(0);
  });

  it('Undo of a merge takes the alias off the entity', async () => {
    const store = storeFor(db);
    const change = await mergeCandidate(
      store,
      candidate('president aoun', 'President Aoun', 2),
      'joseph-aoun',
      await readImportCatalog(db, index),
    );
    if (!change.ok) throw new Error('merge failed');
    expect(change.catalog.entityById.get('joseph-aoun')?.aliases.map((alias) => alias.text)).toContain(
      'President Aoun',
    );
    const after = await undoDecision(store, 'president aoun', change.catalog);
    expect(after.entityById.get('joseph-aoun')?.aliases.map((alias) => alias.text)).not.toContain('President Aoun');
  });
});

describe('a new entity from scratch', () => {
  it('creates a person with a surname-only alias, and refuses bad names with a clear reason, changing nothing', async () => {
    const db = await freshDatabase('new-entity');
    const store = storeFor(db);
    const catalog = await readImportCatalog(db, index);
    for (const [name, reason] of [
      ['', /is empty/],
      ['   ', /is empty/],
      ['word '.repeat(500), /at most 120/],
      ['the', /no capital letter/],
      ['Hezbollah', /already a name of Hezbollah/],
      ['Aoun', /already a name of (Joseph|Michel) Aoun/],
    ] as const) {
      const result = await createEntity(store, { name, kind: 'person', aliases: [] }, catalog);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.problems[0]?.reason).toMatch(reason);
    }
    expect(await db.entities.count()).toBe(0);

    const result = await createEntity(
      store,
      {
        name: 'Uri Resnick',
        kind: 'person',
        aliases: ['אורי רזניק'],
        surnames: ['Resnick'],
        role: 'Israeli NSC official',
      },
      catalog,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.catalog.entityById.get('uri-resnick')?.aliases).toEqual([
      { text: 'Uri Resnick', lang: 'en' },
      { text: 'אורי רזניק', lang: 'he' },
      { text: 'Resnick', lang: 'en', ambiguous: true },
    ]);
    expect(newEntityNameProblem('Resnick', result.catalog)).toMatch(/already a name of Uri Resnick/);
  });
});
