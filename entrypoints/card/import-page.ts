import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { sendToBackground } from '@/lib/extension/send-message';
import { importPageDocument } from '@/lib/import/page-import';
import { formatImportProblem } from '@/lib/model/import-problems';
import { NewsContextDatabase } from '@/lib/storage/database';
import { importedSearchIndex } from '@/lib/storage/imported-search-index';

/**
 * The card's "Import this page" (issue #15, "Newer than your sources"). The background read the
 * tab's page after the reader's trusted click and sent it here; this frame, an extension page,
 * parses it into an inert document and imports it exactly as the popup's "Import this page"
 * does (Readability, the cleaner, the matcher, one transaction). Loaded only on that click, so
 * the card opens as fast as before.
 *
 * @returns a sentence for the card's status line.
 */
export async function importPageHtml(html: string, pageUrl: string): Promise<string> {
  if (!html) return 'This page could not be read.';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const store = {
    db: new NewsContextDatabase(),
    index: loadBundledIndex({ check: 'version' }).index,
    search: importedSearchIndex,
  };
  try {
    const outcome = await importPageDocument(store, doc, pageUrl);
    if (outcome.status === 'imported') {
      // The background drops its cache, open tabs are annotated again and this card is built again.
      await sendToBackground({ type: 'catalog/changed' });
      return `Imported “${outcome.imported[0]?.title ?? 'this page'}”.`;
    }
    if (outcome.duplicates.length > 0) return `Already in your corpus: “${outcome.duplicates[0]?.title}”.`;
    const problem = outcome.problems[0];
    return problem ? `Not imported: ${formatImportProblem(problem)}` : 'Nothing to import on this page.';
  } finally {
    store.db.close();
  }
}
