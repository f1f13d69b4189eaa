/**
 * Entry bundled into the annotation benchmark's pages (`bundleForPage`): runs
 * our real matcher, annotator and highlighter in the page, the way the
 * content script wires them, plus the floor (reading every character) and
 * the hover hit test. Exposed as `window.__annotationBench`; every number it
 * returns was timed inside the page with `performance.now`.
 */

import { createEntityMatcher, type MatcherSpec } from '../../lib/matching/match-entities';
import { newsPageMatcher } from '../../lib/matching/news-page-matcher';
import type { AnnotationEntity } from '../../lib/matching/page-relevance';
import { Highlighter } from '../../lib/page/highlighter';
import { PageAnnotator } from '../../lib/page/page-annotator';
import { mulberry32 } from './seeded-random';

/** What one run of ours measured. */
export interface OursRun {
  /** `createEntityMatcher` (decoding the precompiled spec). */
  matcherMs: number;
  /** Our main-thread time: matcher creation plus every slice of the annotator (`stats.totalMs`). */
  mainThreadMs: number;
  /** Wall time from matcher creation to the first pass done (includes the page's turns between our slices). */
  wallMs: number;
  scanMs: number;
  /** Longest slice of ours, as the annotator timed it (`stats.longestTaskMs`). */
  longestSliceMs: number;
  /** Long tasks (> 50 ms) the page saw during the run, by PerformanceObserver. */
  longTaskMs: number[];
  relevant: boolean;
  mentions: number;
  entities: number;
  textChars: number;
  textNodes: number;
  nodesAdded: number;
}

export interface MarkRun {
  ms: number;
  /** What mark.js's `done` callback reports: the number of `<mark>` elements. */
  marks: number;
  nodesAdded: number;
}

export interface FloorRun {
  ms: number;
  chars: number;
  textNodes: number;
  checksum: number;
}

export interface HoverRun {
  /** Time of each `hitTest` call. */
  times: number[];
  /** How many points were placed over a mention, and how many of those the hit test found. */
  overMention: number;
  hits: number;
  mentions: number;
}

/** Every node in the document: what mark.js adds to, and we must not. */
function countNodes(): number {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

const state: { highlighter?: Highlighter } = {};

/** Long tasks from now on; `stop` hands back their durations. */
function watchLongTasks(): { stop: () => Promise<number[]> } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop: async () => {
      // Entries arrive after their task; give the observer a turn.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return durations;
    },
  };
}

/**
 * Our annotation, as the content script runs it: matcher from the
 * precompiled spec, the annotator in 'every' mode, our highlighter. Resolves
 * when the first pass is done (every mention handed to `CSS.highlights`).
 */
async function runOurs(spec: MatcherSpec, entities: AnnotationEntity[]): Promise<OursRun> {
  const nodesBefore = countNodes();
  const longTasks = watchLongTasks();
  const started = performance.now();
  // No event dates in the bench's entities: the timeline rule has nothing to do, as on most pages.
  const matcher = newsPageMatcher(createEntityMatcher(spec), new Map());
  const matcherMs = performance.now() - started;
  const highlighter = new Highlighter(document);
  const annotator = new PageAnnotator({
    doc: document,
    matcher,
    entities: new Map(entities.map((entity) => [entity.id, entity])),
    highlighter,
    highlightMode: 'every',
    debounceMs: 60_000,
  });
  await annotator.start();
  const wallMs = performance.now() - started;
  const snapshot = annotator.snapshot();
  state.highlighter = highlighter;
  return {
    matcherMs,
    mainThreadMs: matcherMs + snapshot.stats.totalMs,
    wallMs,
    scanMs: snapshot.stats.scanMs,
    longestSliceMs: snapshot.stats.longestTaskMs,
    longTaskMs: await longTasks.stop(),
    relevant: snapshot.relevant,
    mentions: highlighter.mentions().length,
    entities: snapshot.entities.length,
    textChars: snapshot.stats.textChars,
    textNodes: snapshot.stats.textNodes,
    nodesAdded: countNodes() - nodesBefore,
  };
}

interface MarkInstance {
  mark(keywords: string[], options: Record<string, unknown>): void;
}
declare const Mark: new (context: Element) => MarkInstance;

/** mark.js 8.11.1 (injected before this bundle) in the fair configuration of issue #6. */
function runMark(aliases: string[]): Promise<MarkRun> {
  const nodesBefore = countNodes();
  return new Promise((resolve) => {
    const started = performance.now();
    new Mark(document.body).mark(aliases, {
      accuracy: 'exactly',
      separateWordSearch: false,
      diacritics: false,
      done: (marks: number) => {
        const ms = performance.now() - started;
        resolve({ ms, marks, nodesAdded: countNodes() - nodesBefore });
      },
    });
  });
}

/** The floor: walk every text node and read every character. */
function runFloor(): FloorRun {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let checksum = 0;
  let chars = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    textNodes++;
    chars += data.length;
    for (let i = 0; i < data.length; i++) checksum = (checksum + data.charCodeAt(i)) | 0;
  }
  return { ms: performance.now() - started, chars, textNodes, checksum };
}

/**
 * The hover hit test at `count` viewport points, half over a painted mention
 * (scrolled into view first) and half anywhere on the page. Only `hitTest`
 * itself is timed; layout is brought up to date before each call.
 */
function runHover(count: number, seed: number): HoverRun {
  const highlighter = state.highlighter;
  if (!highlighter) throw new Error('News Context bench: run ours before the hover test');
  const mentions = highlighter.mentions();
  const random = mulberry32(seed);
  const times: number[] = [];
  let overMention = 0;
  let hits = 0;
  const scrollable = Math.max(0, document.documentElement.scrollHeight - innerHeight);
  for (let i = 0; i < count; i++) {
    let x: number;
    let y: number;
    let target = null;
    if (i % 2 === 0 && mentions.length > 0) {
      target = mentions[Math.floor(random() * mentions.length)] ?? null;
      if (!target) continue;
      const box = target.range.getBoundingClientRect();
      scrollTo(0, scrollY + box.top - innerHeight / 2);
      const rect = target.range.getClientRects()[0];
      if (!rect) continue;
      x = rect.left + rect.width * (0.1 + 0.8 * random());
      y = rect.top + rect.height * (0.2 + 0.6 * random());
      overMention++;
    } else {
      scrollTo(0, random() * scrollable);
      x = random() * innerWidth;
      y = random() * innerHeight;
    }
    document.body.getBoundingClientRect(); // layout now, not inside the timed call
    const started = performance.now();
    const found = highlighter.hitTest(x, y);
    times.push(performance.now() - started);
    if (target && found === target) hits++;
  }
  return { times, overMention, hits, mentions: mentions.length };
}

const bench = { runOurs, runMark, runFloor, runHover, countNodes };

declare global {
  interface Window {
    __annotationBench: typeof bench;
  }
}

window.__annotationBench = bench;
