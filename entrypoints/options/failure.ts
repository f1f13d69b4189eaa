/**
 * A failed write, for the options page. Every write is one transaction, so
 * "nothing was changed" is always true when it fails.
 */
export function failureMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Not saved: the browser has no storage space left for News Context, so nothing was changed. Free some space (delete imported articles you no longer need, or clear other sites’ data), then try again.';
  }
  return 'Not saved because of an unexpected error; nothing was changed. Try again.';
}
