/**
 * Atomicity (issue #5): a failure at any write, a full disk included, leaves
 * the database exactly as it was. A Dexie middleware makes the Nth write of
 * an operation throw; fast-check draws N and the operation.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { readImportFile, sourceFromPaste } from '@/lib/import/import-sources';
import { CORPUS_PACK_FORMAT } from '@/lib/storage/corpus-pack';
import { NewsContextDatabase } from '@/lib/storage/database';
import { type CorpusStore, readImportCatalog } from '@/lib/storage/imported-corpus';
import { deleteArticles, resetToSeedCorpus, updateArticleMetadata } from '@/lib/storage/manage-articles';
import { acceptCandidate, mergeCandidate, saveEntity } from '@/lib/storage/reader-entities';
import {
  fileFrom,
  generatedArticle,
  generatedMarkdownFile,
  PACK_ONLY_ENTITY,
  snapshot,
  storeFor,
} from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};

/** Counts writes, and throws `failure` at write number `failAt` (1-based). */
class FailureInjector {
  writes = 0;
  failAt = Number.POSITIVE_INFINITY;
  failure: () => Error = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  install(db: NewsContextDatabase): void {
    const injector = this;
    db.use({
      stack: 'dbcore',
      name: 'failure-injection',
      create(down: DBCore): DBCore {
        return {
          ...down,
          table(name: string): DBCoreTable {
            const table = down.table(name);
            return {
              ...table,
              mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
                injector.writes++;
                if (injector.writes === injector.failAt) return Promise.reject(injector.failure());
                return table.mutate(request);
              },
            };
          },
        };
      },
    });
  }
}

type Operation = (store: CorpusStore) => Promise<unknown>;

/** Every kind of write the options page makes, each expected to be one transaction. */
const OPERATIONS: Record<string, Operation> = {
  'import a Markdown file': async (store) => {
    const catalog = await readImportCatalog(store.db, store.index);
    const { outcomes } = await importSources({ ...store, catalog }, [
      await readImportFile(generatedMarkdownFile(50), noHtml),
    ]);
    if (outcomes[0]?.status !== 'imported') throw new Error(outcomes[0]?.problems.at(-1)?.reason);
  },
  'import a corpus pack with entities, feedback and settings': async (store) => {
    const pack = {
      format: CORPUS_PACK_FORMAT,
      schemaVersion: 1,
      articles: [0, 1, 2].map((n) => {
        const { title, text, url, date } = generatedArticle(60 + n);
        return { title, text, url, published: date };
      }),
      entities: [{ entity: PACK_ONLY_ENTITY }],
      feedback: [{ entityId: 'tom-barrack', site: 'a.org', verdict: 'not-this', createdAt: 1 }],
      settings: { highlightMode: 'every', pausedSites: ['b.org'], extraSites: [] },
      candidateDecisions: [{ key: 'karim sfeir', decision: 'dismissed', decidedAt: 1 }],
    };
    const catalog = await readImportCatalog(store.db, store.index);
    const { outcomes } = await importSources({ ...store, catalog }, [
      await readImportFile(fileFrom('pack.json', JSON.stringify(pack)), noHtml),
    ]);
    if (outcomes[0]?.status !== 'imported') throw new Error(outcomes[0]?.problems.at(-1)?.reason);
  },
  'accept a candidate entity': async (store) => {
    const catalog = await readImportCatalog(store.db, store.index);
    const result = await acceptCandidate(
      store,
      { key: 'rania haddad', name: 'Rania Haddad' },
      { name: 'Rania Haddad', kind: 'person', aliases: ['Haddad'] },
      catalog,
    );
    if (!result.ok) throw new Error('refused');
  },
  'merge a candidate into a bundled entity': async (store) => {
    const catalog = await readImportCatalog(store.db, store.index);
    await mergeCandidate(store, { key: 'hizb', name: 'Hizb' }, 'hezbollah', catalog);
  },
  'edit an entity': async (store) => {
    const naqoura = store.index.entities.find((entity) => entity.id === 'naqoura');
    if (!naqoura) throw new Error('naqoura missing');
    await saveEntity(store, { ...naqoura, role: 'Edited role' });
  },
  'delete articles': async (store) => {
    const ids = (await store.db.articles.limit(2).toArray()).map((article) => article.id);
    await deleteArticles(store, ids);
  },
  'edit an article': async (store) => {
    const [article] = await store.db.articles.limit(1).toArray();
    if (!article) throw new Error('no article');
    await updateArticleMetadata(store, article.id, {
      title: 'New title',
      outlet: 'Other outlet',
      byline: '',
      date: '2025-12',
      url: 'https://example.org/new',
      language: 'en',
    });
  },
  'reset to the seed corpus': async (store) => {
    await resetToSeedCorpus(store);
  },
};

