import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityCandidate } from '@/lib/import/entity-candidates';
import { readCandidates, readDecisions, undoDecision } from '@/lib/storage/candidate-store';
import type { StoredCandidateDecision } from '@/lib/storage/database';
import type { ImportCatalog } from '@/lib/storage/imported-corpus';
import type { CandidateScanRequest, CandidateScanUpdate } from './candidate-scan';
import type { Corpus } from './use-corpus';

/** Bounds one look: two megabytes of text, newest articles first, off the page's thread. */
const MAX_SCAN_CHARS = 2_000_000;

export interface CandidateScan {
  candidates: EntityCandidate[];
  /** Set while looking. */
  progress?: { done: number; total: number };
  /** Articles the candidates come from: read by the last look, or by earlier ones and kept. */
  articlesRead: number;
  /** The last look stopped at the size bound before reading every article. */
  partial: boolean;
  /** Why the last look failed, if it did. */
  error?: string;
}

/**
 * The candidate entities of the reader's imported articles (issue #11): kept
 * in the database, so they survive "Import more", reloads and restarts. A
 * look reads the imported articles no earlier look read (newest first, in a
 * worker so the page stays responsive), adds what the earlier ones were found
 * to say, and replaces the stored list; a new look replaces a running one.
 * "Look in all imported articles" reads every article again. Decisions are
 * listed, newest first, and can be undone.
 */
export function useCandidates(corpus: Corpus) {
  const [scan, setScan] = useState<CandidateScan>({ candidates: [], articlesRead: 0, partial: false });
  const [decisions, setDecisions] = useState<StoredCandidateDecision[]>([]);
  const worker = useRef<Worker | undefined>(undefined);
  const { store } = corpus;

  const reload = useCallback(async () => {
    const [candidates, recent] = await Promise.all([readCandidates(store.db), readDecisions(store.db)]);
    setScan((current) => ({ ...current, candidates }));
    setDecisions(recent);
    return candidates;
  }, [store]);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
    setScan((current) => ({ ...current, progress: undefined }));
  }, []);

  /**
   * Looks in the articles no look read yet (all of them with `rescan`);
   * `catalogNow` when the caller just changed the entities (React state lags).
   */
  const look = useCallback(
    async (catalogNow?: ImportCatalog, { rescan = false }: { rescan?: boolean } = {}) => {
      const catalog = catalogNow ?? corpus.catalog;
      if (!catalog) return;
      worker.current?.terminate();
      const decided = await store.db.candidateDecisions.toArray();
      const scanner = new Worker(new URL('./candidates-worker.ts', import.meta.url), { type: 'module' });
      worker.current = scanner;
      setScan((current) => ({ ...current, progress: { done: 0, total: 0 }, error: undefined }));
      scanner.onmessage = (event: MessageEvent<CandidateScanUpdate>) => {
        if (worker.current !== scanner) return;
        const update = event.data;
        if (update.kind === 'progress') {
          setScan((current) => ({ ...current, progress: { done: update.done, total: update.total } }));
          return;
        }
        scanner.terminate();
        worker.current = undefined;
        if (update.kind === 'failed') {
          setScan((current) => ({ ...current, progress: undefined, error: update.message }));
          return;
        }
        // The worker stored the candidates and sightings; read them back without the ones decided meanwhile.
        void readCandidates(store.db)
          .then((candidates) =>
            setScan({
              candidates,
              articlesRead: update.articlesRead + update.articlesKept,
              partial: update.partial,
              progress: undefined,
            }),
          )
          .catch((error: unknown) => setScan((current) => ({ ...current, progress: undefined, error: String(error) })));
      };
      const request: CandidateScanRequest = {
        rescan,
        matcherSpec: catalog.matcherSpec,
        decidedKeys: decided.map((decision) => decision.key),
        maxChars: MAX_SCAN_CHARS,
      };
      scanner.postMessage(request);
    },
    [corpus, store],
  );

  // Stored candidates show at once; a profile with articles but none stored (a new install of v4) is read once.
  const looked = useRef(false);
  useEffect(() => {
    if (!corpus.catalog || looked.current) return;
    looked.current = true;
    void reload().then(async (candidates) => {
      if (
        candidates.length === 0 &&
        (await store.db.candidates.count()) === 0 &&
        (await store.db.articles.count()) > 0
      ) {
        void look();
      }
    });
  }, [corpus.catalog, reload, look, store]);

  // Deleting articles (or resetting the corpus) takes their names with them: look again when the count drops.
  const articleCount = useLiveQuery(() => store.db.articles.count(), [store]);
  const lastCount = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (articleCount === undefined) return;
    const previous = lastCount.current;
    lastCount.current = articleCount;
    if (previous !== undefined && articleCount < previous) void look();
  }, [articleCount, look]);

  /** After a decision: the list and the decisions are read again from the database. */
  const decided = useCallback(() => void reload(), [reload]);

  const undo = useCallback(
    async (key: string) => {
      const { catalog } = corpus;
      if (!catalog) return;
      const next = await undoDecision(store, key, catalog);
      if (next !== catalog) corpus.changed(next);
      await reload();
      // Undoing an accept or a merge makes a name unknown again, and runs of words split at it differently: read
      // every article again, with the entities as they are now.
      void look(next, { rescan: true });
    },
    [corpus, store, reload, look],
  );

  return { scan, decisions, look, decided, undo, stop };
}
