import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { excerptsForMentions } from '../corpus/excerpts';
import type { Excerpt, IndexedArticle, MentionGroup } from '../model/index-schema';
import type { ReaderEntity } from '../model/knowledge-base';
import { type FeedbackVerdict, type Settings, siteOf } from '../model/settings';
import { appendAll } from '../text/append-all';
import { urlKeyOf } from '../text/article-fingerprint';
import type { StoredCandidate } from './candidate-store';

/**
 * The reader's own data, in the extension's IndexedDB (never the page's: the
 * content script does not open it; it asks the background). The bundled
 * corpus is not copied here: it ships in `data/index.json`.
 *
 * Versions are never edited once released: a change is a new version with an
 * upgrade, tested with data in it (tests/unit/database.test.ts).
 */
export const DATABASE_NAME = 'news-context';
export const DATABASE_VERSION = 5;

/** An article the reader imported. */
export interface StoredArticle extends IndexedArticle {
  origin: 'import';
  /** SHA-256 of the normalised text, to refuse duplicates. */
  textHash: string;
  importedAt: number;
  /** Host of `url` without `www.` (v2), for the outlet filter and per-site views; empty without a URL. */
  site: string;
  /** `url` normalised for duplicate checks (v2, see `lib/text/article-fingerprint.ts`); empty without a URL. */
  urlKey: string;
}

/** A row of the `entities` table: see `ReaderEntity` in `lib/model/knowledge-base.ts`. */
export type StoredEntity = ReaderEntity;

export type StoredMentionGroup = MentionGroup;

/** An excerpt of an imported article, with the entity it quotes (v2). */
export interface StoredExcerpt extends Excerpt {
  entityId: string;
}

/**
 * The excerpts of one imported article (v2): what cards quote from the
 * reader's own sources. One row per article, not per excerpt: an article
 * has dozens of excerpts, and a thousand-article import would otherwise
 * write tens of thousands of rows (issue #5's speed budget). `entityIds` is
 * a multi-entry index, so one entity's excerpts are one query.
 */
export interface StoredArticleExcerpts {
  articleId: string;
  entityIds: string[];
  excerpts: StoredExcerpt[];
}

/** @deprecated Before v2's release: the per-excerpt table, kept empty until the background reads `articleExcerpts`. */
export interface StoredExcerptRow extends StoredExcerpt {
  id?: number;
}

/** "Not this" (wrong entity here) and "Don't highlight this" (never mark it), per entity and site. */
export interface StoredFeedback {
  id?: number;
  entityId: string;
  /** Host without `www.`; empty for "everywhere". */
  site: string;
  verdict: FeedbackVerdict;
  createdAt: number;
}

export interface StoredSetting {
  key: 'settings';
  value: Settings;
}

/**
 * One segment of the imported articles' search index (v2). Each import
 * writes new small segments and never rewrites a large one; small ones are
 * merged now and then (`lib/search/search-segments.ts` owns the format and
 * the merge policy, `lib/storage/imported-search-index.ts` the writes).
 */
export interface StoredSearchSegment {
  id: number;
  articleIds: string[];
  /** The segment's serialized index (format owned by the search module, versioned there). */
  index: unknown;
}

/** A candidate entity the importer proposed, once the reader decided about it (v2). */
export interface StoredCandidateDecision {
  /** The candidate's folded phrase. */
  key: string;
  decision: 'accepted' | 'merged' | 'dismissed';
  entityId?: string;
  decidedAt: number;
}

/**
 * A deleted article, kept for {@link TRASH_KEEP_DAYS} days so the deletion can
 * be undone after the options page closed (v5, issue #14). Only the article
 * is kept: its mentions, excerpts and search entries are derived data, made
 * again from the entities of the day it comes back.
 */
export interface StoredTrashedArticle {
  articleId: string;
  deletedAt: number;
  article: StoredArticle;
}

/** How long a deleted article stays restorable. */
export const TRASH_KEEP_DAYS = 7;

export class NewsContextDatabase extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  entities!: EntityTable<StoredEntity, 'id'>;
  mentions!: Table<StoredMentionGroup, [string, string]>;
  articleExcerpts!: EntityTable<StoredArticleExcerpts, 'articleId'>;
  /** @deprecated Empty; see {@link StoredExcerptRow}. */
  excerpts!: EntityTable<StoredExcerptRow, 'id'>;
  feedback!: EntityTable<StoredFeedback, 'id'>;
  settings!: EntityTable<StoredSetting, 'key'>;
  searchSegments!: EntityTable<StoredSearchSegment, 'id'>;
  candidateDecisions!: EntityTable<StoredCandidateDecision, 'key'>;
  /** Pending candidate entities, as the last look over every imported article found them (v4). */
  candidates!: EntityTable<StoredCandidate, 'key'>;
  /** Deleted articles, restorable for a week (v5). */
  trash!: EntityTable<StoredTrashedArticle, 'articleId'>;

  constructor(name = DATABASE_NAME) {
    // Relaxed durability (Chromium): a commit returns once the data is with the OS, not flushed to disk. Each
    // transaction is still all or nothing; a power cut could only lose the last moments' writes, whole. It
    // makes a thousand-article import about a tenth faster (issue #5's speed budget).
    super(name, { chromeTransactionDurability: 'relaxed' });
    defineVersions(this);
  }
}

