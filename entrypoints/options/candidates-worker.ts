/**
 * Finds candidate entities off the page's thread: compromise reads about
 * 50 KB of text a second, so a scan of a large import would otherwise make
 * the options page stutter for a minute. The worker opens the extension's
 * database itself (workers of an extension page share its origin), so
 * article text never crosses the message channel. What a look reads and
 * keeps is `lib/import/candidate-look.ts`.
 */

import { lookForCandidates } from '@/lib/import/candidate-look';
import { NewsContextDatabase } from '@/lib/storage/database';
import type { CandidateScanRequest, CandidateScanUpdate } from './candidate-scan';

const db = new NewsContextDatabase();

self.onmessage = async (event: MessageEvent<CandidateScanRequest>) => {
  const post = (update: CandidateScanUpdate) => self.postMessage(update);
  try {
    const result = await lookForCandidates(db, event.data, (done, total) => post({ kind: 'progress', done, total }));
    post({ kind: 'done', ...result });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
