/**
 * One look for candidate entities over the reader's imported articles
 * (issue #11), as the options page's worker runs it: read only the articles
 * no earlier look read, add what the earlier ones were found to say (their
 * stored sightings), and store the merged candidates with the new sightings
 * in one transaction. An import then costs its own articles' reading, and
 * the pending candidates of earlier imports stay, with every article that
 * names them. `rescan` reads everything again (the entities changed, so runs
 * of words split differently).
 *
 * The text read is bounded (`maxChars`, newest articles first): what is left
 * unread is read by the next look, since it still has no sightings row.
 */
import { createEntityMatcher, type MatcherSpec } from '../matching/match-entities';
import { type ArticleSightings, planLook, saveLook } from '../storage/candidate-store';
import type { NewsContextDatabase, StoredArticle } from '../storage/database';
import { CandidateCollector, type EntityCandidate } from './entity-candidates';

export interface CandidateLookRequest {
  matcherSpec: MatcherSpec;
  /** Keys the reader decided about: stored, never proposed. */
  decidedKeys: readonly string[];
  /** Stops reading new articles past this much text. */
  maxChars: number;
  rescan?: boolean;
}

export interface CandidateLookResult {
  candidates: EntityCandidate[];
  /** Articles read by this look. */
  articlesRead: number;
  /** Articles read by earlier looks, whose stored sightings were added. */
  articlesKept: number;
  /** Articles left unread by the size bound. */
  partial: boolean;
}

/**
 * Looks, stores, and returns what it stored.
 *
 * @example await lookForCandidates(db, { matcherSpec: catalog.matcherSpec, decidedKeys: [], maxChars: 2e6 })
 */
export async function lookForCandidates(
  db: NewsContextDatabase,
  request: CandidateLookRequest,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<CandidateLookResult> {
  const { unread, stored } = await planLook(db, { rescan: request.rescan });
  const articles = (await db.articles.bulkGet(unread)).filter(
    (article): article is StoredArticle => article !== undefined,
  );
  // Let the read transaction finish before the long scan: an IndexedDB transaction stays open until the task
  // that used it ends, and an open read would hold back every import and edit on the page until the scan is done.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const collector = new CandidateCollector({
    matcher: createEntityMatcher(request.matcherSpec),
    decidedKeys: new Set(request.decidedKeys),
    knownKeys: new Set(request.matcherSpec.aliases.map((alias) => alias.key)),
  });
  for (const row of stored) collector.addSightings(row);
  const read: ArticleSightings[] = [];
  let partial = false;
  for (const [position, article] of articles.entries()) {
    if (collector.charactersRead > request.maxChars) {
      partial = true;
      break;
    }
    collector.add(article);
    read.push(collector.sightingsOf(article.id));
    if (position % 5 === 4) onProgress(position + 1, articles.length);
  }
  // Examples are stored as places: read the few earlier articles the candidates quote.
  const toQuote = collector.articlesToQuote();
  if (toQuote.length)
    collector.addTexts((await db.articles.bulkGet(toQuote)).filter((article) => article !== undefined));
  const candidates = collector.candidates();
  await saveLook(db, read, candidates);
  return { candidates, articlesRead: read.length, articlesKept: stored.length, partial };
}
