/**
 * Finds candidate entities off the page's thread: compromise reads about
 * 50 KB of text a second, so a scan of a large import would otherwise make
 * the options page stutter for a minute. The worker opens the extension's
 * database itself (workers of an extension page share its origin), so
 * article text never crosses the message channel.
 */

import { CandidateCollector } from '@/lib/import/entity-candidates';
import { createEntityMatcher } from '@/lib/matching/match-entities';
import { NewsContextDatabase, type StoredArticle } from '@/lib/storage/database';
import type { CandidateScanRequest, CandidateScanUpdate } from './candidate-scan';

const db = new NewsContextDatabase();

self.onmessage = async (event: MessageEvent<CandidateScanRequest>) => {
  const { articleIds, matcherSpec, decidedKeys, maxChars } = event.data;
  const post = (update: CandidateScanUpdate) => self.postMessage(update);
  try {
    const articles = (
      articleIds ? await db.articles.bulkGet(articleIds) : await db.articles.orderBy('importedAt').reverse().toArray()
    ).filter((article): article is StoredArticle => article !== undefined);
    // Let the read transaction finish before the long scan: an IndexedDB transaction stays open until the task
    // that used it ends, and an open read would hold back every import and edit on the page until the scan is done.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const collector = new CandidateCollector({
      matcher: createEntityMatcher(matcherSpec),
      decidedKeys: new Set(decidedKeys),
      knownKeys: new Set(matcherSpec.aliases.map((alias) => alias.key)),
    });
    let partial = false;
    for (const [position, article] of articles.entries()) {
      if (collector.charactersRead > maxChars) {
        partial = true;
        break;
      }
      collector.add(article);
      if (position % 5 === 4) post({ kind: 'progress', done: position + 1, total: articles.length });
    }
    post({ kind: 'done', candidates: collector.candidates(), articlesRead: collector.articlesRead, partial });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