/** Version 1: articles, entities, mentions, feedback and settings. */
export const VERSION_1_STORES = {
  articles: 'id, &textHash, url, importedAt',
  entities: 'id, origin',
  mentions: '[articleId+entityId], articleId, entityId',
  feedback: '++id, entityId, site, [entityId+site]',
  settings: 'key',
} as const;

/**
 * Version 2: articles gain `site` and `urlKey` (indexed; `urlKey` replaces
 * the raw `url` index, so "same URL" ignores tracking parameters), cards
 * quote imported articles from stored excerpts (`articleExcerpts`, one row
 * per article), the search index of imported articles is persisted in
 * segments, and decisions on candidate entities are kept.
 *
 * `excerpts` (one row per excerpt, from v1) is no longer read or written:
 * cards read `articleExcerpts`. Its rows were moved there by
 * {@link upgradeToVersion2}; the empty table is dropped by a later version.
 */
export const VERSION_2_STORES = {
  ...VERSION_1_STORES,
  articles: 'id, &textHash, urlKey, site, importedAt',
  articleExcerpts: 'articleId, *entityIds',
  excerpts: '++id, entityId, articleId',
  searchSegments: 'id',
  candidateDecisions: 'key',
} as const;

/**
 * Version 3: mentions keep only their primary key, `[articleId+entityId]`.
 * Mentions are read by article only (`where('articleId')`, which Dexie
 * answers from the first part of the compound key), never by entity (cards
 * read `articleExcerpts`), so the `articleId` and `entityId` indexes were
 * written for every mention row and never read: a thousand-article import
 * writes about 11,000 of these rows, and each index entry cost time and
 * space (issue #6). Rows are unchanged; IndexedDB drops the two indexes.
 */
export const VERSION_3_STORES = {
  ...VERSION_2_STORES,
  mentions: '[articleId+entityId]',
} as const;

/**
 * Version 4 (issue #11): the candidate entities found in imported articles
 * are kept, so "Import more", a reload or a restart no longer loses the ones
 * the reader has not decided about. The table starts empty on upgrade: the
 * candidates are derived data (the importer's collector, a stage above this
 * one, finds them), and the options page looks in every imported article
 * when it finds articles but no stored candidates.
 */
export const VERSION_4_STORES = {
  ...VERSION_3_STORES,
  candidates: 'key',
} as const;

/**
 * Version 5 (issue #14): deleted articles go to a trash kept for a week,
 * instead of an Undo that lived 15 s in the options page's memory. Indexed
 * by `deletedAt`, so purging what is older than a week is one range delete.
 * The migration only adds the table, empty: before v5 a deleted article was
 * gone once its page closed, so there is nothing to carry over. Every other
 * table is kept as it is (tested with data in it).
 */
export const VERSION_5_STORES = {
  ...VERSION_4_STORES,
  trash: 'articleId, deletedAt',
} as const;

function defineVersions(db: Dexie): void {
  db.version(1).stores(VERSION_1_STORES);
  db.version(2).stores(VERSION_2_STORES).upgrade(upgradeToVersion2);
  db.version(3).stores(VERSION_3_STORES);
  db.version(4).stores(VERSION_4_STORES);
  db.version(5).stores(VERSION_5_STORES);
}

/**
 * v1 → v2: derive each article's site and URL key from its URL, and cut the excerpts
 * that v1 did not store from the mentions it did. Search segments are not
 * built here: the search module rebuilds any article no segment covers.
 */
export async function upgradeToVersion2(transaction: Transaction): Promise<void> {
  const articles = transaction.table<StoredArticle, string>('articles');
  const mentions = transaction.table<StoredMentionGroup, [string, string]>('mentions');
  const articleExcerpts = transaction.table<StoredArticleExcerpts, string>('articleExcerpts');
  await articles.toCollection().modify((article) => {
    article.site = article.url ? siteOf(article.url) : '';
    article.urlKey = article.url ? urlKeyOf(article.url) : '';
  });
  const byId = new Map((await articles.toArray()).map((article) => [article.id, article]));
  const byArticle = new Map<string, StoredExcerpt[]>();
  for (const group of await mentions.toArray()) {
    const article = byId.get(group.articleId);
    if (!article) continue;
    const list = byArticle.get(article.id) ?? [];
    appendAll(
      list,
      excerptsForMentions(article, group).map((excerpt) => ({ ...excerpt, entityId: group.entityId })),
    );
    byArticle.set(article.id, list);
  }
  await articleExcerpts.bulkAdd([...byArticle].map(([articleId, excerpts]) => articleExcerptsRow(articleId, excerpts)));
}

/** The stored row of one article's excerpts. */
export function articleExcerptsRow(articleId: string, excerpts: StoredExcerpt[]): StoredArticleExcerpts {
  return { articleId, entityIds: [...new Set(excerpts.map((excerpt) => excerpt.entityId))], excerpts };
}
