import { z } from 'zod';
import { guessLanguage, partialDateFromInput, publishedDate, titleFromText } from '../model/article-metadata';
import { describeField, type ImportProblem, problemsFromZod, WHOLE_FILE } from '../model/import-problems';
import { type CorpusIndex, indexedArticleSchema } from '../model/index-schema';
import { languageCode } from '../model/knowledge-base';
import { publishedDateSchema } from '../model/seed-manifest';
import { settingsSchema, siteOf } from '../model/settings';
import { TimeSlicer } from '../scheduling/yield-to-page';
import { type CorpusPack, webAddress } from '../storage/corpus-pack';
import type { NewsContextDatabase, StoredArticle, StoredEntity, StoredMentionGroup } from '../storage/database';
import {
  buildImportCatalog,
  type CorpusStore,
  corpusTransaction,
  type DerivedArticleData,
  deriveArticleData,
  type ImportCatalog,
  readImportCatalog,
  rematchImportedArticles,
  writeImportedArticles,
} from '../storage/imported-corpus';
import { readSettings } from '../storage/settings-store';
import { describeWriteFailure } from '../storage/write-failure';
import { appendAll } from '../text/append-all';
import { textHashOf, urlKeyOf } from '../text/article-fingerprint';
import { cleanArticleText } from '../text/clean-article-text';
import { decodeHtmlEntities, stripMarkup } from '../text/strip-markup';
import { cleanUnicode, describeUnicodeRepairs, type UnicodeRepairs } from '../text/unicode-hygiene';
import type { ArticleDraft, DraftOrigin, ImportSource, SourceFormat } from './import-sources';

/**
 * The importer (issue #5): drafts from any source → validated, cleaned,
 * matched articles → a preview → one transaction per file.
 *
 * Preparing is read-only and can take its time (cleaning, hashing, matching,
 * duplicate checks, all before any write). Committing a file is one
 * read-write transaction over every table: articles, mentions, excerpts,
 * search segments, and for corpus packs entities, feedback, settings and
 * decisions. It commits entirely or not at all, so a failure (a full disk
 * included) leaves the database exactly as it was.
 *
 * Duplicates (same URL once tracking noise is removed, or same text once
 * case, accents and punctuation are set aside) are reported and skipped:
 * against the bundled corpus, the reader's imports, and earlier files of the
 * same batch. The unique `textHash` index makes a double impossible even if
 * two imports race.
 */

/** Drafts prepared at once. */
const PREPARE_CONCURRENCY = 16;

/** Longer texts are refused: no news article is five million characters long. */
export const MAX_ARTICLE_CHARS = 5 * 1024 * 1024;
const MAX_TITLE_CHARS = 500;

export interface Duplicate {
  reason: 'url' | 'text';
  /** Title of the article it duplicates. */
  of: string;
  where: 'bundled corpus' | 'your imported articles' | 'this import';
}

/** One article ready to store, or a duplicate to report. */
export interface PreparedArticle {
  file: string;
  /** Where in the file, in words ("article 3"); empty for one-article files. */
  place: string;
  article: StoredArticle;
  /** A corpus pack's import time is kept; everything else is stamped when committed. */
  keepImportedAt: boolean;
  derived: DerivedArticleData;
  /** The catalog the mentions were found with: stale mentions are found again when committing. */
  catalogSignature: string;
  /** Known entities it mentions, most mentioned first (for the preview). */
  entityIds: string[];
  duplicate?: Duplicate;
  /** Invisible or broken characters removed from its text, in words (issue #14). */
  unicodeNote?: string;
}

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
  /** New articles committed together at most (default {@link GROUP_ARTICLES}); 1 commits file by file. */
  groupArticles?: number;
}

/** What is needed to prepare and commit: the bundled index, the current catalog and the search index hooks. */
export interface ImportContext extends CorpusStore {
  catalog: ImportCatalog;
}

const draftSchema = z.object({
  title: z.string().max(MAX_TITLE_CHARS).optional(),
  outlet: z.string().max(200).optional(),
  byline: z.string().max(300).optional(),
  language: languageCode.optional(),
  url: webAddress.optional(),
  date: z
    .union([
      z
        .string()
        .max(100)
        .refine(
          (value) => partialDateFromInput(value) !== null,
          'is not a date News Context understands: write it like 2026-03-09, 2026-03 or 2026',
        ),
      publishedDateSchema,
    ])
    .optional(),
  text: z.string().max(MAX_ARTICLE_CHARS, `is too long: at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters`),
});

