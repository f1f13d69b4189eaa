import { indexImportedArticles, rebuildSearchSegments, removeImportedArticles } from '../search/search-segments';
import type { ImportedSearchIndex } from './imported-corpus';

/**
 * The importer's side of the search index (issue #5 ↔ issue #4): the search
 * module keeps imported articles' search index in segments
 * (`lib/search/search-segments.ts`, re-exported by `lib/search/corpus-search.ts`); these
 * calls run inside the importer's write transaction, so articles, mentions
 * and index are saved together or not at all.
 */
export const importedSearchIndex: ImportedSearchIndex = {
  add: (db, articles, catalog, mentions) => indexImportedArticles(db, articles, catalog.entityById, mentions),
  remove: (db, articleIds) => removeImportedArticles(db, articleIds),
  rebuild: async (db, catalog) => {
    await rebuildSearchSegments(db, catalog.entityById, { from: 'scratch' });
  },
};
