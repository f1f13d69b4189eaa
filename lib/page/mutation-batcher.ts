/**
 * When to read a changing page again (issue #14): a trailing debounce with a
 * maximum wait. The annotator used to restart a 250 ms timer on every batch
 * of mutations, so on a page with a clock or a ticker updating every
 * 100–240 ms the timer never fired and text added later was never annotated.
 * Now the flush runs `waitMs` after the last change, or `maxWaitMs` after
 * the first change still pending, whichever comes first: a quiet page is
 * read once after it settles, a ticking one at least once a `maxWaitMs`.
 *
 * What is pending is the caller's (the annotator keeps the changed nodes and
 * turns too many into one rescan: the runaway guard). This only decides when.
 */
export interface MutationBatcherOptions {
  /** Quiet time after the last change before flushing. */
  waitMs: number;
  /** Longest a change waits, however often the page keeps changing. */
  maxWaitMs: number;
  /** A monotonic clock in milliseconds; `performance.now` unless a test gives another. */
  now?: () => number;
}

export class MutationBatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change still pending was scheduled; undefined when nothing is pending. */
  private firstPendingAt: number | undefined;
  private readonly now: () => number;

  constructor(
    private readonly flush: () => void,
    private readonly options: MutationBatcherOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** A change happened: flush after `waitMs` of quiet (or the given wait), and never later than the maximum wait. */
  schedule(waitMs = this.options.waitMs): void {
    const now = this.now();
    this.firstPendingAt ??= now;
    const deadline = this.firstPendingAt + this.options.maxWaitMs;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), Math.max(0, Math.min(now + waitMs, deadline) - now));
  }

  /** True while a flush is scheduled. */
  get pending(): boolean {
    return this.firstPendingAt !== undefined;
  }

  /** Drops the scheduled flush (on destroy). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstPendingAt = undefined;
  }

  private run(): void {
    this.timer = undefined;
    this.firstPendingAt = undefined;
    this.flush();
  }
}
