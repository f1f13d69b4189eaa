import { useCallback, useRef, useState } from 'react';
import type { EntityCandidate } from '@/lib/import/entity-candidates';
import type { CandidateScanRequest, CandidateScanUpdate } from './candidate-scan';
import type { Corpus } from './use-corpus';

/** Bounds one look: compromise reads about 50 KB a second, so two megabytes is under a minute, off the page's thread. */
const MAX_SCAN_CHARS = 2_000_000;

export interface CandidateScan {
  candidates: EntityCandidate[];
  /** Set while looking. */
  progress?: { done: number; total: number };
  /** Articles read by the last look. */
  articlesRead: number;
  /** The last look stopped at the size bound before reading every article. */
  partial: boolean;
  /** Why the last look failed, if it did. */
  error?: string;
}

/**
 * Looks for candidate entities in imported articles, in a worker (the page
 * stays responsive), newest articles first. A new look replaces a running one.
 */
export function useCandidates(corpus: Corpus) {
  const [scan, setScan] = useState<CandidateScan>({ candidates: [], articlesRead: 0, partial: false });
  const worker = useRef<Worker | undefined>(undefined);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
    setScan((current) => ({ ...current, progress: undefined }));
  }, []);

  const look = useCallback(
    async (articleIds?: readonly string[]) => {
      const { catalog, store } = corpus;
      if (!catalog) return;
      worker.current?.terminate();
      const decisions = await store.db.candidateDecisions.toArray();
      const scanner = new Worker(new URL('./candidates-worker.ts', import.meta.url), { type: 'module' });
      worker.current = scanner;
      setScan((current) => ({ ...current, progress: { done: 0, total: articleIds?.length ?? 0 }, error: undefined }));
      scanner.onmessage = (event: MessageEvent<CandidateScanUpdate>) => {
        if (worker.current !== scanner) return;
        const update = event.data;
        if (update.kind === 'progress') {
          setScan((current) => ({ ...current, progress: { done: update.done, total: update.total } }));
          return;
        }
        scanner.terminate();
        worker.current = undefined;
        setScan((current) =>
          update.kind === 'done'
            ? { candidates: update.candidates, articlesRead: update.articlesRead, partial: update.partial }
            : { ...current, progress: undefined, error: update.message },
        );
      };
      const request: CandidateScanRequest = {
        ...(articleIds ? { articleIds: [...articleIds] } : {}),
        matcherSpec: catalog.matcherSpec,
        decidedKeys: decisions.map((decision) => decision.key),
        maxChars: MAX_SCAN_CHARS,
      };
      scanner.postMessage(request);
    },
    [corpus],
  );

  const forget = useCallback((key: string) => {
    setScan((current) => ({ ...current, candidates: current.candidates.filter((candidate) => candidate.key !== key) }));
  }, []);

  return { scan, look, forget, stop };
}
