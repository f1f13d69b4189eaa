import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { readImportFile } from '@/lib/import/import-sources';
import {
  deleteForever,
  purgeTimeOf,
  purgeTrash,
  readTrash,
  restoreFromTrash,
  TRASH_KEEP_MS,
} from '@/lib/storage/article-trash';
import { NewsContextDatabase } from '@/lib/storage/database';
import { readImportCatalog } from '@/lib/storage/imported-corpus';
import { deleteArticles } from '@/lib/storage/manage-articles';
import { createEntity } from '@/lib/storage/reader-entities';
import {
  contextFor,
  freshDatabase,
  generatedMarkdownFile,
  index,
  snapshot,
  storeFor,
} from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};
const DAY = 24 * 60 * 60 * 1000;
const T0 = 1_773_133_200_000;

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('trash');
});
afterEach(async () => {
  await db.delete();
});

async function importGenerated(numbers: readonly number[]): Promise<string[]> {
  const context = await contextFor(db);
  await importSources(context, await Promise.all(numbers.map((n) => readImportFile(generatedMarkdownFile(n), noHtml))));
  return (await db.articles.orderBy('id').toArray()).map((article) => article.id);
}

describe('the trash of deleted articles', () => {
  it('keeps a deleted article for a week, then the purge deletes it for good', async () => {
    const [first, second] = await importGenerated([1, 2]);
    if (!first || !second) throw new Error('import failed');
    await deleteArticles(
      storeFor(db, () => T0),
      [first],
    );
    await deleteArticles(
      storeFor(db, () => T0 + 3 * DAY),
      [second],
    );
    expect((await readTrash(storeFor(db))).map((row) => row.articleId)).toEqual([second, first]);
    expect(purgeTimeOf({ deletedAt: T0 })).toBe(T0 + 7 * DAY);
    expect(TRASH_KEEP_MS).toBe(7 * DAY);

    // Six days on, both stay; a week and a moment after the first deletion, only the first goes.
    expect(await purgeTrash(storeFor(db, () => T0 + 6 * DAY))).toBe(0);
    expect(await purgeTrash(storeFor(db, () => T0 + 7 * DAY + 1))).toBe(1);
    expect((await readTrash(storeFor(db))).map((row) => row.articleId)).toEqual([second]);
    expect(await purgeTrash(storeFor(db, () => T0 + 10 * DAY + 1))).toBe(1);
    expect(await db.trash.count()).toBe(0);
  });

  it('survives closing the database (a reload of the options page): restore works from a new connection', async () => {
    const [first] = await importGenerated([1, 2]);
    if (!first) throw new Error('import failed');
    const before = await snapshot(db);
    await deleteArticles(storeFor(db), [first]);
    db.close();
    const reopened = new NewsContextDatabase(db.name);
    await reopened.open();
    const back = await restoreFromTrash(storeFor(reopened), [first]);
    expect(back.restored.map((article) => article.id)).toEqual([first]);
    expect(await snapshot(reopened)).toEqual(before);
    reopened.close();
    await db.open();
  });

  it('does not double an article imported again while in the trash: the trash copy goes', async () => {
    const [first] = await importGenerated([1]);
    if (!first) throw new Error('import failed');
    await deleteArticles(storeFor(db), [first]);
    await importGenerated([1]);
    expect(await db.articles.count()).toBe(1);
    const back = await restoreFromTrash(storeFor(db), [first]);
    expect(back.restored).toEqual([]);
    expect(back.alreadyImported.map((article) => article.id)).toEqual([first]);
    expect(await db.articles.count()).toBe(1);
    expect(await db.trash.count()).toBe(0);
  });

  it('deletes for good only what is asked, and only from the trash', async () => {
    const [first, second, third] = await importGenerated([1, 2, 3]);
    if (!first || !second || !third) throw new Error('import failed');
    await deleteArticles(storeFor(db), [first, second]);
    expect(await deleteForever(storeFor(db), [first, third])).toBe(1);
    expect((await readTrash(storeFor(db))).map((row) => row.articleId)).toEqual([second]);
    expect(await db.articles.get(third)).toBeDefined();
  });

  it('restores a deleted article matched with the entities of the day it comes back', async () => {
    const [first] = await importGenerated([1]);
    if (!first) throw new Error('import failed');
    const entitiesIn = async () =>
      (await db.mentions.where('articleId').equals(first).toArray()).map((group) => group.entityId).sort();
    const before = await entitiesIn();
    expect(before).not.toContain('morgan-ortagus');
    await deleteArticles(storeFor(db), [first]);
    expect(await entitiesIn()).toEqual([]);
    const created = await createEntity(
      storeFor(db),
      { name: 'Morgan Ortagus', kind: 'person', aliases: [] },
      await readImportCatalog(db, index),
    );
    expect(created.ok).toBe(true);
    await restoreFromTrash(storeFor(db), [first]);
    expect(await entitiesIn()).toEqual([...before, 'morgan-ortagus'].sort());
  });
});
