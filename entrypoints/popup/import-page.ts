import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { sendToBackground } from '@/lib/extension/send-message';
import { importPageDocument } from '@/lib/import/page-import';
import { formatImportProblem } from '@/lib/model/import-problems';
import { NewsContextDatabase } from '@/lib/storage/database';
import { importedSearchIndex } from '@/lib/storage/imported-search-index';

/**
 * "Import this page" (issue #5): after the reader's click, the activeTab
 * grant lets us read the tab's document; Readability, the cleaner, the
 * matcher and one transaction do the rest, as for any file. Loaded only when
 * the button is pressed, so the popup opens as fast as before.
 *
 * @returns a sentence for the popup's status line.
 */
export async function importPage(tabId: number, pageUrl: string): Promise<string> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    // Serialized in the page, parsed here into an inert document: its scripts never run in our page.
    func: () => new XMLSerializer().serializeToString(document),
  });
  const html = typeof injection?.result === 'string' ? injection.result : '';
  if (!html) return 'This page could not be read.';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const store = {
    db: new NewsContextDatabase(),
    index: loadBundledIndex({ check: 'version' }).index,
    search: importedSearchIndex,
  };
  const outcome = await importPageDocument(store, doc, pageUrl);
  store.db.close();
  if (outcome.status === 'imported') {
    // The background drops its cache and open tabs are annotated again: the new excerpts show in cards at once.
    await sendToBackground({ type: 'catalog/changed' });
    return `Imported “${outcome.imported[0]?.title ?? 'this page'}”. It is now searchable.`;
  }
  if (outcome.duplicates.length > 0) return `Already in your corpus: “${outcome.duplicates[0]?.title}”.`;
  const problem = outcome.problems[0];
  return problem ? `Not imported: ${formatImportProblem(problem)}` : 'Nothing to import on this page.';
}
