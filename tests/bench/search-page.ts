/**
 * Entry bundled into the search benchmark's page (`bundleForPage`), served
 * from a localhost origin so it has real, on-disk IndexedDB. It holds what
 * an extension page holds: the bundled index (in this script, as in the
 * popup's) and `loadCorpus()` from `lib/extension/corpus-session.ts`, the very
 * code the popup and reader run. It also holds the importer, to fill the
 * page's database through the options page's path (prepare, then commit).
 *
 * Exposed as `window.__searchBench`. With `?cold=QUERY` in the address, the script
 * loads the corpus and runs the first query as soon as it runs, and leaves
 * the timings in `window.__coldStart`. Every time is taken in the page with
 * `performance.now()`.
 */

import { loadBundledIndex } from '../../lib/corpus/bundled-index';
import { loadCorpus } from '../../lib/extension/corpus-session';
import { commitPreparedFiles } from '../../lib/import/commit-import';
import { type ImportSource, sourceFromText } from '../../lib/import/import-sources';
import { type ImportContext, prepareImport } from '../../lib/import/prepare-import';
import type { CorpusSearch } from '../../lib/search/corpus-search';
import { NewsContextDatabase } from '../../lib/storage/database';
import { type ImportedSearchIndex, readImportCatalog } from '../../lib/storage/imported-corpus';
import { importedSearchIndex, rebuildSearchSegments } from '../../lib/storage/imported-search-index';
import { CorpusGenerator, type QueryKind } from './corpus-generator';

export interface ColdStart {
  /** From the first byte of the page's first script to the first query's results. */
  fromScriptMs: number;
  /** From navigation start (fetching the page and the script included). */
  fromNavigationMs: number;
  /** Of which `loadCorpus()` (open the database, read segments and entities, build the search). */
  loadCorpusMs: number;
  firstQueryMs: number;
  articleCount: number;
  firstQueryHits: number;
}

