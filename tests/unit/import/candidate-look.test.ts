import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookForCandidates } from '@/lib/import/candidate-look';
import { importSources } from '@/lib/import/import-articles';
import { type ImportSource, readImportFile } from '@/lib/import/import-sources';
import { readCandidates } from '@/lib/storage/candidate-store';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { readImportCatalog } from '@/lib/storage/imported-corpus';
import { deleteArticles } from '@/lib/storage/manage-articles';
import { contextFor, fileFrom, freshDatabase, index, storeFor } from '../../support/import-fixtures';

/**
 * Looks after successive imports (issue #11): each reads only the new
 * articles, pending candidates of earlier imports stay, a name written once
 * in each of two imports is proposed, and deleting an article takes its
 * names with it without reading anything again.
 */
const noHtml = () => {
  throw new Error('no HTML in this test');
};

const FIRST = `Talks in Naqoura\n\nThe meeting was chaired by US envoy Morgan Ortagus. Rania Haddad, a journalist, watched from Beirut. Officials said Karim Sfeir would attend.`;
const SECOND = `After the talks\n\nLebanon's delegation returned to Beirut. Karim Sfeir said little to reporters on the way out.`;
const THIRD = `A quiet week\n\nNothing new was said by Hezbollah about the talks this week.`;

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('look');
});
afterEach(async () => {
  await db.delete();
});

async function importText(name: string, text: string): Promise<string> {
  const source: ImportSource = await readImportFile(fileFrom(name, text), noHtml);
  const { outcomes } = await importSources(await contextFor(db), [source]);
  expect(outcomes[0]?.status).toBe('imported');
  const article = await db.articles.orderBy('importedAt').last();
  return article?.id ?? '';
}

async function look(rescan = false) {
  const catalog = await readImportCatalog(db, index);
  const decided = (await db.candidateDecisions.toArray()).map((decision) => decision.key);
  return lookForCandidates(db, { matcherSpec: catalog.matcherSpec, decidedKeys: decided, maxChars: 1_000_000, rescan });
}

const names = async () => (await readCandidates(db)).map((candidate) => candidate.name).sort();

describe('looking for candidates import after import', () => {
  it('reads only new articles, keeps earlier candidates, and remembers every article that names one', async () => {
    const first = await importText('first.txt', FIRST);
    expect(await look()).toMatchObject({ articlesRead: 1, articlesKept: 0, partial: false });
    // Karim Sfeir is written once, bare: not yet a candidate.
    expect(await names()).toEqual(['Morgan Ortagus', 'Rania Haddad']);

    const second = await importText('second.txt', SECOND);
    expect(await look()).toMatchObject({ articlesRead: 1, articlesKept: 1 });
    expect(await names()).toEqual(['Karim Sfeir', 'Morgan Ortagus', 'Rania Haddad']);
    const sfeir = (await readCandidates(db)).find((candidate) => candidate.name === 'Karim Sfeir');
    expect(sfeir).toMatchObject({ articleCount: 2 });
    expect(new Set(sfeir?.articleIds)).toEqual(new Set([first, second]));

    // A look with nothing new reads nothing and changes nothing.
    const before = await readCandidates(db);
    expect(await look()).toMatchObject({ articlesRead: 0, articlesKept: 2 });
    expect(await readCandidates(db)).toEqual(before);

    await importText('third.txt', THIRD);
    expect(await look()).toMatchObject({ articlesRead: 1, articlesKept: 2 });
    expect(await names()).toEqual(['Karim Sfeir', 'Morgan Ortagus', 'Rania Haddad']);
  });

  it('drops a deleted article’s names without reading the others again, and a rescan reads everything', async () => {
    const first = await importText('first.txt', FIRST);
    await importText('second.txt', SECOND);
    await look();
    await deleteArticles(storeFor(db), [first]);
    expect(await look()).toMatchObject({ articlesRead: 0, articlesKept: 1 });
    expect(await names()).toEqual([]);
    expect(await db.candidateSightings.count()).toBe(1);
    expect(await look(true)).toMatchObject({ articlesRead: 1, articlesKept: 0 });
  });

  it('reads what the size bound left unread at the next look', async () => {
    await importText('first.txt', FIRST);
    await importText('second.txt', SECOND);
    const catalog = await readImportCatalog(db, index);
    const bounded = await lookForCandidates(db, { matcherSpec: catalog.matcherSpec, decidedKeys: [], maxChars: 10 });
    expect(bounded).toMatchObject({ articlesRead: 1, partial: true });
    expect(await look()).toMatchObject({ articlesRead: 1, articlesKept: 1, partial: false });
    expect(await names()).toEqual(['Karim Sfeir', 'Morgan Ortagus', 'Rania Haddad']);
  });
});
