/**
 * The search and import benchmark (issue #6, part 5).
 *
 * Corpora of 5, 500, 5,000 and 10,000 generated articles of about 5 KB
 * (`corpus-generator.ts`), each a superset of the one before, imported
 * through the real importer (Markdown files → `prepareImport` →
 * `commitPreparedFiles`, 1,000 files per import) into the real IndexedDB of
 * a localhost page in headless Chromium (a persistent profile on disk, as an
 * extension has). For each corpus:
 *
 * - index build time: the time the imports spent in the search index's
 *   `add` (incremental, per import), and a rebuild of the whole index from
 *   the stored articles (`rebuildSearchSegments(…, { from: 'scratch' })`);
 * - cold start: the page reloaded (a fresh JS heap), then from the first byte
 *   of its first script to the first query's results: the script (with the
 *   bundled index in it, as the popup's), `loadCorpus()` from
 *   `lib/extension/corpus-session.ts` (the popup's own code: database, segments,
 *   `CorpusSearch`), the first `search()`;
 * - p50 and p95 of `search.search(query)` (what the popup runs per
 *   keystroke) for exact, prefix and fuzzy queries drawn from the corpus;
 * - retained heap: CDP's used JS heap after two forced collections, with the
 *   corpus held on `window`, and the difference `loadCorpus()` made;
 * - bytes stored: `navigator.storage.estimate().usage`, and rows and JSON
 *   characters per table.
 *
 * Then import time of 1 article into the largest corpus (5 runs) and of
 * 1,000 articles in one import into it. `--quick` runs 5 and 500 articles.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import nlp from 'compromise';
import { findChromium } from '../e2e/chromium-path';
import { bundleForPage } from '../support/bundle-for-page';
import {
  type Benchmark,
  type BenchOptions,
  type BenchSection,
  type BenchTarget,
  formatMs,
  markdownTable,
  median,
  quantile,
} from './bench-report';
import { type QueryKind, syntheticWords } from './corpus-generator';
import type { ColdStart, ImportRun, QueryTimes } from './search-page';
import { mulberry32 } from './seeded-random';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const FULL_SIZES = [5, 500, 5000, 10_000];
const QUICK_SIZES = [5, 500];
const QUERIES_PER_KIND = 200;
const WARM_UP_QUERIES = 20;
const VIEW_QUERIES = 30;
const COLD_STARTS = 3;
const SINGLE_IMPORTS = 5;
const BATCH_IMPORT = 1000;
const FILES_PER_IMPORT = 1000;
/** Distinct words the generator draws from. */
const VOCABULARY_SIZE = 40_000;
const KINDS: QueryKind[] = ['exact', 'prefix', 'fuzzy'];

const TARGETS = {
  exactP95: 15,
  prefixP95: 15,
  fuzzyP95: 50,
  coldStart: 1500,
  heapMb: 100,
  importOne: 50,
  importThousand: 10_000,
};

/**
 * Words from common to rare: the seed articles' words by frequency (real
 * news English), then the rest of compromise's English lexicon in a seeded
 * order, then synthetic word forms up to {@link VOCABULARY_SIZE}.
 */
