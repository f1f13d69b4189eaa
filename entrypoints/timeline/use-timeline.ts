/**
 * The timeline's points, live: the bundled corpus plus whatever the reader has imported, rebuilt
 * whenever an import, a deletion or an entity edit commits (Dexie's `useLiveQuery` watches the
 * tables read here), so the page updates at once after an import in another tab (issue #15).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { claimSentences, findSourceDifferences } from '@/lib/corpus/source-differences';
import { buildTimeline, type TimelinePoint } from '@/lib/corpus/timeline';
import { differencesByPoint, differingSentenceIds, type PointDifference } from '@/lib/corpus/timeline-differences';
import { openDatabase } from '@/lib/extension/corpus-session';
import type { Entity } from '@/lib/model/knowledge-base';

export interface TimelineData {
  points: TimelinePoint[];
  entityById: ReadonlyMap<string, Entity>;
  /** "Sources differ" at each point involved (issue #15). */
  differencesAt: ReadonlyMap<string, PointDifference[]>;
  /** How long the last build took, in ms (recorded on the page for the end-to-end test). */
  buildMs: number;
}

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
  return useMemo(() => {
    if (!stored) return undefined;
    const started = performance.now();
    const { index } = loadBundledIndex({ check: 'version' });
    const catalog = new CorpusCatalog({ index, userEntities: stored.userEntities });
    const bundledExcerpts = Object.entries(index.excerpts).flatMap(([entityId, list]) =>
      list.map((excerpt) => ({ ...excerpt, entityId })),
    );
    const excerpts = [...bundledExcerpts, ...stored.excerptRows.flatMap((row) => row.excerpts)];
    // Where sources differ, over every sentence at once (cards compare one entity's sentences only).
    const differences = findSourceDifferences(claimSentences(excerpts), catalog.entityById);
    const points = buildTimeline({
      entities: catalog.entities,
      articles: [...index.articles, ...stored.articles],
      excerpts,
      alsoPlace: differingSentenceIds(differences),
    });
    return {
      points,
      entityById: catalog.entityById,
      differencesAt: differencesByPoint(differences),
      buildMs: performance.now() - started,
    };
  }, [stored]);
}
