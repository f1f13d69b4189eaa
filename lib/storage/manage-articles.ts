import { z } from 'zod';
import { partialDateFromInput, publishedDate } from '../model/article-metadata';
import { type ImportProblem, problemsFromZod } from '../model/import-problems';
import { type Settings, siteOf } from '../model/settings';
import { urlKeyOf } from '../text/article-fingerprint';
import { buildCorpusPack, type CorpusPack, webAddress } from './corpus-pack';
import type { StoredArticle } from './database';
import {
  type CorpusStore,
  corpusTransaction,
  type ImportCatalog,
  readImportCatalog,
  removeImportedArticles,
  replaceImportedArticle,
} from './imported-corpus';
import { readSettings } from './settings-store';

/**
 * Managing the reader's imported articles (issue #5): edit metadata, delete
 * to the trash (issue #14), export everything as a corpus pack, reset to the seed corpus.
 * Each operation is one transaction.
 */

/** The metadata a reader may edit; blank means "not known". */
export interface ArticleMetadataEdit {
  title: string;
  outlet: string;
  byline: string;
  /** As typed: "2026-03-09", "2026-03", "March 9, 2026"; blank for unknown. */
  date: string;
  url: string;
  language: string;
}

const metadataEditSchema = z.object({
  title: z.string().trim().min(1).max(500),
  outlet: z.string().trim().max(200),
  byline: z.string().trim().max(300),
  date: z
    .string()
    .trim()
    .max(100)
    .refine(
      (value) => value === '' || partialDateFromInput(value) !== null,
      'is not a date News Context understands: write it like 2026-03-09, 2026-03 or 2026',
    ),
  url: z.union([z.literal(''), webAddress]),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2}$/, 'should be a two-letter language code, like "en", "fr" or "ar"'),
});

export type ArticleEditResult = { ok: true; article: StoredArticle } | { ok: false; problems: ImportProblem[] };

/**
 * Saves edited metadata; the article's excerpts (which carry its outlet and
 * date) and search entry follow. A URL another article already has is refused.
 */
export async function updateArticleMetadata(
  store: CorpusStore,
  articleId: string,
  edit: ArticleMetadataEdit,
  catalog?: ImportCatalog,
): Promise<ArticleEditResult> {
  const checked = metadataEditSchema.safeParse(edit);
  if (!checked.success) return { ok: false, problems: problemsFromZod(edit.title || articleId, checked.error) };
  const fields = checked.data;
  return corpusTransaction(store.db, async (): Promise<ArticleEditResult> => {
    const current = await store.db.articles.get(articleId);
    if (!current) {
      return { ok: false, problems: [{ file: fields.title, field: 'article', reason: 'no longer exists (deleted?)' }] };
    }
    const urlKey = fields.url ? urlKeyOf(fields.url) : '';
    if (urlKey) {
      const other = await store.db.articles.where('urlKey').equals(urlKey).first();
      if (other && other.id !== articleId) {
        return {
          ok: false,
          problems: [{ file: fields.title, field: 'url', reason: `is already the address of “${other.title}”` }],
        };
      }
    }
    const stated = fields.date ? partialDateFromInput(fields.date) : null;
    const sameDate = (stated ?? null) === current.published.date;
    const { url: _url, ...withoutUrl } = current;
    const article: StoredArticle = {
      ...withoutUrl,
      title: fields.title,
      titleSource: fields.title === current.title ? current.titleSource : 'text',
      outlet: fields.outlet || 'unknown',
      byline: fields.byline || 'unknown',
      language: fields.language,
      ...(fields.url ? { url: fields.url } : {}),
      // An unchanged date keeps its basis and reason; a typed one is the reader's statement.
      published: sameDate ? current.published : publishedDate(stated, 'your edit', ''),
      site: fields.url ? siteOf(fields.url) : '',
      urlKey,
    };
    const now = await readImportCatalog(store.db, store.index, catalog);
    await replaceImportedArticle(store.db, article, now, store.search);
    return { ok: true, article };
  });
}

/**
 * Deletes articles with everything derived from them, and keeps each article
 * in the trash for a week (`article-trash.ts` restores, lists and purges).
 * One transaction: an article is either in the corpus or in the trash, never
 * in both or neither. Returns the ids moved.
 */