export function newsVocabulary(): string[] {
  const seedsDir = join(repoRoot, 'seeds');
  const counts = new Map<string, number>();
  for (const file of readdirSync(seedsDir).filter((name) => name.endsWith('.txt'))) {
    for (const word of readFileSync(join(seedsDir, file), 'utf8')
      .toLowerCase()
      .match(/[a-z]+/g) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const fromSeeds = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const taken = new Set(fromSeeds);
  // compromise's English lexicon: about 14,000 words, with tags we do not need.
  const world = nlp.world() as { model: { one: { lexicon: Record<string, unknown> } } };
  const lexicon = Object.keys(world.model.one.lexicon)
    .filter((word) => /^[a-z]{3,14}$/.test(word) && !taken.has(word))
    .sort();
  const random = mulberry32(5);
  for (let i = lexicon.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lexicon[i], lexicon[j]] = [lexicon[j] as string, lexicon[i] as string];
  }
  const real = [...fromSeeds, ...lexicon];
  return [...real, ...syntheticWords(Math.max(0, VOCABULARY_SIZE - real.length), new Set(real))];
}

/** Serves the benchmark page and its script from localhost (a real origin with its own IndexedDB). */
async function startServer(script: string): Promise<{ server: Server; origin: string }> {
  const page =
    '<!doctype html><meta charset="utf-8"><title>News Context search bench</title>' +
    // The first byte of script: cold start counts from here, so the bundle's parse and the index in it count.
    '<script>window.__scriptStart = performance.now();</script><script src="/search-page.js"></script>';
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/search-page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(script);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface SizeResult {
  size: number;
  importRun: ImportRun;
  rebuild: { ms: number; articles: number };
  cold: ColdStart[];
  queries: Record<QueryKind, QueryTimes>;
  viewTimes: number[];
  heapBefore: number;
  heapAfter: number;
  heldArticles: number;
  storage: { usage: number; tables: { name: string; rows: number; jsonChars: number }[] };
}

async function openPage(page: Page, origin: string, vocabulary: string[], query = ''): Promise<void> {
  await page.goto(`${origin}/?${query}`);
  await page.waitForFunction(() => window.__searchBench !== undefined);
  await page.evaluate((words) => window.__searchBench.setVocabulary(words), vocabulary);
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)}MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

async function measureSize(
  context: BrowserContext,
  page: Page,
  origin: string,
  vocabulary: string[],
  from: number,
  size: number,
  log: (line: string) => void,
): Promise<SizeResult> {
  await openPage(page, origin, vocabulary, 'import');
  const importRun = await page.evaluate(
    ([start, end, perImport]) => window.__searchBench.importRange(start, end, perImport),
    [from, size, FILES_PER_IMPORT] as const,
  );
  log(
    `${size}: imported ${importRun.imported} (${importRun.failed} failed, ${importRun.duplicates} duplicates) in ` +
      `${seconds(importRun.prepareMs + importRun.commitMs)}, index ${seconds(importRun.searchIndexMs)}`,
  );
  if (importRun.failed > 0 || importRun.imported !== size - from) {
    throw new Error(`News Context bench: expected ${size - from} imported articles, got ${importRun.imported}`);
  }
  const storage = await page.evaluate(() => window.__searchBench.storage());
  const rebuild = await page.evaluate(() => window.__searchBench.rebuildIndex());
  log(`${size}: index rebuilt from scratch in ${seconds(rebuild.ms)}`);

  const firstQuery = (await page.evaluate((n) => window.__searchBench.queries('exact', 1, n, 99), size))[0] ?? '';
  const cold: ColdStart[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    await page.goto(`${origin}/?cold=${encodeURIComponent(firstQuery)}&run=${run}`);
    const handle = await page.waitForFunction(() => window.__coldStart, undefined, { timeout: 120_000 });
    const result = (await handle.jsonValue()) as ColdStart | { error: string };
    if ('error' in result) throw new Error(`News Context bench: cold start failed: ${result.error}`);
    if (result.articleCount !== size + 5 && result.articleCount < size) {
      throw new Error(
        `News Context bench: the search holds ${result.articleCount} articles, not ${size} and the seeds`,
      );
    }
    cold.push(result);
  }
  log(`${size}: cold start ${cold.map((run) => formatMs(run.fromScriptMs)).join(', ')}`);

  // Queries run in the last cold-started page: the corpus is loaded, as in a popup being typed in.
  await page.evaluate((words) => window.__searchBench.setVocabulary(words), vocabulary);
  const queries = {} as Record<QueryKind, QueryTimes>;
  for (const kind of KINDS) {
    const list = await page.evaluate(([k, count, n]) => window.__searchBench.queries(k, count, n), [
      kind,
      QUERIES_PER_KIND + WARM_UP_QUERIES,
      size,
    ] as const);
    const timed = await page.evaluate(([k, l]) => window.__searchBench.timeSearch(k, l), [kind, list] as const);
    // The first few warm the JIT for this kind of query; the popup's reader types more than 20 keys.
    queries[kind] = {
      kind,
      times: timed.times.slice(WARM_UP_QUERIES),
      answered: timed.answered.slice(WARM_UP_QUERIES),
    };
  }
  const viewList = await page.evaluate(([count, n]) => window.__searchBench.queries('exact', count, n, 3), [
    VIEW_QUERIES,
    size,
  ] as const);
  const viewTimes = await page.evaluate((list) => window.__searchBench.timeView(list), viewList);
  log(`${size}: p95 ${KINDS.map((kind) => `${kind} ${formatMs(quantile(queries[kind].times, 0.95))}`).join(', ')}`);

  await page.goto(`${origin}/?heap`);
  await page.waitForFunction(() => window.__searchBench !== undefined);
  const cdp = await context.newCDPSession(page);
  const heapBefore = await usedHeap(cdp);
  const heldArticles = await page.evaluate(() => window.__searchBench.holdCorpus());
  const heapAfter = await usedHeap(cdp);
  await cdp.detach();
  log(`${size}: heap ${mb(heapAfter)} (${mb(heapAfter - heapBefore)} for the corpus)`);
  return { size, importRun, rebuild, cold, queries, viewTimes, heapBefore, heapAfter, heldArticles, storage };
}

interface ImportResults {
  corpus: number;
  single: ImportRun[];
  batch: ImportRun;
}

async function measureImports(
  page: Page,
  origin: string,
  vocabulary: string[],
  corpus: number,
  log: (line: string) => void,
): Promise<ImportResults> {
  // The options page as opened: the importer's code loaded, nothing imported in this page yet.
  await openPage(page, origin, vocabulary, 'import-one');
  const single: ImportRun[] = [];
  for (let run = 0; run < SINGLE_IMPORTS; run++) {
    const n = corpus + run;
    single.push(await page.evaluate(([a, b]) => window.__searchBench.importRange(a, b), [n, n + 1] as const));
  }
  log(`import 1 article into ${corpus}: ${single.map((run) => formatMs(run.prepareMs + run.commitMs)).join(', ')}`);
  await openPage(page, origin, vocabulary, 'import-thousand');
  const start = corpus + SINGLE_IMPORTS;
  const batch = await page.evaluate(([a, b]) => window.__searchBench.importRange(a, b, b - a), [
    start,
    start + BATCH_IMPORT,
  ] as const);
  log(`import ${BATCH_IMPORT} articles into ${corpus + SINGLE_IMPORTS}: ${seconds(batch.prepareMs + batch.commitMs)}`);
  if (batch.imported !== BATCH_IMPORT || single.some((run) => run.imported !== 1)) {
    throw new Error('News Context bench: an import benchmark did not import every article');
  }
  return { corpus, single, batch };
}

function report(sizes: SizeResult[], imports: ImportResults, quick: boolean): BenchSection {
  const largest = sizes[sizes.length - 1] as SizeResult;
  const p95 = (result: SizeResult, kind: QueryKind) => quantile(result.queries[kind].times, 0.95);
  const coldMedian = (result: SizeResult) => median(result.cold.map((run) => run.fromScriptMs));
  const importMs = (run: ImportRun) => run.prepareMs + run.commitMs;
  const singleMedian = median(imports.single.map(importMs));
  const label = largest.size >= 1000 ? `${largest.size / 1000}k` : String(largest.size);

  const searchRows = sizes.map((result) => [
    result.size.toLocaleString('en'),
    ...KINDS.flatMap((kind) => [
      formatMs(median(result.queries[kind].times)),
      formatMs(p95(result, kind)),
      `${result.queries[kind].answered.filter(Boolean).length}/${result.queries[kind].answered.length}`,
    ]),
    formatMs(median(result.viewTimes)),
  ]);
  const corpusRows = sizes.map((result) => {
    // The parts of the median run, so they add up to the cold start shown.
    const cold = [...result.cold].sort((a, b) => a.fromScriptMs - b.fromScriptMs)[
      Math.floor(result.cold.length / 2)
    ] as ColdStart;
    return [
      result.size.toLocaleString('en'),
      seconds(result.importRun.searchIndexMs),
      seconds(result.rebuild.ms),
      `${formatMs(coldMedian(result))} (${result.cold.map((run) => formatMs(run.fromScriptMs)).join(', ')})`,
      formatMs(cold.loadCorpusMs),
      formatMs(cold.firstQueryMs),
      mb(result.heapAfter),
      mb(result.heapAfter - result.heapBefore),
      mb(result.storage.usage),
    ];
  });
  const tableRows = largest.storage.tables
    .filter((table) => table.rows > 0)
    .map((table) => [table.name, table.rows.toLocaleString('en'), mb(table.jsonChars)]);
  const importRows = [
    ...imports.single.map((run, at) => [
      `1 article (run ${at + 1})`,
      formatMs(run.readMs),
      formatMs(run.prepareMs),
      formatMs(run.commitMs),
      formatMs(run.searchIndexMs),
      formatMs(importMs(run)),
    ]),
    [
      `${BATCH_IMPORT.toLocaleString('en')} articles, one import`,
      formatMs(imports.batch.readMs),
      formatMs(imports.batch.prepareMs),
      formatMs(imports.batch.commitMs),
      formatMs(imports.batch.searchIndexMs),
      formatMs(importMs(imports.batch)),
    ],
    ...sizes.map((result, at) => [
      `corpus build: ${(result.size - (sizes[at - 1]?.size ?? 0)).toLocaleString('en')} articles into ${(sizes[at - 1]?.size ?? 0).toLocaleString('en')}`,
      formatMs(result.importRun.readMs),
      formatMs(result.importRun.prepareMs),
      formatMs(result.importRun.commitMs),
      formatMs(result.importRun.searchIndexMs),
      formatMs(importMs(result.importRun)),
    ]),
  ];

  const targets: BenchTarget[] = [
    {
      name: `search-exact-p95-${label}`,
      measured: formatMs(p95(largest, 'exact')),
      target: `<=${TARGETS.exactP95}ms`,
      pass: p95(largest, 'exact') <= TARGETS.exactP95,
    },
    {
      name: `search-prefix-p95-${label}`,
      measured: formatMs(p95(largest, 'prefix')),
      target: `<=${TARGETS.prefixP95}ms`,
      pass: p95(largest, 'prefix') <= TARGETS.prefixP95,
    },
    {
      name: `search-fuzzy-p95-${label}`,
      measured: formatMs(p95(largest, 'fuzzy')),
      target: `<=${TARGETS.fuzzyP95}ms`,
      pass: p95(largest, 'fuzzy') <= TARGETS.fuzzyP95,
    },
    {
      name: `search-cold-start-${label}`,
      measured: formatMs(coldMedian(largest)),
      target: `<=${TARGETS.coldStart}ms`,
      pass: coldMedian(largest) <= TARGETS.coldStart,
    },
    {
      name: `search-heap-${label}`,
      measured: mb(largest.heapAfter),
      target: `<=${TARGETS.heapMb}MB`,
      pass: largest.heapAfter <= TARGETS.heapMb * 2 ** 20,
    },
    {
      name: 'import-1-article',
      measured: formatMs(singleMedian),
      target: `<=${TARGETS.importOne}ms`,
      pass: singleMedian <= TARGETS.importOne,
    },
    {
      name: `import-${BATCH_IMPORT}-articles`,
      measured: formatMs(importMs(imports.batch)),
      target: `<=${TARGETS.importThousand}ms`,
      pass: importMs(imports.batch) <= TARGETS.importThousand,
    },
  ];

  const markdown = [
    quick
      ? 'Quick run: corpora of 5 and 500 articles only; the search targets are for 10,000 and are checked here at the largest size run.'
      : '',
    `Generated articles (\`tests/bench/corpus-generator.ts\`, seed 6) of about 5 KB, ${VOCABULARY_SIZE.toLocaleString('en')}-word Zipf vocabulary, knowledge-base aliases about every 300 characters; imported as Markdown files through the real importer into a localhost page's IndexedDB (headless Chromium, persistent profile), ${FILES_PER_IMPORT.toLocaleString('en')} files per import. Corpora are nested: each size adds articles to the one before. The 5 bundled seed articles are searched too.`,
    '',
    '### Search, per query (`search.search`, in the page after a cold start)',
    '',
    `${QUERIES_PER_KIND} seeded queries of each kind after ${WARM_UP_QUERIES} unmeasured ones; "hits" = queries with any result. \`view\` = \`search.view\` (results with snippets read from IndexedDB), median of ${VIEW_QUERIES} exact queries.`,
    '',
    markdownTable(
      [
        'articles',
        'exact p50',
        'exact p95',
        'hits',
        'prefix p50',
        'prefix p95',
        'hits',
        'fuzzy p50',
        'fuzzy p95',
        'hits',
        'view p50',
      ],
      searchRows,
    ),
    '',
    '### Index, cold start, heap, storage',
    '',
    'Index (import) = time the imports spent in the search index hook (incremental, 1,000 files per import); rebuild = `rebuildSearchSegments(db, entities, { from: "scratch" })` over all stored articles. Cold start = page reloaded, from the first byte of its first script to the first query answered (median of 3; runs in brackets); `loadCorpus()` and the first query are its parts (median run). Heap = CDP used JS heap after forced GC with the corpus held; Δ = what `loadCorpus()` added to the page with its script (and the bundled index) loaded. Stored = `navigator.storage.estimate().usage`.',
    '',
    markdownTable(
      ['articles', 'index (import)', 'rebuild', 'cold start', 'loadCorpus', 'first query', 'heap', 'Δ heap', 'stored'],
      corpusRows,
    ),
    '',
    `Rows at ${largest.size.toLocaleString('en')} articles (JSON characters of the rows, binary parts counted as their bytes: what is stored where):`,
    '',
    markdownTable(['table', 'rows', 'JSON'], tableRows),
    '',
    `### Import (in the page, real IndexedDB; into the ${imports.corpus.toLocaleString('en')}-article corpus)`,
    '',
    "read = Markdown files to drafts (`sourceFromText`); prepare = `prepareImport` (validate, clean, hash, match, duplicate checks); commit = `commitPreparedFiles` (one transaction per ≤500 articles; search index = its part in the search index hook); total = prepare + commit, the target's measure. Single imports each open nothing new: the options page already open.",
    '',
    markdownTable(['import', 'read', 'prepare', 'commit', 'search index', 'total'], importRows),
  ]
    .filter((line, at, lines) => line !== '' || lines[at - 1] !== '')
    .join('\n');
  return { title: 'Search and import (issue #6, part 5)', markdown, targets };
}

async function run(options: BenchOptions): Promise<BenchSection> {
  const { log } = options;
  const sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  const vocabulary = newsVocabulary();
  log(`vocabulary: ${vocabulary.length} words; bundling the page`);
  const script = (await bundleForPage('tests/bench/search-page.ts')).replace(
    /\n\/\/# sourceMappingURL=data:[^\n]*\n?$/,
    '\n',
  );
  const { server, origin } = await startServer(script);
  const profile = mkdtempSync(join(tmpdir(), 'news-context-search-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    await openPage(page, origin, vocabulary);
    const sample = await page.evaluate(() => window.__searchBench.sample(20));
    log(
      `articles: ${Math.round(median(sample.map((article) => article.chars)))} characters, ` +
        `${median(sample.map((article) => article.mentions))} aliases (medians of 20)`,
    );
    const results: SizeResult[] = [];
    let imported = 0;
    for (const size of sizes) {
      results.push(await measureSize(context, page, origin, vocabulary, imported, size, log));
      imported = size;
    }
    const imports = await measureImports(page, origin, vocabulary, imported, log);
    return report(results, imports, options.quick);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export const searchBenchmark: Benchmark = { name: 'search', run };
