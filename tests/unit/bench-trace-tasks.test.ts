import { describe, expect, it } from 'vitest';
import { ourTasks, type TraceEvent } from '../bench/trace-tasks';

const OURS = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'https://www.naharnet.com/page.js';
const pid = 1;
const tid = 1;

/** A top-level event of the page's main thread (times in µs, as traces give them). */
const task = (name: string, ts: number, dur: number, args?: TraceEvent['args']): TraceEvent => ({
  name,
  cat: 'toplevel',
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  ...(args ? { args } : {}),
});
const timeline = (name: string, ts: number, dur: number, args?: object): TraceEvent =>
  ({ name, cat: 'devtools.timeline', ph: 'X', pid, tid, ts, dur, args }) as TraceEvent;

/**
 * A profile whose samples, one every `step` µs from `start`, are ours (node 3, under our
 * script), the page's (node 4) or idle (node 2), as `kinds` says.
 */
function profile(start: number, step: number, kinds: ('ours' | 'page' | 'idle')[]): TraceEvent[] {
  const node = { ours: 3, page: 4, idle: 2 };
  return [
    { name: 'Profile', ph: 'P', pid, tid, ts: start, id: '0x1', args: { data: { startTime: start } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid,
      tid: 99,
      ts: start,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { functionName: '(idle)' } },
              { id: 3, parent: 1, callFrame: { functionName: 'annotate', url: OURS } },
              { id: 4, parent: 1, callFrame: { functionName: 'pageScript', url: PAGE } },
            ],
            samples: kinds.map((kind) => node[kind]),
          },
          timeDeltas: kinds.map((_, i) => (i === 0 ? step / 2 : step)),
        },
      },
    },
  ];
}

describe('ourTasks', () => {
  const start = timeline('EvaluateScript', 0, 100, { data: { url: OURS } });

  it('counts a task as ours when our script is sampled in it, with the microtask checkpoint that follows', () => {
    const events = [
      start,
      task('ThreadControllerImpl::RunTask', 1000, 20_000), // 1–21 ms
      task('BlinkScheduler_PerformMicrotaskCheckpoint', 21_010, 40_000), // runs on at once: same task
      task('ThreadControllerImpl::RunTask', 100_000, 70_000), // 100–170 ms: the page's own
      ...profile(0, 1000, [
        ...Array<'idle'>(2).fill('idle'),
        ...Array<'page'>(20).fill('page'),
        ...Array<'ours'>(40).fill('ours'),
        ...Array<'idle'>(38).fill('idle'),
        ...Array<'page'>(70).fill('page'),
      ]),
    ];
    const result = ourTasks(events, 'chrome-extension://abc/content-scripts/');
    expect(result.found).toBe(true);
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]?.ms).toBeCloseTo(60.01, 1);
    expect(result.tasks[0]?.cause).toBe('script');
    expect(result.tasks[0]?.oursMs).toBeGreaterThan(35);
    expect(result.tasks[0]?.oursMs).toBeLessThan(45);
    // The page's own 70 ms task is the longest after our start, but not ours.
    expect(result.longestAfterStart?.ms).toBeCloseTo(70);
    expect(result.longestAfterStart?.oursMs).toBe(0);
  });

  it("counts the first restyle after the extension's stylesheet message as ours, and only that one", () => {
    const message = (ts: number, payload: number) =>
      task('Receive mojo message', ts, 100, {
        chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.LocalFrame', payload_size: payload },
      } as TraceEvent['args']);
    const events = [
      start,
      // A notification on the same interface, then a restyle that is not ours.
      message(1000, 16),
      task('ThreadControllerImpl::RunTask', 2000, 6000),
      timeline('UpdateLayoutTree', 2100, 5000, { elementCount: 40 }),
      // Our stylesheet (the CSS text is in the message), then the restyle it causes.
      message(10_000, 1808),
      task('ThreadControllerImpl::RunTask', 20_000, 300_000),
      timeline('UpdateLayoutTree', 20_100, 290_000, { elementCount: 27_679 }),
      task('ThreadControllerImpl::RunTask', 400_000, 80_000),
      timeline('UpdateLayoutTree', 400_100, 70_000, { elementCount: 12 }),
      ...profile(0, 1000, ['idle']),
    ];
    const result = ourTasks(events, 'chrome-extension://abc/content-scripts/');
    expect(result.tasks.map((t) => [t.cause, t.ms, t.styledElements])).toEqual([['stylesheet', 300, 27_679]]);
    expect(result.tasks[0]?.styleMs).toBe(290);
  });

  it('says so when the trace holds no sign of our script', () => {
    const events = [task('ThreadControllerImpl::RunTask', 0, 60_000), ...profile(0, 1000, ['page'])];
    expect(ourTasks(events, 'chrome-extension://abc/')).toEqual({ tasks: [], oursMs: 0, found: false });
  });
});