export interface ImportRun {
  articles: number;
  files: number;
  /** Reading the drafts from the Markdown files (`sourceFromText`): the options page does this as files are read. */
  readMs: number;
  prepareMs: number;
  commitMs: number;
  /** Of the commit, the time in the search index's `add` (segments). */
  searchIndexMs: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface QueryTimes {
  kind: QueryKind;
  times: number[];
  /** Per query: whether it found anything (an entity or an article). */
  answered: boolean[];
}

declare global {
  interface Window {
    __scriptStart?: number;
    __coldStart?: ColdStart | { error: string };
    __searchBench: typeof searchBench;
    __heldSearch?: CorpusSearch;
  }
}

let generator: CorpusGenerator | undefined;
let database: NewsContextDatabase | undefined;

function db(): NewsContextDatabase {
  // The same database, by the same class and name, that `loadCorpus()` opens.
  database ??= new NewsContextDatabase();
  return database;
}

function corpusGenerator(): CorpusGenerator {
  if (!generator) throw new Error('News Context bench: call __searchBench.setVocabulary first');
  return generator;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Articles `from`..`to`-1 as Markdown files read by the importer's own reader. */
function sourcesFor(from: number, to: number): ImportSource[] {
  const sources: ImportSource[] = [];
  for (let n = from; n < to; n++) {
    const { name, text } = corpusGenerator().markdown(n);
    sources.push(sourceFromText(name, 'md', text, text.length, parseHtml));
  }
  return sources;
}

const searchBench = {
  setVocabulary(vocabulary: string[], seed = 6): void {
    generator = new CorpusGenerator({ vocabulary, entities: loadBundledIndex().index.entities, seed });
  },

  /** Sizes of a few generated articles, to check the generator from the bench. */
  sample(count: number): { chars: number; mentions: number }[] {
    return Array.from({ length: count }, (_, n) => {
      const article = corpusGenerator().article(n);
      return { chars: article.text.length, mentions: article.mentions };
    });
  },

  /**
   * Imports generated articles `from`..`to`-1 as the options page does,
   * `filesPerImport` files per import (one prepare and one commit each).
   * Times the parts; the search index's part through the importer's hook.
   */
  async importRange(from: number, to: number, filesPerImport = 1000): Promise<ImportRun> {
    const run: ImportRun = {
      articles: to - from,
      files: 0,
      readMs: 0,
      prepareMs: 0,
      commitMs: 0,
      searchIndexMs: 0,
      imported: 0,
      duplicates: 0,
      failed: 0,
    };
    const timedSearch: ImportedSearchIndex = {
      ...importedSearchIndex,
      add: async (...args) => {
        const started = performance.now();
        try {
          await importedSearchIndex.add(...args);
        } finally {
          run.searchIndexMs += performance.now() - started;
        }
      },
    };
    const { index } = loadBundledIndex();
    for (let start = from; start < to; start += filesPerImport) {
      const end = Math.min(to, start + filesPerImport);
      const read = performance.now();
      const sources = sourcesFor(start, end);
      const prepare = performance.now();
      // What the options page holds when the reader drops files: the catalog read once, when it opened.
      const context: ImportContext = {
        db: db(),
        index,
        search: timedSearch,
        catalog: await readImportCatalog(db(), index),
      };
      const started = performance.now();
      const prepared = await prepareImport(context, sources);
      const committing = performance.now();
      const outcome = await commitPreparedFiles(context, prepared);
      const done = performance.now();
      run.files += sources.length;
      run.readMs += prepare - read;
      run.prepareMs += committing - started;
      run.commitMs += done - committing;
      for (const file of outcome.outcomes) {
        run.imported += file.imported.length;
        run.duplicates += file.duplicates.length;
        if (file.status === 'failed') run.failed++;
      }
    }
    return run;
  },

  /** The whole search index built again from the stored articles: `rebuildSearchSegments(…, { from: 'scratch' })`. */
  async rebuildIndex(): Promise<{ ms: number; articles: number }> {
    const catalog = await readImportCatalog(db(), loadBundledIndex().index);
    const started = performance.now();
    const articles = await rebuildSearchSegments(db(), catalog.entityById, { from: 'scratch' });
    return { ms: performance.now() - started, articles };
  },

  /** What the origin stores: the browser's estimate, and rows and JSON characters per table. */
  async storage(): Promise<{ usage: number; tables: { name: string; rows: number; jsonChars: number }[] }> {
    const estimate = await navigator.storage.estimate();
    const tables: { name: string; rows: number; jsonChars: number }[] = [];
    for (const table of db().tables) {
      let jsonChars = 0;
      let rows = 0;
      await table.each((row) => {
        rows++;
        // Binary parts (typed arrays, buffers) count as their bytes, not as JSON would spell them out.
        let binary = 0;
        const text = JSON.stringify(row, (_key, value: unknown) => {
          if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
            binary += value.byteLength;
            return 0;
          }
          return value;
        });
        jsonChars += text.length + binary;
      });
      tables.push({ name: table.name, rows, jsonChars });
    }
    return { usage: estimate.usage ?? 0, tables };
  },

  async articleCount(): Promise<number> {
    return db().articles.count();
  },

  /** Loads the corpus as the popup does and keeps it on `window` (for the heap measurement). */
  async holdCorpus(): Promise<number> {
    const { search } = await loadCorpus();
    window.__heldSearch = search;
    return search.articleCount;
  },

  queries(kind: QueryKind, count: number, corpusSize: number, seed = 1): string[] {
    return corpusGenerator().queries(kind, count, corpusSize, seed);
  },

  /** Times `search.search(query)`, what the popup runs on every keystroke, for each query. */
  async timeSearch(kind: QueryKind, queries: string[]): Promise<QueryTimes> {
    const { search } = await loadCorpus();
    const times: number[] = [];
    const answered: boolean[] = [];
    for (const query of queries) {
      const started = performance.now();
      const results = search.search(query);
      times.push(performance.now() - started);
      answered.push(results.entities.length > 0 || results.articles.length > 0);
    }
    return { kind, times, answered };
  },

  /** Times `search.view(query)`: the results with their snippets, as the popup shows them. */
  async timeView(queries: string[]): Promise<number[]> {
    const { search } = await loadCorpus();
    const times: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      await search.view(query);
      times.push(performance.now() - started);
    }
    return times;
  },
};

window.__searchBench = searchBench;

/** Cold start, as the popup meets it: the corpus loaded from the database, then the first query. */
async function coldStart(query: string): Promise<ColdStart> {
  const scriptStart = window.__scriptStart ?? 0;
  const loading = performance.now();
  const { search } = await loadCorpus();
  const querying = performance.now();
  const results = search.search(query);
  const done = performance.now();
  return {
    fromScriptMs: done - scriptStart,
    fromNavigationMs: done,
    loadCorpusMs: querying - loading,
    firstQueryMs: done - querying,
    articleCount: search.articleCount,
    firstQueryHits: results.articles.length + results.entities.length,
  };
}

const cold = new URLSearchParams(location.search).get('cold');
if (cold !== null) {
  coldStart(cold)
    .then((result) => {
      window.__coldStart = result;
    })
    .catch((error: unknown) => {
      window.__coldStart = { error: String(error) };
    });
}
