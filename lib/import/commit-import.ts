import { type ImportProblem, WHOLE_FILE } from '../model/import-problems';
import { TimeSlicer } from '../scheduling/yield-to-page';
import type { StoredArticle, StoredMentionGroup } from '../storage/database';
import {
  buildImportCatalog,
  corpusTransaction,
  type DerivedArticleData,
  deriveArticleData,
  type ImportCatalog,
  readImportCatalog,
  rematchImportedArticles,
  writeImportedArticles,
} from '../storage/imported-corpus';
import { describeWriteFailure } from '../storage/write-failure';
import { appendAll } from '../text/append-all';
import { type Duplicate, storedArticlesLike } from './article-duplicates';
import { hasPackData, mergePackEntities, mergePackReaderData } from './pack-merge';
import type { PreparedArticle } from './prepare-draft';
import type { ImportContext, ImportOptions, PreparedFile } from './prepare-import';

/**
 * Prepared files → the database (issue #5), the writing stage of an import.
 * Each group of files is one read-write Dexie transaction over every table
 * (articles, mentions, excerpts, search segments, and for corpus packs
 * entities, feedback, settings and decisions): it commits entirely or not at
 * all, so a failure (a full disk included) leaves the database exactly as it
 * was. Duplicates are checked again inside the transaction, because another
 * tab may have imported the same article since the preview; the unique
 * `textHash` index makes a double impossible even if two imports race.
 * Split out of `import-articles.ts` (issue #10).
 */

/** What committing one file did. */
export interface FileOutcome {
  file: string;
  status: 'imported' | 'nothing-new' | 'failed' | 'cancelled';
  imported: { id: string; title: string }[];
  duplicates: { title: string; place: string; duplicate: Duplicate }[];
  /** Everything not imported, and why: validation problems, and the reason a transaction failed. */
  problems: ImportProblem[];
  /** Entities a corpus pack added or updated. */
  entities: number;
}

/**
 * Files committed together, up to this many new articles: one search-index
 * write per group instead of one per file. Every file still lands whole or
 * not at all; a failed group is retried file by file. The index's cost is
 * per write (it re-serializes the open segment), so 500 rather than 100: a
 * thousand-file import spent 8.4 s in the index with groups of 100 and 4.0 s
 * with groups of 500 (tests/bench/search-bench.ts, issue #6). The price is a
 * progress bar that moves in bigger steps while committing.
 */
const GROUP_ARTICLES = 500;

/** What a file will add, before any check against the database. */
function freshArticles(file: PreparedFile): PreparedArticle[] {
  return file.articles.filter((prepared) => !prepared.duplicate);
}

function baseOutcome(file: PreparedFile): FileOutcome {
  return {
    file: file.file,
    status: 'nothing-new',
    imported: [],
    duplicates: file.articles
      .filter((prepared) => prepared.duplicate)
      .map((prepared) => ({
        title: prepared.article.title,
        place: prepared.place,
        duplicate: prepared.duplicate as Duplicate,
      })),
    problems: [...file.problems],
    entities: 0,
  };
}

/**
 * Commits files in one transaction: all of them or none. The search index is
 * written once, at the end, for every article of the group. When the
 * transaction fails, a group of several files is retried one file at a time,
 * so each file's outcome is its own and a failing file takes no other down.
 */
async function commitGroup(
  context: ImportContext,
  files: readonly PreparedFile[],
): Promise<{ outcomes: FileOutcome[]; catalog: ImportCatalog }> {
  const { db, index, search } = context;
  const now = context.now ?? Date.now;
  try {
    return await corpusTransaction(db, async () => {
      const staged = await stageGroup(context, files, await readImportCatalog(db, index, context.catalog), now);
      // Once for the group: the index's cost is per write, not per article.
      if (staged.articles.length) await search.add(db, staged.articles, staged.catalog, staged.mentions);
      return { outcomes: staged.outcomes, catalog: staged.catalog };
    });
  } catch (error) {
    if (files.length > 1) {
      const outcomes: FileOutcome[] = [];
      let catalog = context.catalog;
      for (const file of files) {
        const single = await commitGroup({ ...context, catalog }, [file]);
        catalog = single.catalog;
        appendAll(outcomes, single.outcomes);
      }
      return { outcomes, catalog };
    }
    const file = files[0] as PreparedFile;
    const base = baseOutcome(file);
    return {
      outcomes: [
        {
          ...base,
          status: 'failed',
          problems: [
            ...base.problems,
            { file: file.file, field: WHOLE_FILE, reason: describeWriteFailure(error, 'import') },
          ],
        },
      ],
      catalog: context.catalog,
    };
  }
}

/**
 * A group's writes, inside its transaction: a pack's entities first (the
 * stored articles are matched again with them), then every new article with
 * its mentions and excerpts in one bulk write per table, then packs' reader
 * data. Duplicates are checked again here, in one query for the group:
 * another tab may have imported the same article since the preview.
 */
