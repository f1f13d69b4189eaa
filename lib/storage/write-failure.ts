/**
 * A failed database write, in words for the reader. Every write is one
 * transaction, so "nothing was saved" is always true when it fails; what
 * differs is the advice. Dexie wraps the browser's error (`inner`), so both
 * are read.
 */

export type WriteFailure = 'no-space' | 'collision' | 'unexpected';

/** Which kind of failure a rejected transaction was. */
export function classifyWriteFailure(error: unknown): WriteFailure {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'no-space';
  if (name === 'ConstraintError' || inner === 'ConstraintError') return 'collision';
  return 'unexpected';
}

const FREE_SOME_SPACE = 'Free some space (delete imported articles you no longer need, or clear other sites’ data)';

/**
 * The sentence for a failed write: of an imported file (`'import'`, which
 * follows the file's name: "report.txt could not be saved…"), or of an edit
 * made on the options page (`'edit'`, a sentence of its own).
 */
export function describeWriteFailure(error: unknown, what: 'import' | 'edit'): string {
  const failure = classifyWriteFailure(error);
  if (what === 'import') {
    if (failure === 'no-space') {
      return `could not be saved: the browser has no storage space left for News Context. Nothing from this file was saved. ${FREE_SOME_SPACE} and import it again`;
    }
    if (failure === 'collision') {
      return 'could not be saved: it collides with an article imported at the same time (perhaps in another tab). Nothing from this file was saved; import it again';
    }
    return 'could not be saved because of an unexpected error. Nothing from this file was saved; try again';
  }
  if (failure === 'no-space') {
    return `Not saved: the browser has no storage space left for News Context, so nothing was changed. ${FREE_SOME_SPACE}, then try again.`;
  }
  if (failure === 'collision') {
    return 'Not saved: the same data was changed at the same time (perhaps in another tab), so nothing was changed. Try again.';
  }
  return 'Not saved because of an unexpected error; nothing was changed. Try again.';
}
