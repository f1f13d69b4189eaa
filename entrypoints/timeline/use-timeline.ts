/**
 * The timeline's points, live: the bundled corpus plus whatever the reader has imported, rebuilt
 * whenever an import, a deletion or an entity edit commits (Dexie's `useLiveQuery` watches the
 * tables read here), so the page updates at once after an import in another tab (issue #15).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { claimSentences, findSourceDifferences } from '@/lib/corpus/source-differences';
import { buildTimeline, comparePoints, type TimelineArticle, type TimelinePoint } from '@/lib/corpus/timeline';
import {
  differencesByPoint,
  differingSentenceIds,
  excerptsToCompare,
  type PointDifference,
} from '@/lib/corpus/timeline-differences';
import { openDatabase } from '@/lib/extension/corpus-session';
import type { Excerpt } from '@/lib/model/index-schema';
import type { Entity } from '@/lib/model/knowledge-base';

export interface TimelineData {
  points: TimelinePoint[];
  entityById: ReadonlyMap<string, Entity>;
  /** "Sources differ" at each point involved (issue #15); empty until they are found, just after the first paint. */
  differencesAt: ReadonlyMap<string, PointDifference[]>;
  /** How long the last build took, in ms (recorded on the page for the end-to-end test). */
  buildMs: number;
  /** How long finding where sources differ took, in ms; undefined until done. */
  differMs?: number;
}

interface Built {
  points: TimelinePoint[];
  entityById: ReadonlyMap<string, Entity>;
  articles: TimelineArticle[];
  excerpts: (Excerpt & { entityId: string })[];
  buildMs: number;
}

const NO_DIFFERENCES: ReadonlyMap<string, PointDifference[]> = new Map();

export function useTimeline(): TimelineData | undefined {
  const stored = useLiveQuery(async () => {
    const db = openDatabase();
    try {
      const [userEntities, articles, excerptRows] = await Promise.all([
        db.entities.toArray(),
        db.articles.toArray(),
        db.articleExcerpts.toArray(),
      ]);
      return { userEntities, articles, excerptRows };
    } catch (error) {
      // The bundled corpus still has a timeline when the reader's database cannot be read.
      console.error('News Context: could not read imported articles; the timeline shows the bundled corpus.', error);
      return { userEntities: [], articles: [], excerptRows: [] };
    }
  });
  const built = useMemo((): Built | undefined => {
    if (!stored) return undefined;
    const started = performance.now();
    const { index } = loadBundledIndex({ check: 'version' });
    const catalog = new CorpusCatalog({ index, userEntities: stored.userEntities });
    const bundledExcerpts = Object.entries(index.excerpts).flatMap(([entityId, list]) =>
      list.map((excerpt) => ({ ...excerpt, entityId })),
    );
    const articles: TimelineArticle[] = [...index.articles, ...stored.articles];
    const excerpts = [...bundledExcerpts, ...stored.excerptRows.flatMap((row) => row.excerpts)];
    const points = buildTimeline({ entities: catalog.entities, articles, excerpts });
    return { points, entityById: catalog.entityById, articles, excerpts, buildMs: performance.now() - started };
  }, [stored]);

  // Where sources differ is found after the timeline is drawn: reading every claim takes longer than drawing.
  const [found, setFound] = useState<
    { for: Built; points: TimelinePoint[]; differencesAt: Map<string, PointDifference[]>; ms: number } | undefined
  >();
  useEffect(() => {
    if (!built) return;
    const handle = setTimeout(() => {
      const started = performance.now();
      const sentences = claimSentences(excerptsToCompare(built.excerpts, built.entityById));
      const differences = findSourceDifferences(sentences, built.entityById);
      // A contradicted sentence that states no date and reports no one is placed too, at its article's date.
      const involved = differingSentenceIds(differences);
      const present = new Set(built.points.map((point) => point.id));
      const missing = built.excerpts.filter((excerpt) => {
        const id = `${excerpt.articleId}:${excerpt.start}`;
        return involved.has(id) && !present.has(id);
      });
      const extra = missing.length
        ? buildTimeline({ entities: [], articles: built.articles, excerpts: missing, alsoPlace: involved })
        : [];
      const points = extra.length ? [...built.points, ...extra].sort(comparePoints) : built.points;
      setFound({ for: built, points, differencesAt: differencesByPoint(differences), ms: performance.now() - started });
    }, 0);
    return () => clearTimeout(handle);
  }, [built]);

  if (!built) return undefined;
  if (found?.for !== built)
    return {
      points: built.points,
      entityById: built.entityById,
      differencesAt: NO_DIFFERENCES,
      buildMs: built.buildMs,
    };
  return {
    points: found.points,
    entityById: built.entityById,
    differencesAt: found.differencesAt,
    buildMs: built.buildMs,
    differMs: found.ms,
  };
}
