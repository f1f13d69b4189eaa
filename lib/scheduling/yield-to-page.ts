/**
 * Giving the page its turn. Our long jobs (annotating a page, preparing a
 * thousand imported files) run in slices; between slices the page's input,
 * progress bars and paint get the event loop back, so no task of ours runs
 * past the 50 ms a long task starts at.
 *
 * Used by the page stage (`lib/page/page-annotator.ts`) and the importer
 * (`lib/import/prepare-import.ts`, `lib/import/commit-import.ts`), so it sits below every stage and imports
 * nothing.
 */

/** The part of `window.scheduler` we use (Chromium 129+; absent elsewhere). */
interface PageScheduler {
  yield?: () => Promise<void>;
}

/**
 * One turn of the event loop: `scheduler.yield()` where the browser has it
 * (the continuation keeps its priority ahead of other tasks), else a message
 * on a fresh channel. Not `setTimeout(0)`: browsers clamp nested timeouts to
 * 4 ms or more, and preparing a thousand files (a yield every 12 ms) took
 * 2.4 s with it and 1.3 s with a message (tests/bench/search-bench.ts,
 * issue #6).
 *
 * @param view The window whose scheduler to use (the annotated document's);
 *   without it, the global one.
 */
export function yieldToPage(view: unknown = globalThis): Promise<void> {
  const scheduler = (view as { scheduler?: PageScheduler } | null)?.scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Gives the page a turn every few milliseconds of work: call
 * {@link TimeSlicer.maybeYield} between units of work; it yields only once
 * `budgetMs` have passed since the last turn.
 *
 * @example const slicer = new TimeSlicer(); for (const file of files) { await slicer.maybeYield(); prepare(file); }
 */
export class TimeSlicer {
  private last: number;
  constructor(
    private readonly budgetMs = 12,
    private readonly now: () => number = () => performance.now(),
    private readonly view: unknown = globalThis,
  ) {
    this.last = now();
  }

  async maybeYield(): Promise<void> {
    if (this.now() - this.last < this.budgetMs) return;
    await yieldToPage(this.view);
    this.last = this.now();
  }
}