async function stageGroup(
  context: ImportContext,
  files: readonly PreparedFile[],
  current: ImportCatalog,
  now: () => number,
): Promise<{
  outcomes: FileOutcome[];
  articles: StoredArticle[];
  mentions: StoredMentionGroup[];
  catalog: ImportCatalog;
}> {
  const { db, index, search } = context;
  const outcomes = files.map(baseOutcome);
  let catalog = current;
  for (const [position, file] of files.entries()) {
    if (!file.pack?.entities?.length) continue;
    const changed = await mergePackEntities(db, index, file.pack.entities, now());
    (outcomes[position] as FileOutcome).entities = changed.length;
    if (changed.length) {
      catalog = buildImportCatalog(index, await db.entities.toArray());
      await rematchImportedArticles(db, catalog, search, changed);
    }
  }

  const candidates = files.flatMap((file, position) => freshArticles(file).map((prepared) => ({ prepared, position })));
  const [taken, sameId] = await Promise.all([
    storedArticlesLike(
      db,
      candidates.map(({ prepared }) => prepared.article),
    ),
    db.articles.bulkGet(candidates.map(({ prepared }) => prepared.article.id)),
  ]);
  const takenIds = new Set(sameId.filter((article) => article !== undefined).map((article) => article.id));
  for (const article of index.articles) takenIds.add(article.id);

  const stamp = now();
  const articles: StoredArticle[] = [];
  const derived = new Map<string, DerivedArticleData>();
  for (const { prepared, position } of candidates) {
    const outcome = outcomes[position] as FileOutcome;
    const duplicate = taken.find(prepared.article);
    if (duplicate) {
      outcome.duplicates.push({ title: prepared.article.title, place: prepared.place, duplicate });
      continue;
    }
    const article: StoredArticle = {
      ...prepared.article,
      id: freeId(prepared.article, takenIds),
      importedAt: prepared.keepImportedAt ? prepared.article.importedAt : stamp,
    };
    takenIds.add(article.id);
    taken.add(article, article.title);
    articles.push(article);
    outcome.imported.push({ id: article.id, title: article.title });
    derived.set(
      article.id,
      prepared.catalogSignature === catalog.signature && article.id === prepared.article.id
        ? prepared.derived
        : deriveArticleData(article, catalog),
    );
  }
  const mentions = await writeImportedArticles(db, articles, derived, catalog, undefined);
  for (const file of files) if (file.pack) await mergePackReaderData(db, file.pack);
  for (const outcome of outcomes)
    outcome.status = outcome.imported.length || outcome.entities ? 'imported' : 'nothing-new';
  return { outcomes, articles, mentions, catalog };
}

/** The pack's id when it is free; else one derived from the text hash, made unique. */
function freeId(article: StoredArticle, taken: ReadonlySet<string>): string {
  if (!taken.has(article.id)) return article.id;
  const base = `import-${article.textHash.slice(0, 16)}`;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** What a whole batch did. */
export interface BatchOutcome {
  outcomes: FileOutcome[];
  /** Files not attempted because the reader cancelled. */
  notAttempted: string[];
  cancelled: boolean;
  catalog: ImportCatalog;
}

/**
 * Commits prepared files in order, yielding to the page between
 * transactions. Small files share a transaction (see {@link commitGroup}):
 * each file is still all or nothing. Cancelling stops before the next
 * transaction: every file is either fully imported or untouched.
 */
export async function commitPreparedFiles(
  context: ImportContext,
  files: readonly PreparedFile[],
  options: ImportOptions = {},
): Promise<BatchOutcome> {
  const outcomes: FileOutcome[] = [];
  const slicer = new TimeSlicer();
  let catalog = context.catalog;
  let imported = 0;
  let duplicates = 0;
  let failed = 0;
  let position = 0;
  while (position < files.length && !options.signal?.aborted) {
    const group = nextGroup(files, position, options.groupArticles ?? GROUP_ARTICLES);
    position += group.length;
    const writing = group.filter((file) => freshArticles(file).length > 0 || hasPackData(file.pack));
    const committed = writing.length ? await commitGroup({ ...context, catalog }, writing) : { outcomes: [], catalog };
    catalog = committed.catalog;
    // Outcomes in file order; files with nothing to write did not need the transaction.
    const byFile = new Map(writing.map((file, at) => [file, committed.outcomes[at] as FileOutcome]));
    for (const file of group) {
      const outcome = byFile.get(file) ?? baseOutcome(file);
      outcomes.push(outcome);
      imported += outcome.imported.length;
      duplicates += outcome.duplicates.length;
      if (outcome.status === 'failed') failed++;
    }
    options.onProgress?.({
      phase: 'importing',
      done: outcomes.length,
      total: files.length,
      imported,
      duplicates,
      failed,
    });
    await slicer.maybeYield();
  }
  const cancelled = outcomes.length < files.length;
  return { outcomes, notAttempted: files.slice(outcomes.length).map((file) => file.file), cancelled, catalog };
}

/**
 * The files to commit together from `start`: up to `limit` new articles. A corpus pack that brings entities goes alone, because it
 * matches the stored articles again before its own are written.
 */
function nextGroup(files: readonly PreparedFile[], start: number, limit: number): PreparedFile[] {
  const group: PreparedFile[] = [];
  let articles = 0;
  for (let at = start; at < files.length; at++) {
    const file = files[at] as PreparedFile;
    const alone = Boolean(file.pack?.entities?.length);
    if (group.length > 0 && (alone || articles + freshArticles(file).length > limit)) break;
    group.push(file);
    articles += freshArticles(file).length;
    if (alone) break;
  }
  return group;
}
