import { describeField, type ImportProblem, WHOLE_FILE } from '../model/import-problems';
import { TimeSlicer } from '../scheduling/yield-to-page';
import type { CorpusPack } from '../storage/corpus-pack';
import type { NewsContextDatabase } from '../storage/database';
import type { CorpusStore, ImportCatalog } from '../storage/imported-corpus';
import { appendAll } from '../text/append-all';
import { bundledArticles, SeenArticles, storedArticlesLike } from './article-duplicates';
import type { ImportSource, SourceFormat } from './import-sources';
import { type PreparedArticle, prepareDraft } from './prepare-draft';

/**
 * Sources → the preview (issue #5): every draft prepared (`prepare-draft.ts`),
 * a few at a time, and every article checked for duplicates against the
 * bundled corpus, earlier files of the same batch and the database
 * (`article-duplicates.ts`). Writes nothing: committing is
 * `commit-import.ts`. Split out of `import-articles.ts` (issue #10) so the
 * read-only stage and the writing stage can be read, and tested, apart.
 */

/** Drafts prepared at once. */
const PREPARE_CONCURRENCY = 16;

/** One file (or paste) prepared for the preview. */
export interface PreparedFile {
  file: string;
  format: SourceFormat;
  bytes: number;
  articles: PreparedArticle[];
  /** File-level and per-article problems: what will not be imported, and why. */
  problems: ImportProblem[];
  pack?: CorpusPack;
  /** Invisible or broken characters removed from the pack's entities and settings, in words. */
  packUnicodeNote?: string;
}

export interface ImportProgress {
  phase: 'checking' | 'importing';
  /** Files done / in all. */
  done: number;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** New articles committed together at most (default `GROUP_ARTICLES` in `commit-import.ts`); 1 commits file by file. */
  groupArticles?: number;
}

/** What is needed to prepare and commit: the bundled index, the current catalog and the search index hooks. */
export interface ImportContext extends CorpusStore {
  catalog: ImportCatalog;
}

/**
 * Sources → prepared files for the preview: every draft validated, cleaned,
 * hashed and matched; duplicates marked (against the bundled corpus, the
 * database and earlier files of the batch). Writes nothing. Yields to the
 * page between drafts, reports progress and stops early when cancelled
 * (returning what was prepared).
 */
export async function prepareImport(
  context: ImportContext,
  sources: readonly ImportSource[],
  options: ImportOptions = {},
): Promise<PreparedFile[]> {
  const files: PreparedFile[] = sources.map((source) => ({
    file: source.file,
    format: source.format,
    bytes: source.bytes,
    articles: [],
    problems: [...source.problems],
    ...(source.pack ? { pack: source.pack } : {}),
    ...(source.packUnicodeNote ? { packUnicodeNote: source.packUnicodeNote } : {}),
  }));
  const bundled = await bundledArticles(context.index);
  const batch = new SeenArticles('this import');
  const work = sources.flatMap((source, fileIndex) => source.drafts.map((draft) => ({ draft, fileIndex })));
  const slicer = new TimeSlicer();
  let duplicates = 0;
  let failed = 0;
  let filesDone = 0;
  const handled = sources.map(() => 0);
  const fileDone = (fileIndex: number) => {
    const file = files[fileIndex] as PreparedFile;
    duplicates += file.articles.filter((article) => article.duplicate).length;
    if (file.articles.length === 0 && file.problems.length > 0) failed++;
    filesDone++;
  };
  // Files without drafts (unreadable ones) are done from the start.
  sources.forEach((source, fileIndex) => {
    if (source.drafts.length === 0) fileDone(fileIndex);
  });
  // A few drafts at a time: hashing is asynchronous, and waiting for one digest at a time wastes most of it.
  for (let from = 0; from < work.length; from += PREPARE_CONCURRENCY) {
    if (options.signal?.aborted) break;
    const slice = work.slice(from, from + PREPARE_CONCURRENCY);
    // A draft that throws (a shape nobody foresaw) fails alone, naming its file, and the batch goes on (issue #14).
    const results = await Promise.all(
      slice.map(({ draft }) =>
        prepareDraft(draft, context.catalog).catch((error: unknown) => ({
          prepared: undefined,
          problems: [
            {
              file: draft.file,
              field: draft.at.length ? describeField(draft.at) : WHOLE_FILE,
              reason: `could not be prepared (${error instanceof Error ? error.message : String(error)}). Nothing from it was imported; the other files were not affected`,
            },
          ],
        })),
      ),
    );
    // Duplicates within the batch are decided in file order, so the first copy is the one kept.
    results.forEach(({ prepared, problems }, position) => {
      const { fileIndex } = slice[position] as (typeof work)[number];
      const file = files[fileIndex] as PreparedFile;
      handled[fileIndex] = (handled[fileIndex] ?? 0) + 1;
      appendAll(file.problems, problems);
      if (prepared) {
        const fingerprint = prepared.article;
        const duplicate = bundled.find(fingerprint) ?? batch.find(fingerprint);
        if (duplicate) prepared.duplicate = duplicate;
        else batch.add(fingerprint, prepared.article.title);
        file.articles.push(prepared);
      }
      const next = work[from + position + 1];
      if (!next || next.fileIndex !== fileIndex) fileDone(fileIndex);
    });
    options.onProgress?.({
      phase: 'checking',
      done: filesDone,
      total: sources.length,
      imported: 0,
      duplicates,
      failed,
    });
    await slicer.maybeYield();
  }
  // Cancelled: only files prepared entirely go on to the preview.
  const unfinished = sources.findIndex((source, fileIndex) => (handled[fileIndex] ?? 0) < source.drafts.length);
  const complete = unfinished === -1 ? files : files.slice(0, unfinished);
  await markStoredDuplicates(context.db, complete);
  return complete;
}

/** Marks articles the database already holds (same text or same URL). One query for the whole batch. */
async function markStoredDuplicates(db: NewsContextDatabase, files: readonly PreparedFile[]): Promise<void> {
  const fresh = files.flatMap((file) => file.articles.filter((article) => !article.duplicate));
  if (fresh.length === 0) return;
  const stored = await storedArticlesLike(
    db,
    fresh.map((prepared) => prepared.article),
  );
  for (const prepared of fresh) {
    const duplicate = stored.find(prepared.article);
    if (duplicate) prepared.duplicate = duplicate;
  }
}
