/**
 * Reads a Chromium trace (CDP `Tracing`, with the `toplevel`,
 * `devtools.timeline` and `disabled-by-default-v8.cpu_profiler` categories)
 * for the tasks of the page's main thread in which our content script ran.
 *
 * A long-task observer in the page sees every long task, the page's own
 * included (parsing a 2 MB page is one), and cannot say whose it was. The
 * trace can: each top-level task (`ThreadControllerImpl::RunTask`) on the page's main thread is
 * matched with the CPU profiler's samples taken during it, and a task is ours
 * when a sample's stack holds a frame of our content script. Layout and style
 * forced by our reads happen under our frames, so they count as ours too;
 * the task's layout and style events are listed apart to say where its time
 * went.
 *
 * One more kind of task is ours with no script of ours on its stack: when the
 * background sends code into the page's frame (an `extensions.mojom.LocalFrame`
 * message to the page's renderer: the card's code by `scripting.executeScript`;
 * until 6 December the highlight colours by `scripting.insertCSS`, which made
 * the next style recalculation restyle the whole document), the rendering
 * task after it is counted as ours.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

/** One task of the page's main thread: a scheduler task with the microtask checkpoint that follows it. */
export interface MainThreadTask {
  /** Why the task is ours: our script on its stack, or the style recalculation after our stylesheet arrived. */
  cause: 'script' | 'stylesheet';
  /** Wall time of the whole task, in ms. */
  ms: number;
  /** Sampled time with a frame of ours on the stack (our JS, and the layout and style it forced). */
  oursMs: number;
  /** Layout and style recalculation inside the task (`Layout`, `UpdateLayoutTree`). */
  layoutMs: number;
  styleMs: number;
  /** Elements whose style the task's largest `UpdateLayoutTree` recalculated. */
  styledElements: number;
  /** Garbage collection inside the task. */
  gcMs: number;
  /** Where the sampled time went: leaf functions by self time, largest first. */
  topFunctions: { name: string; ms: number }[];
}

export interface TraceTasks {
  /** Every task of the page's main thread in which our code ran, or that restyled the page for our stylesheet, longest first. */
  tasks: MainThreadTask[];
  /** The longest task of any kind from our content script's start on, ours or not (the page's own rendering included). */
  longestAfterStart?: MainThreadTask;
  /** Total sampled time with a frame of ours on the stack. */
  oursMs: number;
  /** False when the trace has no trace of our content script on a page's main thread. */
  found: boolean;
}

// Disjoint GC events (their V8.GC_* children would count twice).
const GC_EVENTS = new Set(['MajorGC', 'MinorGC', 'V8.GC_MC_INCREMENTAL']);
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';

/**
 * The extension's code arriving in the page's frame: `scripting.executeScript` (the card's code),
 * like `scripting.insertCSS` before it, is an `extensions.mojom.LocalFrame` message carrying it. The same interface also
 * carries small notifications (16-byte payloads) that restyle nothing: a payload under
 * {@link CODE_PAYLOAD_BYTES} is not code.
 */
function isExtensionCodeMessage(event: TraceEvent): boolean {
  const info = (
    event.args as { chrome_mojo_event_info?: { mojo_interface_tag?: string; payload_size?: number } } | undefined
  )?.chrome_mojo_event_info;
  return (
    event.name === 'Receive mojo message' &&
    info?.mojo_interface_tag === 'extensions.mojom.LocalFrame' &&
    (info.payload_size ?? 0) >= CODE_PAYLOAD_BYTES
  );
}

/** Our stylesheet's message measured 1,808 bytes; the interface's notifications, 16. */
const CODE_PAYLOAD_BYTES = 256;

