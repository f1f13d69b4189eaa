import type { EntityCandidate } from '@/lib/import/entity-candidates';
import type { MatcherSpec } from '@/lib/matching/match-entities';

/** Asks the candidates worker to read articles (all when `articleIds` is absent, newest first). */
export interface CandidateScanRequest {
  articleIds?: string[];
  matcherSpec: MatcherSpec;
  decidedKeys: string[];
  /** Stops after this much text: a bound on a look's duration. */
  maxChars: number;
}

export type CandidateScanUpdate =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; candidates: EntityCandidate[]; articlesRead: number; partial: boolean }
  | { kind: 'failed'; message: string };
