import { type BatchOutcome, commitPreparedFiles } from './commit-import';
import type { ImportSource } from './import-sources';
import { type ImportContext, type ImportOptions, prepareImport } from './prepare-import';

/**
 * The importer in one call (issue #5): sources → prepared files → committed,
 * with no preview in between. The stages live in their own files since
 * issue #10: `prepare-draft.ts` (one draft validated, cleaned and matched),
 * `article-duplicates.ts` (the one duplicate check), `prepare-import.ts`
 * (a batch prepared for the preview, writing nothing), `commit-import.ts`
 * (one Dexie transaction per group of files) and `pack-merge.ts` (a corpus
 * pack's entities, feedback, settings and decisions). The options page runs
 * the two stages apart to show the preview between them; everything that
 * needs no preview comes here.
 */

/**
 * Prepare and commit in one go, without a preview: for "Import this page",
 * benchmarks and tests.
 */
export async function importSources(
  context: ImportContext,
  sources: readonly ImportSource[],
  options: ImportOptions = {},
): Promise<BatchOutcome> {
  const prepared = await prepareImport(context, sources, options);
  return commitPreparedFiles(context, prepared, options);
}
