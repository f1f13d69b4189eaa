import { isWebPageUrl, siteOf } from '../model/settings';
import { type CorpusStore, type ImportCatalog, readImportCatalog } from '../storage/imported-corpus';
import type { FileOutcome } from './commit-import';
import { importSources } from './import-articles';
import { type ArticleDraft, draftFromHtml, type ImportSource } from './import-sources';

/**
 * "Import this page" (issue #5), for the popup: the article in the current
 * tab goes through Readability, then the same cleaner, matcher, duplicate
 * check and single transaction as every other import.
 *
 * The popup obtains the page after the reader's click, with the `activeTab`
 * grant, and parses it itself (our code never re-serializes a live DOM):
 *
 * ```ts
 * const [{ result: html }] = await browser.scripting.executeScript({
 *   target: { tabId: tab.id },
 *   func: () => new XMLSerializer().serializeToString(document),
 * });
 * const doc = new DOMParser().parseFromString(html, 'text/html');
 * const outcome = await importPageDocument(store, doc, tab.url);
 * await sendToBackground({ type: 'catalog/changed' });
 * ```
 *
 * `DOMParser` creates an inert document: its scripts never run, its images
 * and styles never load.
 */
export async function importPageDocument(
  store: CorpusStore,
  doc: Document,
  pageUrl: string,
  catalog?: ImportCatalog,
): Promise<FileOutcome> {
  const url = isWebPageUrl(pageUrl) ? pageUrl : undefined;
  const file = (url && siteOf(url)) || 'This page';
  return importPageDraft(store, draftFromHtml(doc, file, 'page', url), catalog);
}

/**
 * The second half of {@link importPageDocument}, for a page read into a draft elsewhere: the
 * hover card's frame has a DOM to run Readability in but cannot open the reader's database from
 * inside a news page, so the background imports its draft (issue #15).
 */
export async function importPageDraft(
  store: CorpusStore,
  draft: ArticleDraft,
  catalog?: ImportCatalog,
): Promise<FileOutcome> {
  const source: ImportSource = { file: draft.file, format: 'page', bytes: 0, drafts: [draft], problems: [] };
  const current = await readImportCatalog(store.db, store.index, catalog);
  const { outcomes } = await importSources({ ...store, catalog: current }, [source]);
  return outcomes[0] as FileOutcome;
}