/** Our content script's tasks in a trace; `scriptUrl` is our content script's URL (or a prefix of it). */
export function ourTasks(events: readonly TraceEvent[], scriptUrl: string): TraceTasks {
  const ours = (url: string | undefined) => url?.startsWith(scriptUrl) === true;
  const marker = events.find(
    (event) => (event.name === 'EvaluateScript' || event.name === 'FunctionCall') && ours(event.args?.data?.url),
  );
  if (!marker) return { tasks: [], oursMs: 0, found: false };
  const { pid, tid } = marker;
  const onThread = events.filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X');

  // Top-level work of the thread (the `toplevel` category: scheduler tasks, IPC, microtask
  // checkpoints), without what nests inside. Our code often runs in a checkpoint right after a
  // task (a promise continuation after a message): the two block the page as one, so they merge.
  const spans: { ts: number; end: number }[] = [];
  const topLevel = onThread.filter((event) => event.cat?.split(',').includes('toplevel')).sort((a, b) => a.ts - b.ts);
  for (const event of topLevel) {
    const end = event.ts + (event.dur ?? 0);
    const last = spans.at(-1);
    if (last && event.ts < last.end) {
      last.end = Math.max(last.end, end);
      continue;
    }
    if (last && event.name === CHECKPOINT && event.ts - last.end < 50) {
      last.end = end;
      continue;
    }
    spans.push({ ts: event.ts, end });
  }

  // The profile of the main thread's isolate: its `Profile` event is on the thread, its chunks are not.
  const profile = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid);
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number; ms: number }[] = [];
  if (profile) {
    let time = profile.args?.data?.startTime ?? 0;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
      for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const ids = chunk.args?.data?.cpuProfile?.samples ?? [];
      const deltas = chunk.args?.data?.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        time += deltas[i] ?? 0;
        samples.push({ ts: time, node: ids[i] as number, ms: (deltas[i + 1] ?? deltas[i] ?? 0) / 1000 });
      }
    }
  }
  const oursByNode = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = oursByNode.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const result = node ? ours(node.callFrame.url) || (node.parent !== undefined && isOurs(node.parent)) : false;
    oursByNode.set(id, result);
    return result;
  };
  const label = (id: number): string => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return '(unknown)';
    const file = frame.url ? (frame.url.split('/').pop() ?? frame.url) : '';
    const where = file ? ` ${file}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}` : '';
    const name = frame.functionName || '(anonymous)';
    // A regular expression's "function name" is its whole source.
    return `${name.length > 60 ? `${name.slice(0, 60)}…` : name}${where}`;
  };

  samples.sort((a, b) => a.ts - b.ts);
  const tasks: MainThreadTask[] = [];
  let longestAfterStart: MainThreadTask | undefined;
  let oursMs = 0;
  let at = 0;
  let stylesheetPending = false;
  for (const span of spans) {
    while (at < samples.length && (samples[at] as { ts: number }).ts < span.ts) at++;
    let taskOurs = 0;
    const self = new Map<string, number>();
    for (let i = at; i < samples.length && (samples[i] as { ts: number }).ts <= span.end; i++) {
      const sample = samples[i] as { ts: number; node: number; ms: number };
      const name = label(sample.node);
      self.set(name, (self.get(name) ?? 0) + sample.ms);
      if (isOurs(sample.node)) taskOurs += sample.ms;
    }
    const ms = (span.end - span.ts) / 1000;
    const afterStart = span.end > marker.ts;
    const inside = onThread.filter((event) => event.ts >= span.ts && event.ts < span.end);
    const restyles = inside.some((event) => event.name === 'UpdateLayoutTree');
    const forStylesheet = stylesheetPending && restyles;
    if (restyles) stylesheetPending = false;
    if (inside.some(isExtensionCodeMessage)) stylesheetPending = true;
    if (taskOurs === 0 && !forStylesheet && !(afterStart && ms > (longestAfterStart?.ms ?? 0))) continue;
    const sum = (test: (name: string) => boolean) =>
      inside.filter((event) => test(event.name)).reduce((total, event) => total + (event.dur ?? 0), 0) / 1000;
    const task: MainThreadTask = {
      cause: taskOurs > 0 ? 'script' : 'stylesheet',
      ms,
      oursMs: taskOurs,
      layoutMs: sum((name) => name === 'Layout'),
      styleMs: sum((name) => name === 'UpdateLayoutTree'),
      styledElements: Math.max(
        0,
        ...inside
          .filter((event) => event.name === 'UpdateLayoutTree')
          .map((event) => (event.args as { elementCount?: number } | undefined)?.elementCount ?? 0),
      ),
      gcMs: sum((name) => GC_EVENTS.has(name)),
      topFunctions: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([name, ms]) => ({ name, ms })),
    };
    if (afterStart && ms > (longestAfterStart?.ms ?? 0)) longestAfterStart = task;
    if (taskOurs === 0 && !forStylesheet) continue;
    oursMs += taskOurs;
    tasks.push(task);
  }
  tasks.sort((a, b) => b.ms - a.ms);
  return { tasks, longestAfterStart, oursMs, found: true };
}