/** Where the stated date came from, for the date's `reason`. */
const DATE_SOURCE: Readonly<Record<DraftOrigin, string>> = {
  paste: 'the import form',
  txt: 'the file',
  md: 'the front matter',
  html: 'the page metadata',
  page: 'the page metadata',
  json: 'the corpus pack',
};

/** Hashes of the bundled articles, computed once per loaded index. */
const bundledFingerprints = new WeakMap<
  CorpusIndex,
  Promise<{ byHash: Map<string, string>; byUrl: Map<string, string> }>
>();

function fingerprintsOf(index: CorpusIndex) {
  let fingerprints = bundledFingerprints.get(index);
  if (!fingerprints) {
    fingerprints = (async () => {
      const byHash = new Map<string, string>();
      const byUrl = new Map<string, string>();
      for (const article of index.articles) {
        byHash.set(await textHashOf(article.text), article.title);
        if (article.url) byUrl.set(urlKeyOf(article.url), article.title);
      }
      return { byHash, byUrl };
    })();
    bundledFingerprints.set(index, fingerprints);
  }
  return fingerprints;
}

/**
 * One draft → a validated, cleaned, matched article, or problems.
 * The text hash is computed here; duplicates are checked by the caller.
 */
export async function prepareDraft(
  draft: ArticleDraft,
  catalog: ImportCatalog,
): Promise<{ prepared?: PreparedArticle; problems: ImportProblem[] }> {
  // Every path (paste, files, packs, the open page) goes through here: NUL, lone surrogates, bidi overrides and
  // zero-width characters are removed or replaced before anything is checked or stored (issue #14).
  const repairs: UnicodeRepairs = { controls: 0, loneSurrogates: 0, bidiControls: 0, zeroWidth: 0 };
  const clean = <Value>(value: Value): Value => {
    if (typeof value !== 'string') return value;
    const cleaned = cleanUnicode(value);
    for (const key of Object.keys(repairs) as (keyof UnicodeRepairs)[]) repairs[key] += cleaned.repairs[key];
    return cleaned.text as Value;
  };
  const checked = draftSchema.safeParse({
    title: clean(draft.title),
    outlet: clean(draft.outlet),
    byline: clean(draft.byline),
    language: draft.language,
    url: clean(draft.url),
    date: clean(draft.published),
    text: clean(draft.text),
  });
  if (!checked.success) return { problems: problemsFromZod(draft.file, checked.error, draft.at) };
  const fields = checked.data;
  const place = draft.at.length ? describeField(draft.at) : '';
  const decode = CARRIES_CHARACTER_REFERENCES.has(draft.origin) ? decodeHtmlEntities : (text: string) => text;
  const stripped = stripMarkup(decode(fields.text));
  const byline = plainField(fields.byline, decode);
  let title = plainField(fields.title, decode);
  let titleSource = draft.titleSource ?? 'text';
  let text = cleanArticleText(stripped, { title, byline });
  if (!title) {
    const derived = titleFromText(text, draft.file);
    title = derived.title.slice(0, MAX_TITLE_CHARS);
    titleSource = derived.titleSource;
    // A first paragraph taken as the headline is stored apart, like the seeds' headlines.
    if (derived.titleSource === 'text') text = cleanArticleText(stripped, { title, byline });
  }
  // Cleaning can assemble what stripping took apart: dropping Markdown's `_` from "<_/b" leaves "</b".
  // Stripping again settles it (plain text passes through unchanged), so no tag start is ever stored.
  text = stripMarkup(text);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return {
      problems: [
        {
          file: draft.file,
          field: describeField([...draft.at, 'text']),
          reason:
            'has no article text: nothing was left after removing markup, menus, sharing buttons and comment forms',
        },
      ],
    };
  }
  const url = fields.url?.trim() || undefined;
  const published =
    typeof fields.date === 'object'
      ? fields.date
      : publishedDate(
          fields.date ? partialDateFromInput(fields.date) : null,
          DATE_SOURCE[draft.origin],
          fields.text.slice(0, 20_000),
        );
  const textHash = await textHashOf(text);
  const article: StoredArticle = {
    id: draft.id ?? `import-${textHash.slice(0, 16)}`,
    title,
    titleSource,
    outlet: plainField(fields.outlet, decode) || (url ? siteOf(url) : '') || 'unknown',
    byline: byline ?? 'unknown',
    language: fields.language ?? guessLanguage(text),
    ...(url ? { url } : {}),
    published,
    text,
    origin: 'import',
    textHash,
    importedAt: draft.importedAt ?? 0,
    site: url ? siteOf(url) : '',
    urlKey: url ? urlKeyOf(url) : '',
  };
  // The stored shape is the index's: an article that would not load is never written.
  const { textHash: _hash, importedAt: _at, site: _site, urlKey: _key, ...indexed } = article;
  const valid = indexedArticleSchema.safeParse(indexed);
  if (!valid.success) return { problems: problemsFromZod(draft.file, valid.error, draft.at) };
  const derived = deriveArticleData(article, catalog);
  return {
    prepared: {
      file: draft.file,
      place,
      article,
      keepImportedAt: draft.importedAt !== undefined,
      derived,
      catalogSignature: catalog.signature,
      entityIds: entitiesByMentions(derived),
      ...(describeUnicodeRepairs(repairs) ? { unicodeNote: describeUnicodeRepairs(repairs) } : {}),
    },
    problems: [],
  };
}

