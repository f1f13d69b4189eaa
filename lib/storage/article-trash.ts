import type { StoredArticle, StoredTrashedArticle } from './database';
import { TRASH_KEEP_DAYS } from './database';
import {
  type CorpusStore,
  corpusTransaction,
  type ImportCatalog,
  readImportCatalog,
  writeImportedArticles,
} from './imported-corpus';

/**
 * The trash of deleted articles (issue #14). Before, "Undo" after deleting
 * an article lived 15 s in the options page's memory: a misclick followed by
 * closing the page lost the article for good. Now a deletion
 * (`deleteArticles` in `manage-articles.ts`) moves the article into the
 * `trash` table in the same transaction that removes it and its derived
 * data, so the Undo survives a reload, a restart and the
 * options page closing; it is restorable for a week, then purged.
 *
 * Only the article row is kept. Its mentions, excerpts and search entries are
 * derived data: restoring matches the article again with the entities as they
 * are then, through the same writer as an import.
 */

/** A week, in milliseconds. */
export const TRASH_KEEP_MS = TRASH_KEEP_DAYS * 24 * 60 * 60 * 1000;

function clock(store: Pick<CorpusStore, 'now'>): number {
  return (store.now ?? Date.now)();
}

/** The trash, most recently deleted first (ties by title, so the order is stable). */
export async function readTrash(store: Pick<CorpusStore, 'db'>): Promise<StoredTrashedArticle[]> {
  const rows = await store.db.trash.toArray();
  return rows.sort((a, b) => b.deletedAt - a.deletedAt || a.article.title.localeCompare(b.article.title));
}

/** What a restore did: articles back in the corpus, and those left out because the same text is there again. */
export interface TrashRestore {
  restored: StoredArticle[];
  /** Imported again while in the trash: the trash copy is dropped, the corpus keeps the newer import. */
  alreadyImported: StoredArticle[];
}

/**
 * Brings articles back from the trash, as they were (same ids, same import
 * time), matched with the entities as they are now. One transaction. An
 * article imported again meanwhile (same text, or same web address) is not
 * doubled: its trash copy goes.
 */
export async function restoreFromTrash(
  store: CorpusStore,
  articleIds: readonly string[],
  catalog?: ImportCatalog,
): Promise<TrashRestore> {
  return corpusTransaction(store.db, async () => {
    const rows = (await store.db.trash.bulkGet([...articleIds])).filter((row) => row !== undefined);
    const articles = rows.map((row) => row.article);
    const hashes = articles.map((article) => article.textHash);
    const urlKeys = articles.map((article) => article.urlKey).filter((key) => key !== '');
    const [sameText, sameUrl] = await Promise.all([
      store.db.articles.where('textHash').anyOf(hashes).toArray(),
      urlKeys.length ? store.db.articles.where('urlKey').anyOf(urlKeys).toArray() : Promise.resolve([]),
    ]);
    const present = new Set(sameText.map((article) => article.textHash));
    const presentUrls = new Set(sameUrl.map((article) => article.urlKey));
    const presentIds = new Set([...sameText, ...sameUrl].map((article) => article.id));
    const restored: StoredArticle[] = [];
    const alreadyImported: StoredArticle[] = [];
    for (const article of articles) {
      const clash =
        present.has(article.textHash) ||
        (article.urlKey !== '' && presentUrls.has(article.urlKey)) ||
        presentIds.has(article.id);
      (clash ? alreadyImported : restored).push(article);
    }
    const now = await readImportCatalog(store.db, store.index, catalog);
    await writeImportedArticles(store.db, restored, new Map(), now, store.search);
    await store.db.trash.bulkDelete(rows.map((row) => row.articleId));
    return { restored, alreadyImported };
  });
}

/** Deletes articles from the trash for good. Returns how many went. */
export async function deleteForever(store: Pick<CorpusStore, 'db'>, articleIds: readonly string[]): Promise<number> {
  const { db } = store;
  return db.transaction('rw', db.trash, async () => {
    const present = (await db.trash.bulkGet([...articleIds])).filter((row) => row !== undefined);
    await db.trash.bulkDelete(present.map((row) => row.articleId));
    return present.length;
  });
}

/**
 * Deletes for good what has been in the trash longer than a week: run when
 * the options page opens (the only place that shows the trash) and before
 * the trash is read. Returns how many went.
 */
export async function purgeTrash(store: Pick<CorpusStore, 'db' | 'now'>): Promise<number> {
  const { db } = store;
  const cutoff = clock(store) - TRASH_KEEP_MS;
  return db.transaction('rw', db.trash, () => db.trash.where('deletedAt').below(cutoff).delete());
}

/** When an article in the trash will be deleted for good. */
export function purgeTimeOf(row: Pick<StoredTrashedArticle, 'deletedAt'>): number {
  return row.deletedAt + TRASH_KEEP_MS;
}
