/**
 * How our extension pages (popup, reader) reach the corpus: the bundled
 * index, loaded and validated once per page; the reader's own entities and
 * imported articles, read from the extension's IndexedDB; entity cards from
 * the background, so a page shows exactly the card the hover card shows.
 *
 * Search runs in the page that shows it (issue #4): the bundled index is
 * loaded from its serialized form, never re-indexed, and imported articles
 * come as pre-built segments, so opening the popup costs a load, not a build.
 */
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import type { EntityCard } from '@/lib/corpus/entity-card';
import { sendToBackground } from '@/lib/extension/send-message';
import type { IndexedArticle } from '@/lib/model/index-schema';
import { type ArticleSources, CorpusSearch } from '@/lib/search/corpus-search';
import { NewsContextDatabase } from '@/lib/storage/database';
import { loadSearchSegments, rebuildSearchSegments } from '@/lib/storage/imported-search-index';

// Our pages trust the bundled file's shape (the build wrote it, tests check it) and check its version only.
const PAGE_LOAD = { check: 'version' } as const;

let database: NewsContextDatabase | undefined;
let bundled: CorpusSearch | undefined;
let bundledCatalog: CorpusCatalog | undefined;
let full: Promise<{ search: CorpusSearch; catalog: CorpusCatalog }> | undefined;

/** The page's one connection to the extension's database. */
export function openDatabase(): NewsContextDatabase {
  database ??= new NewsContextDatabase();
  return database;
}

/** Search over the bundled corpus alone: ready synchronously, so the popup is usable at once. */
export function bundledSearch(): CorpusSearch {
  bundled ??= new CorpusSearch({ index: loadBundledIndex(PAGE_LOAD).index });
  return bundled;
}

function localCatalog(): CorpusCatalog {
  bundledCatalog ??= new CorpusCatalog({ index: loadBundledIndex(PAGE_LOAD).index });
  return bundledCatalog;
}

/** Text and mentions of imported articles, for snippets: only the results shown are read. */
function databaseSources(db: NewsContextDatabase): ArticleSources {
  return {
    async texts(ids) {
      const articles = await db.articles.bulkGet([...ids]);
      return new Map(articles.flatMap((article) => (article ? [[article.id, article.text] as const] : [])));
    },
    async mentions(ids) {
      const groups = await db.mentions
        .where('articleId')
        .anyOf([...ids])
        .toArray();
      const byArticle = new Map<string, typeof groups>();
      for (const group of groups) byArticle.set(group.articleId, [...(byArticle.get(group.articleId) ?? []), group]);
      return byArticle;
    },
  };
}

/**
 * The whole corpus: bundled, plus the reader's own entities and imported
 * articles. Resolves to {@link bundledSearch} itself when the reader has
 * neither, so nothing is loaded twice. Indexes imported articles that no
 * segment covers yet first (after a database migration).
 */
export function loadCorpus(): Promise<{ search: CorpusSearch; catalog: CorpusCatalog }> {
  full ??= (async () => {
    const db = openDatabase();
    const { index } = loadBundledIndex(PAGE_LOAD);
    try {
      const [userEntities, stored] = await Promise.all([db.entities.toArray(), loadSearchSegments(db)]);
      const catalog = userEntities.length > 0 ? new CorpusCatalog({ index, userEntities }) : localCatalog();
      let { segments } = stored;
      if (stored.needsRebuild) {
        await rebuildSearchSegments(db, catalog.entityById);
        segments = (await loadSearchSegments(db)).segments;
      }
      if (userEntities.length === 0 && segments.length === 0) return { search: bundledSearch(), catalog };
      const search = new CorpusSearch({
        index,
        entities: catalog.entities,
        segments,
        importedSources: databaseSources(db),
      });
      return { search, catalog };
    } catch (error) {
      // The bundled corpus still works when the reader's database cannot be read.
      console.error('News Context: could not read imported articles; searching the bundled corpus only.', error);
      return { search: bundledSearch(), catalog: localCatalog() };
    }
  })();
  return full;
}

/** An article of the corpus, bundled or imported, with its text. */
export async function loadArticle(articleId: string): Promise<IndexedArticle | undefined> {
  const seed = loadBundledIndex(PAGE_LOAD).index.articles.find((article) => article.id === articleId);
  if (seed) return seed;
  return openDatabase()
    .articles.get(articleId)
    .catch(() => undefined);
}

/**
 * An entity's card, as the background builds it for the hover card (the same
 * content everywhere); built here from the bundled corpus if the background
 * does not answer.
 */
export async function loadEntityCard(entityId: string): Promise<EntityCard | undefined> {
  const card = await sendToBackground({ type: 'entity/card', entityId });
  if (card) return card;
  const { catalog } = await loadCorpus();
  return catalog.card(entityId);
}