export async function deleteArticles(store: CorpusStore, articleIds: readonly string[]): Promise<string[]> {
  return corpusTransaction(store.db, async () => {
    const { articles } = await removeImportedArticles(store.db, articleIds, store.search);
    const deletedAt = (store.now ?? Date.now)();
    await store.db.trash.bulkPut(articles.map((article) => ({ articleId: article.id, deletedAt, article })));
    return articles.map((article) => article.id);
  });
}

/** What a reset clears besides the corpus: the reader chooses in the reset dialog. */
export interface ResetChoices {
  /** "Don't highlight this" and "Not this": every hidden entity is shown again. */
  hiddenEntities: boolean;
  /** Highlight mode, paused sites and sites added to the annotated ones (their scripts are unregistered by the background). */
  settings: boolean;
}

/** What a reset would clear and keep, counted, for the dialog to say exactly. */
export interface ResetScope {
  articles: number;
  trashedArticles: number;
  entities: number;
  candidateDecisions: number;
  hiddenEntities: number;
  pausedSites: number;
  extraSites: number;
  highlightMode: Settings['highlightMode'];
}

/** Counts what {@link resetToSeedCorpus} would clear or keep, in one read transaction. */
export async function readResetScope(store: Pick<CorpusStore, 'db'>): Promise<ResetScope> {
  const { db } = store;
  return db.transaction('r', db.tables, async () => {
    const [articles, trashedArticles, entities, candidateDecisions, hiddenEntities, settings] = await Promise.all([
      db.articles.count(),
      db.trash.count(),
      db.entities.count(),
      db.candidateDecisions.count(),
      db.feedback.count(),
      readSettings(db),
    ]);
    return {
      articles,
      trashedArticles,
      entities,
      candidateDecisions,
      hiddenEntities,
      pausedSites: settings.pausedSites.length,
      extraSites: settings.extraSites.length,
      highlightMode: settings.highlightMode,
    };
  });
}

/**
 * Back to the bundled corpus: imported articles (the trash included), the
 * reader's entities and edits, and candidate decisions go. Hidden entities
 * ("Don't highlight this", "Not this") go too unless the reader keeps them:
 * before issue #14 they stayed, so a reset left bundled entities muted with
 * no way to see why. Settings (highlight mode, paused and added sites) stay
 * unless the reader ticks them. One transaction.
 */
export async function resetToSeedCorpus(
  store: CorpusStore,
  choices: ResetChoices = { hiddenEntities: true, settings: false },
): Promise<ImportCatalog> {
  return corpusTransaction(store.db, async () => {
    const { db } = store;
    await Promise.all([
      db.articles.clear(),
      db.mentions.clear(),
      db.articleExcerpts.clear(),
      db.entities.clear(),
      db.candidateDecisions.clear(),
      db.candidates.clear(),
      db.searchSegments.clear(),
      db.trash.clear(),
      choices.hiddenEntities ? db.feedback.clear() : undefined,
      choices.settings ? db.settings.clear() : undefined,
    ]);
    const catalog = await readImportCatalog(db, store.index);
    await store.search.rebuild(db, catalog);
    return catalog;
  });
}

/**
 * Everything the reader added, as one corpus pack: articles, entities and
 * edits, feedback, settings, candidate decisions. Read in one transaction, so
 * the pack is a consistent snapshot. Importing it into an empty profile gives
 * the same database back.
 */
export async function exportCorpus(store: Pick<CorpusStore, 'db'>, exportedAt = new Date()): Promise<CorpusPack> {
  const { db } = store;
  return db.transaction('r', db.tables, async () => {
    const [articles, entities, feedback, candidateDecisions, settingsRow] = await Promise.all([
      db.articles.orderBy('importedAt').toArray(),
      db.entities.toArray(),
      db.feedback.toArray(),
      db.candidateDecisions.toArray(),
      db.settings.get('settings'),
    ]);
    return buildCorpusPack({
      articles,
      entities,
      feedback,
      candidateDecisions,
      ...(settingsRow ? { settings: await readSettings(db) } : {}),
      exportedAt,
    });
  });
}

/** A file name for an export: `news-context-2026-03-10.json`. */
export function exportFileName(date = new Date()): string {
  return `news-context-${date.toISOString().slice(0, 10)}.json`;
}
