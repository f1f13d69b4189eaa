// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';
import { newsPageMatcher } from '@/lib/matching/news-page-matcher';
import type { AnnotationEntity } from '@/lib/matching/page-relevance';
import { Highlighter } from '@/lib/page/highlighter';
import { MutationBatcher } from '@/lib/page/mutation-batcher';
import { PageAnnotator } from '@/lib/page/page-annotator';

describe('MutationBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function batcher(waitMs = 250, maxWaitMs = 1000) {
    const flushes: number[] = [];
    const batch = new MutationBatcher(() => flushes.push(Date.now()), { waitMs, maxWaitMs, now: () => Date.now() });
    return { batch, flushes };
  }

  it('flushes once, after the page goes quiet', () => {
    const { batch, flushes } = batcher();
    const start = Date.now();
    batch.schedule();
    vi.advanceTimersByTime(100);
    batch.schedule();
    expect(batch.pending).toBe(true);
    vi.advanceTimersByTime(249);
    expect(flushes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([start + 350]);
    expect(batch.pending).toBe(false);
  });

  it('still flushes within the maximum wait when a ticker changes the page every 100 ms', () => {
    const { batch, flushes } = batcher();
    const start = Date.now();
    for (let tick = 0; tick < 50; tick++) {
      batch.schedule();
      vi.advanceTimersByTime(100);
    }
    // Five seconds of ticking: one flush a second, never a starved page.
    expect(flushes.map((time) => time - start)).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it('never waits past the maximum, even when asked for a longer quiet time (the runaway back-off)', () => {
    const { batch, flushes } = batcher();
    const start = Date.now();
    batch.schedule(2500);
    vi.advanceTimersByTime(1000);
    expect(flushes).toEqual([start + 1000]);
  });

  it('flushes nothing after cancel', () => {
    const { batch, flushes } = batcher();
    batch.schedule();
    batch.cancel();
    vi.advanceTimersByTime(5000);
    expect(flushes).toEqual([]);
    expect(batch.pending).toBe(false);
  });
});

describe('PageAnnotator on a ticker page', () => {
  const { index } = loadBundledIndex();
  const matcher = newsPageMatcher(createEntityMatcher(index.matcher as MatcherSpec), new Map());
  const entities = new Map<string, AnnotationEntity>(
    index.entities.map(({ id, name, kind, specificity }) => [id, { id, name, kind, specificity }]),
  );

  it('annotates a paragraph added while a clock ticks every 100 ms, within 2 s', async () => {
    document.body.replaceChildren();
    const clock = document.createElement('span');
    clock.textContent = '0';
    const first = document.createElement('p');
    first.textContent = 'Joseph Aoun spoke in Beirut.';
    document.body.append(clock, first);
    const annotator = new PageAnnotator({ doc: document, matcher, entities, highlighter: new Highlighter(document) });
    await annotator.start();
    let ticks = 0;
    const ticker = setInterval(() => {
      clock.textContent = String(++ticks);
    }, 100);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const late = document.createElement('p');
      late.textContent = 'Hezbollah answered, and Randa Slim of the Stimson Center commented on the talks in Naqoura.';
      document.body.append(late);
      const addedAt = performance.now();
      let found = false;
      while (!found && performance.now() - addedAt < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        found = annotator.snapshot().entities.some((entity) => entity.id === 'randa-slim');
      }
      expect(found, 'the late paragraph was annotated within 2 s').toBe(true);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(ticker);
      annotator.destroy();
    }
  });
});
