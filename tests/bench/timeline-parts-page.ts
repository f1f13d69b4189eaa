/**
 * Entry bundled into an extension page (the extension's own origin, so its
 * IndexedDB) by the timeline benchmark (`timeline-bench.ts`): the parts of
 * opening the timeline, timed apart with the real `lib/` code, to say where
 * the page's open time goes. It reads what `entrypoints/timeline/use-timeline.ts`
 * reads and builds the points the same way (the hook itself is React and
 * cannot run outside its page), then times the filter and grouping the page
 * runs on every change. Exposed as `window.__timelineParts`.
 */
import { loadBundledIndex } from '../../lib/corpus/bundled-index';
import { CorpusCatalog } from '../../lib/corpus/catalog';
import { buildTimeline, filterTimeline, type TimelinePoint, timelineBands } from '../../lib/corpus/timeline';
import { openDatabase } from '../../lib/extension/corpus-session';

export interface TimelineParts {
  /** Reading the entities, articles and excerpt rows from IndexedDB. */
  readMs: number;
  /** Decoding the bundled index (cached after the page's first call) and the catalog. */
  catalogMs: number;
  /** `buildTimeline` over everything. */
  buildMs: number;
  articles: number;
  excerpts: number;
  points: number;
  /** `filterTimeline` + `timelineBands` per entity filter (the most frequent entities), in ms. */
  filterMs: number[];
}

async function timeParts(entityFilters: number): Promise<TimelineParts> {
  const started = performance.now();
  const db = openDatabase();
  const [userEntities, articles, excerptRows] = await Promise.all([
    db.entities.toArray(),
    db.articles.toArray(),
    db.articleExcerpts.toArray(),
  ]);
  const read = performance.now();
  const { index } = loadBundledIndex({ check: 'version' });
  const catalog = new CorpusCatalog({ index, userEntities });
  const bundledExcerpts = Object.entries(index.excerpts).flatMap(([entityId, list]) =>
    list.map((excerpt) => ({ ...excerpt, entityId })),
  );
  const catalogued = performance.now();
  const excerpts = [...bundledExcerpts, ...excerptRows.flatMap((row) => row.excerpts)];
  const points: TimelinePoint[] = buildTimeline({
    entities: catalog.entities,
    articles: [...index.articles, ...articles],
    excerpts,
  });
  const built = performance.now();
  const counts = new Map<string, number>();
  for (const point of points) for (const id of point.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const kindOf = (id: string) => catalog.entityById.get(id)?.kind;
  const filterMs: number[] = [];
  for (const [entityId] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, entityFilters)) {
    const before = performance.now();
    timelineBands(filterTimeline(points, { entityId }, kindOf), 'year');
    filterMs.push(performance.now() - before);
  }
  return {
    readMs: read - started,
    catalogMs: catalogued - read,
    buildMs: built - catalogued,
    articles: articles.length,
    excerpts: excerpts.length,
    points: points.length,
    filterMs,
  };
}

const parts = { timeParts };

declare global {
  interface Window {
    __timelineParts: typeof parts;
  }
}

window.__timelineParts = parts;