let counter = 0;

/** A database with data in every table, and the injector installed (inactive). */
async function populatedStore(): Promise<{ store: CorpusStore; injector: FailureInjector; db: NewsContextDatabase }> {
  counter++;
  const db = new NewsContextDatabase(`atomicity-${counter}-${Math.random()}`);
  const injector = new FailureInjector();
  injector.install(db);
  await db.open();
  const store = storeFor(db);
  const catalog = await readImportCatalog(db, store.index);
  await importSources({ ...store, catalog }, [
    ...(await Promise.all([1, 2, 3].map((n) => readImportFile(generatedMarkdownFile(n), noHtml)))),
    sourceFromPaste({ title: 'Pasted', text: 'Joseph Aoun spoke in Tyre. Karim Sfeir listened.' }),
  ]);
  await db.feedback.add({ entityId: 'israel-katz', site: '', verdict: 'dont-highlight', createdAt: 3 });
  await db.settings.put({ key: 'settings', value: { highlightMode: 'first', pausedSites: [], extraSites: [] } });
  await db.candidateDecisions.put({ key: 'baabda', decision: 'dismissed', decidedAt: 4 });
  const naqoura = store.index.entities.find((entity) => entity.id === 'naqoura');
  if (naqoura) await saveEntity(store, { ...naqoura, background: 'The reader’s note.' });
  injector.writes = 0;
  return { store, injector, db };
}

/** How many writes an operation makes on a populated database. */
async function writesOf(operation: Operation): Promise<number> {
  const { store, injector, db } = await populatedStore();
  await operation(store);
  const writes = injector.writes;
  await db.delete();
  return writes;
}

describe('atomicity', () => {
  it('every write operation leaves the database exactly as it was when any of its writes fails', async () => {
    const writeCounts = new Map<string, number>();
    for (const [name, operation] of Object.entries(OPERATIONS)) writeCounts.set(name, await writesOf(operation));
    for (const [name, writes] of writeCounts) expect(writes, `${name} writes`).toBeGreaterThan(0);

    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(OPERATIONS)).chain((name) =>
          fc.record({
            name: fc.constant(name),
            failAt: fc.integer({ min: 1, max: writeCounts.get(name) ?? 1 }),
            failure: fc.constantFrom('QuotaExceededError', 'UnknownError', 'ConstraintError', 'plain Error'),
          }),
        ),
        async ({ name, failAt, failure }) => {
          runs++;
          const { store, injector, db } = await populatedStore();
          const before = await snapshot(db);
          injector.failAt = failAt;
          injector.failure = () =>
            failure === 'plain Error' ? new Error('injected') : new DOMException('injected', failure);
          let failed = false;
          try {
            await (OPERATIONS[name] as Operation)(store);
          } catch {
            failed = true;
          }
          injector.failAt = Number.POSITIVE_INFINITY;
          expect(failed, `${name} reports the failure at write ${failAt}`).toBe(true);
          expect(await snapshot(db), `${name}, failing at write ${failAt}`).toEqual(before);
          await db.delete();
        },
      ),
      { numRuns: 60 },
    );
    console.log(
      `News Context atomicity: ${runs} injected failures over ${writeCounts.size} operations (${[...writeCounts].map(([name, writes]) => `${name}: ${writes} writes`).join('; ')}), 0 partial writes`,
    );
  }, 300_000);
});
