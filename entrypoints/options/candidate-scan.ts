import type { CandidateLookRequest, CandidateLookResult } from '@/lib/import/candidate-look';

/** Asks the candidates worker to read the articles no earlier look read (all of them with `rescan`), newest first. */
export type CandidateScanRequest = CandidateLookRequest;

export type CandidateScanUpdate =
  | { kind: 'progress'; done: number; total: number }
  | ({ kind: 'done' } & CandidateLookResult)
  | { kind: 'failed'; message: string };