/** A metadata field as plain text on one line: markup removed, spaces collapsed; undefined when nothing is left. */
function plainField(value: string | undefined, decode: (text: string) => string): string | undefined {
  if (value === undefined) return undefined;
  return stripMarkup(decode(value)).replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * Sources whose text may still carry HTML character references (`&amp;`,
 * `&#8217;`): text copied out of page sources and scraped `.txt` files.
 * Markdown decodes its own (`markdown-article.ts`); HTML pages and the open
 * tab are read through the DOM, which already decoded them, and a corpus
 * pack stores text as it is, so decoding those again would change what an
 * article literally says ("&amp;" written about HTML).
 */
const CARRIES_CHARACTER_REFERENCES: ReadonlySet<DraftOrigin> = new Set(['txt', 'paste']);

function entitiesByMentions(derived: DerivedArticleData): string[] {
  return [...derived.mentions]
    .sort((a, b) => b.spans.length - a.spans.length || (a.entityId < b.entityId ? -1 : 1))
    .map((group) => group.entityId);
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
  const { byHash: bundledByHash, byUrl: bundledByUrl } = await fingerprintsOf(context.index);
  const batchByHash = new Map<string, string>();
  const batchByUrl = new Map<string, string>();
  const files: PreparedFile[] = sources.map((source) => ({
    file: source.file,
    format: source.format,
    bytes: source.bytes,
    articles: [],
    problems: [...source.problems],
    ...(source.pack ? { pack: source.pack } : {}),
    ...(source.packUnicodeNote ? { packUnicodeNote: source.packUnicodeNote } : {}),
  }));
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
        const { textHash, urlKey, title } = prepared.article;
        const bundled = bundledByHash.get(textHash) ?? (urlKey ? bundledByUrl.get(urlKey) : undefined);
        const earlier = batchByHash.get(textHash) ?? (urlKey ? batchByUrl.get(urlKey) : undefined);
        if (bundled !== undefined) {
          const reason = bundledByHash.has(textHash) ? 'text' : 'url';
          prepared.duplicate = { reason, of: bundled, where: 'bundled corpus' };
        } else if (earlier !== undefined) {
          prepared.duplicate = {
            reason: batchByHash.has(textHash) ? 'text' : 'url',
            of: earlier,
            where: 'this import',
          };
        } else {
          batchByHash.set(textHash, title);
          if (urlKey) batchByUrl.set(urlKey, title);
        }
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
  const hashes = fresh.map((prepared) => prepared.article.textHash);
  const urlKeys = fresh.map((prepared) => prepared.article.urlKey).filter(Boolean);
  const [byHash, byUrl] = await Promise.all([
    db.articles.where('textHash').anyOf(hashes).toArray(),
    urlKeys.length ? db.articles.where('urlKey').anyOf(urlKeys).toArray() : Promise.resolve([]),
  ]);
  const titleByHash = new Map(byHash.map((article) => [article.textHash, article.title]));
  const titleByUrl = new Map(byUrl.map((article) => [article.urlKey, article.title]));
  for (const prepared of fresh) {
    const { textHash, urlKey } = prepared.article;
    const title = titleByHash.get(textHash) ?? (urlKey ? titleByUrl.get(urlKey) : undefined);
    if (title !== undefined) {
      prepared.duplicate = {
        reason: titleByHash.has(textHash) ? 'text' : 'url',
        of: title,
        where: 'your imported articles',
      };
    }
  }
}

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

function hasPackData(file: PreparedFile): boolean {
  const pack = file.pack;
  return Boolean(
    pack && (pack.entities?.length || pack.feedback?.length || pack.settings || pack.candidateDecisions?.length),
  );
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
  const hashes = candidates.map(({ prepared }) => prepared.article.textHash);
  const urlKeys = candidates.map(({ prepared }) => prepared.article.urlKey).filter(Boolean);
  const [sameText, sameUrl, sameId] = await Promise.all([
    hashes.length ? db.articles.where('textHash').anyOf(hashes).toArray() : Promise.resolve([]),
    urlKeys.length ? db.articles.where('urlKey').anyOf(urlKeys).toArray() : Promise.resolve([]),
    db.articles.bulkGet(candidates.map(({ prepared }) => prepared.article.id)),
  ]);
  const takenHashes = new Map(sameText.map((article) => [article.textHash, article.title]));
  const takenUrls = new Map(sameUrl.map((article) => [article.urlKey, article.title]));
  const takenIds = new Set(sameId.filter((article) => article !== undefined).map((article) => article.id));
  for (const article of index.articles) takenIds.add(article.id);

  const stamp = now();
  const articles: StoredArticle[] = [];
  const derived = new Map<string, DerivedArticleData>();
  for (const { prepared, position } of candidates) {
    const outcome = outcomes[position] as FileOutcome;
    const { textHash, urlKey } = prepared.article;
    const title = takenHashes.get(textHash) ?? (urlKey ? takenUrls.get(urlKey) : undefined);
    if (title !== undefined) {
      const reason = takenHashes.has(textHash) ? 'text' : 'url';
      outcome.duplicates.push({
        title: prepared.article.title,
        place: prepared.place,
        duplicate: { reason, of: title, where: 'your imported articles' },
      });
      continue;
    }
    const article: StoredArticle = {
      ...prepared.article,
      id: freeId(prepared.article, takenIds),
      importedAt: prepared.keepImportedAt ? prepared.article.importedAt : stamp,
    };
    takenIds.add(article.id);
    takenHashes.set(textHash, article.title);
    if (urlKey) takenUrls.set(urlKey, article.title);
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

/**
 * A pack's entities: added when new, replacing the stored one when the
 * pack's is at least as recent. Returns the ids written.
 */
async function mergePackEntities(
  db: NewsContextDatabase,
  index: CorpusIndex,
  entities: NonNullable<CorpusPack['entities']>,
  now: number,
): Promise<string[]> {
  const bundledIds = new Set(index.entities.map((entity) => entity.id));
  const existing = await db.entities.bulkGet(entities.map((packed) => packed.entity.id));
  const writes: StoredEntity[] = [];
  entities.forEach((packed, position) => {
    const stored = existing[position];
    // Never later than now: a pack's far-future time would beat every later edit (issue #14).
    const updatedAt = Math.min(packed.updatedAt ?? now, now);
    if (stored && stored.updatedAt > updatedAt) return;
    writes.push({
      id: packed.entity.id,
      origin: bundledIds.has(packed.entity.id) ? 'override' : 'user',
      entity: packed.entity,
      updatedAt,
    });
  });
  if (writes.length) await db.entities.bulkPut(writes);
  return writes.map((stored) => stored.id);
}

/** A pack's feedback (added unless already given), settings (lists merged) and candidate decisions (newest wins). */
async function mergePackReaderData(db: NewsContextDatabase, pack: CorpusPack): Promise<void> {
  if (pack.feedback?.length) {
    const stored = await db.feedback.toArray();
    const known = new Set(stored.map((row) => `${row.entityId}\u0000${row.site}\u0000${row.verdict}`));
    const fresh = pack.feedback.filter((row) => !known.has(`${row.entityId}\u0000${row.site}\u0000${row.verdict}`));
    if (fresh.length) await db.feedback.bulkAdd(fresh.map((row) => ({ ...row })));
  }
  if (pack.settings) {
    const current = await readSettings(db);
    const merged = settingsSchema.parse({
      highlightMode: pack.settings.highlightMode,
      pausedSites: [...new Set([...current.pausedSites, ...pack.settings.pausedSites])].sort(),
      extraSites: [...new Set([...current.extraSites, ...pack.settings.extraSites])].sort(),
    });
    await db.settings.put({ key: 'settings', value: merged });
  }
  if (pack.candidateDecisions?.length) {
    const existing = await db.candidateDecisions.bulkGet(pack.candidateDecisions.map((decision) => decision.key));
    const newer = pack.candidateDecisions.filter(
      (decision, position) => (existing[position]?.decidedAt ?? -1) <= decision.decidedAt,
    );
    if (newer.length) await db.candidateDecisions.bulkPut(newer.map((decision) => ({ ...decision })));
  }
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
    const writing = group.filter((file) => freshArticles(file).length > 0 || hasPackData(file));
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
