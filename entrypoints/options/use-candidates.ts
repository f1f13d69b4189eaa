import { useCallback, useRef, useState } from 'react';
import type { StoredArticle } from '@/lib/database';
import { CandidateCollector, type EntityCandidate } from '@/lib/entity-candidates';
import { TimeSlicer } from '@/lib/import-articles';
import type { Corpus } from './use-corpus';

/** Bounds one look: compromise reads about 50 KB a second, so two megabytes is half a minute at most. */
const MAX_SCAN_CHARS = 2_000_000;

export interface CandidateScan {
  candidates: EntityCandidate[];
  /** Set while looking. */
  progress?: { done: number; total: number };
  /** Articles read by the last look. */
  articlesRead: number;
  /** The last look stopped at the size bound before reading every article. */
  partial: boolean;
}

/**
 * Looks for candidate entities in imported articles, an article at a time
 * with the page kept responsive, newest articles first.
 */
export function useCandidates(corpus: Corpus) {
  const [scan, setScan] = useState<CandidateScan>({ candidates: [], articlesRead: 0, partial: false });
  const running = useRef<AbortController | undefined>(undefined);

  const look = useCallback(
    async (articleIds?: readonly string[]) => {
      const { catalog, store } = corpus;
      if (!catalog) return;
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const [articles, decisions] = await Promise.all([
        articleIds
          ? store.db.articles.bulkGet([...articleIds])
          : store.db.articles.orderBy('importedAt').reverse().toArray(),
        store.db.candidateDecisions.toArray(),
      ]);
      const present = articles.filter((article): article is StoredArticle => article !== undefined);
      const collector = new CandidateCollector({
        matcher: catalog.matcher,
        decidedKeys: new Set(decisions.map((decision) => decision.key)),
      });
      const slicer = new TimeSlicer(30);
      let partial = false;
      setScan((current) => ({ ...current, progress: { done: 0, total: present.length } }));
      for (const [position, article] of present.entries()) {
        if (controller.signal.aborted) return;
        if (collector.charactersRead > MAX_SCAN_CHARS) {
          partial = true;
          break;
        }
        collector.add(article);
        if (position % 5 === 4)
          setScan((current) => ({ ...current, progress: { done: position + 1, total: present.length } }));
        await slicer.maybeYield();
      }
      if (controller.signal.aborted) return;
      running.current = undefined;
      setScan({ candidates: collector.candidates(), articlesRead: collector.articlesRead, partial });
    },
    [corpus],
  );

  const forget = useCallback((key: string) => {
    setScan((current) => ({ ...current, candidates: current.candidates.filter((candidate) => candidate.key !== key) }));
  }, []);

  const stop = useCallback(() => {
    running.current?.abort();
    running.current = undefined;
    setScan((current) => ({ ...current, progress: undefined }));
  }, []);

  return { scan, look, forget, stop };
}
