/**
 * Running async jobs one at a time, in call order (issue #14). With three
 * `catalog/changed` messages at once, two of three handlers failed in
 * `syncSiteScripts` every round: each unregistered and registered the same
 * content script while another was half-way through. A queue makes each job
 * start after the previous one settled, and a failed job does not stop the
 * next.
 */
export type SerialQueue = <Result>(job: () => Promise<Result>) => Promise<Result>;

/**
 * A queue: `queue(job)` runs `job` after every job queued before it has
 * settled, and returns its result (or its failure).
 *
 * @example const serially = createSerialQueue(); await Promise.all([serially(sync), serially(sync)]);
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <Result>(job: () => Promise<Result>) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
