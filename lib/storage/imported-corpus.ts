import { indexMentions } from '../corpus/build-index';
import { CorpusCatalog } from '../corpus/catalog';
import { createEntityMatcher, type EntityMatcher, type MatcherSpec } from '../matching/match-entities';
import type { CorpusIndex, Excerpt, IndexedArticle } from '../model/index-schema';
import type { Entity } from '../model/knowledge-base';
import { appendAll } from '../text/append-all';
import {
  articleExcerptsRow,
  type NewsContextDatabase,
  type StoredArticle,
  type StoredArticleExcerpts,
  type StoredEntity,
  type StoredExcerpt,
  type StoredMentionGroup,
} from './database';

/**
 * The reader's imported articles and what is derived from them: mentions,
 * excerpts (what cards quote) and the imported articles' search index.
 * Derived data is always a function of the articles and the current
 * entities: whenever either changes, the affected articles are matched again
 * in the same transaction, so an export, a wipe and a re-import give back
 * exactly the same database (issue #5).
 *
 * Every writer here runs inside the caller's transaction (see
 * {@link corpusTransaction}); none opens its own.
 */

/** The bundled entities merged with the reader's, and the matcher compiled from them. */
export interface ImportCatalog {
  index: CorpusIndex;
  userEntities: readonly StoredEntity[];
  entities: readonly Entity[];
  entityById: ReadonlyMap<string, Entity>;
  /** The matcher's precompiled form: plain data, for a worker to compile its own matcher from. */
  matcherSpec: MatcherSpec;
  matcher: EntityMatcher;
  /** Changes whenever the reader's entities change; tells a stale catalog apart. */
  signature: string;
}

/**
 * The imported articles' search index, kept by the search module (issue #4)
 * in segments, so adding an article never re-serializes the whole index.
 * Every call runs inside our write transaction: a failed import leaves the
 * index as it was, with the articles.
 */
export interface ImportedSearchIndex {
  /** Adds articles (new, or just removed and changed), with their mention groups when the caller has them. */
  add(
    db: NewsContextDatabase,
    articles: readonly StoredArticle[],
    catalog: ImportCatalog,
    mentions?: readonly StoredMentionGroup[],
  ): Promise<void>;
  remove(db: NewsContextDatabase, articleIds: readonly string[]): Promise<void>;
  /** Rebuilds every segment from the stored articles (reset, or a damaged index). */
  rebuild(db: NewsContextDatabase, catalog: ImportCatalog): Promise<void>;
}

/** Where the reader's corpus lives, and how its search index is kept: what every writer needs. */
export interface CorpusStore {
  db: NewsContextDatabase;
  /** The bundled index (entities, seed articles). */
  index: CorpusIndex;
  search: ImportedSearchIndex;
  /** The clock, for tests. */
  now?: () => number;
}

/** The tables an import, an edit or a reset may touch: all of them, so every step shares one transaction. */
export function corpusTables(db: NewsContextDatabase) {
  return db.tables;
}

/**
 * Runs `work` in one read-write transaction over every table: it commits
 * entirely or not at all (a QuotaExceededError included).
 */
export function corpusTransaction<T>(db: NewsContextDatabase, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', corpusTables(db), work);
}

/** A stable fingerprint of the reader's entities. */
export function entitiesSignature(userEntities: readonly StoredEntity[]): string {
  return userEntities
    .map((stored) => `${stored.id}@${stored.updatedAt}`)
    .sort()
    .join('|');
}

/**
 * The catalog for `userEntities`: bundled entities with the reader's on top,
 * and a matcher compiled from them (the bundled one is reused when the reader
 * has none).
 */
export function buildImportCatalog(index: CorpusIndex, userEntities: readonly StoredEntity[]): ImportCatalog {
  const catalog = new CorpusCatalog({ index, userEntities });
  const matcherSpec = catalog.matcherSpec() as MatcherSpec;
  return {
    index,
    userEntities,
    entities: catalog.entities,
    entityById: catalog.entityById,
    matcherSpec,
    matcher: createEntityMatcher(matcherSpec),
    signature: entitiesSignature(userEntities),
  };
}

/** The catalog as the database holds it now (inside a transaction: as this transaction sees it). */
export async function readImportCatalog(
  db: NewsContextDatabase,
  index: CorpusIndex,
  known?: ImportCatalog,
): Promise<ImportCatalog> {
  const userEntities = await db.entities.toArray();
  if (known && known.index === index && known.signature === entitiesSignature(userEntities)) return known;
  return buildImportCatalog(index, userEntities);
}

/**
 * An entity's excerpts from the reader's imported articles, and those
 * articles' titles: what the background adds to a card (`CorpusCatalog.card`).
 *
 * @example const { excerpts, articles } = await importedExcerptsOf(db, 'naqoura');
 */
export async function importedExcerptsOf(
  db: NewsContextDatabase,
  entityId: string,
): Promise<{ excerpts: Excerpt[]; articles: Pick<IndexedArticle, 'id' | 'title'>[] }> {
  return db.transaction('r', [db.articleExcerpts, db.articles], async () => {
    const rows = await db.articleExcerpts.where('entityIds').equals(entityId).toArray();
    const excerpts = rows.flatMap((row) =>
      row.excerpts
        .filter((excerpt) => excerpt.entityId === entityId)
        .map(({ entityId: _entity, ...excerpt }) => excerpt),
    );
    const articles = (await db.articles.bulkGet(rows.map((row) => row.articleId)))
      .filter((article) => article !== undefined)
      .map(({ id, title }) => ({ id, title }));
    return { excerpts, articles };
  });
}

/** Mentions and excerpts of one article. */
export interface DerivedArticleData {
  mentions: StoredMentionGroup[];
  excerpts: StoredExcerpt[];
}

/**
 * Mentions and excerpts of one article, by the build's own rule
 * (`indexMentions`): the same matcher and the same excerpt cutting as the
 * bundled corpus.
 */
export function deriveArticleData(article: IndexedArticle, catalog: ImportCatalog): DerivedArticleData {
  const { mentions, excerpts } = indexMentions([article], catalog.entities, catalog.matcher);
  const stored: StoredExcerpt[] = [];
  for (const [entityId, list] of Object.entries(excerpts)) {
    for (const excerpt of list) stored.push({ ...excerpt, entityId });
  }
  return { mentions, excerpts: stored };
}

/**
 * Writes new articles with their mentions and excerpts, and their search
 * entries unless `search` is left out (a caller writing several files in one
 * transaction indexes them together, once). Inside a transaction. Returns
 * the mention groups written.
 */
export async function writeImportedArticles(
  db: NewsContextDatabase,
  articles: readonly StoredArticle[],
  derived: ReadonlyMap<string, DerivedArticleData>,
  catalog: ImportCatalog,
  search: ImportedSearchIndex | undefined,
): Promise<StoredMentionGroup[]> {
  if (articles.length === 0) return [];
  const mentions: StoredMentionGroup[] = [];
  const rows: StoredArticleExcerpts[] = [];
  for (const article of articles) {
    const data = derived.get(article.id) ?? deriveArticleData(article, catalog);
    appendAll(mentions, data.mentions);
    if (data.excerpts.length) rows.push(articleExcerptsRow(article.id, data.excerpts));
  }
  await db.articles.bulkAdd(articles as StoredArticle[]);
  if (mentions.length) await db.mentions.bulkAdd(mentions);
  if (rows.length) await db.articleExcerpts.bulkAdd(rows);
  await search?.add(db, articles, catalog, mentions);
  return mentions;
}

/** What a deletion removed, so it can be undone. */
export interface RemovedArticles {
  articles: StoredArticle[];
}

/** Removes articles with their mentions, excerpts and search entries. Inside a transaction. */
export async function removeImportedArticles(
  db: NewsContextDatabase,
  articleIds: readonly string[],
  search: ImportedSearchIndex,
): Promise<RemovedArticles> {
  const articles = (await db.articles.bulkGet([...articleIds])).filter(
    (article): article is StoredArticle => article !== undefined,
  );
  const ids = articles.map((article) => article.id);
  if (ids.length === 0) return { articles };
  await db.mentions.where('articleId').anyOf(ids).delete();
  await db.articleExcerpts.bulkDelete(ids);
  await db.articles.bulkDelete(ids);
  await search.remove(db, ids);
  return { articles };
}

/**
 * Matches every imported article again with `catalog` and rewrites the
 * derived data of those whose mentions changed, or that mention one of
 * `changedEntityIds` (its names feed the search index). Inside a transaction.
 * Returns the ids of the articles rewritten.
 */
export async function rematchImportedArticles(
  db: NewsContextDatabase,
  catalog: ImportCatalog,
  search: ImportedSearchIndex,
  changedEntityIds: readonly string[] = [],
): Promise<string[]> {
  const [articles, stored] = await Promise.all([db.articles.toArray(), db.mentions.toArray()]);
  const storedByArticle = new Map<string, StoredMentionGroup[]>();
  for (const group of stored) {
    const list = storedByArticle.get(group.articleId);
    if (list) list.push(group);
    else storedByArticle.set(group.articleId, [group]);
  }
  const touchedEntities = new Set(changedEntityIds);
  const changed: StoredArticle[] = [];
  const derived = new Map<string, DerivedArticleData>();
  for (const article of articles) {
    const before = storedByArticle.get(article.id) ?? [];
    const data = deriveArticleData(article, catalog);
    const mentionsTouched = before.some((group) => touchedEntities.has(group.entityId));
    if (mentionsTouched || mentionKey(before) !== mentionKey(data.mentions)) {
      changed.push(article);
      derived.set(article.id, data);
    }
  }
  if (changed.length === 0) return [];
  const ids = changed.map((article) => article.id);
  await db.mentions.where('articleId').anyOf(ids).delete();
  await db.articleExcerpts.bulkDelete(ids);
  await search.remove(db, ids);
  const mentions = changed.flatMap((article) => derived.get(article.id)?.mentions ?? []);
  const rows = changed
    .map((article) => articleExcerptsRow(article.id, derived.get(article.id)?.excerpts ?? []))
    .filter((row) => row.excerpts.length > 0);
  if (mentions.length) await db.mentions.bulkAdd(mentions);
  if (rows.length) await db.articleExcerpts.bulkAdd(rows);
  await search.add(db, changed, catalog, mentions);
  return ids;
}

function mentionKey(groups: readonly StoredMentionGroup[]): string {
  return groups
    .map((group) => `${group.entityId}:${group.spans.map(([start, end]) => `${start}-${end}`).join(',')}`)
    .sort()
    .join('|');
}

/**
 * Replaces one article's metadata or text and derives its data again.
 * Inside a transaction.
 */
export async function replaceImportedArticle(
  db: NewsContextDatabase,
  article: StoredArticle,
  catalog: ImportCatalog,
  search: ImportedSearchIndex,
): Promise<void> {
  await removeImportedArticles(db, [article.id], search);
  await writeImportedArticles(db, [article], new Map(), catalog, search);
}
