// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';
import { eventTimingsOf, newsPageMatcher } from '@/lib/matching/news-page-matcher';
import type { AnnotationEntity } from '@/lib/matching/page-relevance';
import { Highlighter } from '@/lib/page/highlighter';
import { PageAnnotator, type PageAnnotatorOptions } from '@/lib/page/page-annotator';

const { index } = loadBundledIndex();
const matcher = newsPageMatcher(createEntityMatcher(index.matcher as MatcherSpec), eventTimingsOf(index.entities));
const entities = new Map<string, AnnotationEntity>(
  index.entities.map((entity) => {
    const { id, name, kind, specificity } = entity;
    return [id, { id, name, kind, specificity }];
  }),
);

let annotator: PageAnnotator | undefined;
afterEach(() => {
  annotator?.destroy();
  annotator = undefined;
  document.body.replaceChildren();
});

function setPage(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

function annotate(options: Partial<PageAnnotatorOptions> = {}) {
  const highlighter = new Highlighter(document);
  annotator = new PageAnnotator({ doc: document, matcher, entities, highlighter, debounceMs: 10, ...options });
  return { annotator, highlighter };
}

const RELATED = `
  <h1>Lebanon offers Israel direct talks</h1>
  <p>Lebanese President Joseph Aoun offered talks. Hez<b>bollah</b> called it a mistake.</p>
  <p>President Aoun spoke to Tom Barrack in Beirut. Hezbollah fired rockets.</p>
  <p>The talks would follow the first civilian meeting in Naqoura.</p>`;

const FOOD_REVIEW = `
  <h1>The best stalls at the new food hall</h1>
  <p>Chef Sarah Katz opened her stall on Barrack Street in Washington last spring.</p>
  <p>Katz serves flatbread. The old barracks next door host a ceasefire between two pizza rivals.</p>`;

describe('PageAnnotator', () => {
  it('finds the entities of a related page, across inline elements, with counts', async () => {
    setPage(RELATED);
    const { annotator } = annotate();
    await annotator.start();
    const snapshot = annotator.snapshot();
    expect(snapshot.relevant).toBe(true);
    const counts = Object.fromEntries(snapshot.entities.map((entity) => [entity.id, entity.count]));
    expect(counts.hezbollah).toBe(2);
    expect(counts['joseph-aoun']).toBe(2);
    expect(counts['tom-barrack']).toBe(1);
    expect(counts.naqoura).toBe(1);
    expect(snapshot.stats.textChars).toBeGreaterThan(100);
    expect(snapshot.stats.textNodes).toBeGreaterThan(3);
  });

  it('paints the first mention of each entity by default, and every mention on request', async () => {
    setPage(RELATED);
    const first = annotate();
    await first.annotator.start();
    const distinct = first.annotator.snapshot().entities.length;
    expect(first.highlighter.mentions()).toHaveLength(distinct);
    const hezbollah = first.highlighter.mentions().find((mention) => mention.entityId === 'hezbollah');
    expect(hezbollah?.range.toString()).toBe('Hezbollah');
    first.annotator.setHighlightMode('every');
    const total = first.annotator.snapshot().entities.reduce((sum, entity) => sum + entity.count, 0);
    expect(first.highlighter.mentions()).toHaveLength(total);
  });

  it('leaves an unrelated page alone: nothing painted, nothing listed', async () => {
    setPage(FOOD_REVIEW);
    const { annotator, highlighter } = annotate();
    await annotator.start();
    expect(annotator.snapshot()).toMatchObject({ relevant: false, entities: [] });
    expect(highlighter.mentions()).toHaveLength(0);
  });

  it('never makes a page related with countries and capitals alone', async () => {
    setPage('<p>Israel and Lebanon traded fire. Washington and Beirut were silent. Iran watched.</p>');
    const { annotator, highlighter } = annotate();
    await annotator.start();
    expect(annotator.snapshot().relevant).toBe(false);
    expect(highlighter.mentions()).toHaveLength(0);
  });

  it('skips entities the reader muted', async () => {
    setPage(RELATED);
    const { annotator, highlighter } = annotate({ suppressed: new Set(['hezbollah']) });
    await annotator.start();
    expect(annotator.snapshot().entities.map((entity) => entity.id)).not.toContain('hezbollah');
    expect(highlighter.mentions().some((mention) => mention.entityId === 'hezbollah')).toBe(false);
  });

  it('reads text the page adds later, once, after a short debounce', async () => {
    setPage('<p>Joseph Aoun spoke.</p>');
    const { annotator } = annotate();
    await annotator.start();
    expect(annotator.snapshot().relevant).toBe(false);
    const added = document.createElement('p');
    added.textContent = 'Hezbollah answered from the south, and Randa Slim of the Stimson Center commented.';
    document.body.append(added);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await annotator.idle();
    const snapshot = annotator.snapshot();
    expect(snapshot.relevant).toBe(true);
    expect(snapshot.entities.map((entity) => entity.id).sort()).toEqual(
      ['hezbollah', 'joseph-aoun', 'randa-slim', 'stimson-center'].sort(),
    );
  });

  it('starts afresh on reset (a single-page app swapping articles)', async () => {
    setPage(RELATED);
    const { annotator } = annotate();
    await annotator.start();
    setPage(FOOD_REVIEW);
    await annotator.reset();
    expect(annotator.snapshot()).toMatchObject({ relevant: false, entities: [] });
  });

  it('stops cleanly on destroy', async () => {
    setPage(RELATED);
    const { annotator, highlighter } = annotate();
    await annotator.start();
    annotator.destroy();
    expect(highlighter.mentions()).toHaveLength(0);
  });

  it('reads only the article: the logo and menus carry no highlight, the headline has the first mention', async () => {
    setPage(`<header class="site-header"><a class="logo" href="/">Naharnet | Lebanon</a>
      <nav><a href="/">Lebanon</a> <a href="/">Israel</a> <a href="/">Hezbollah</a></nav></header>
      <article><h1>Lebanon weighs an offer from Hezbollah's rivals</h1>
      <p>Officials in Beirut said Lebanon would answer the envoy Tom Barrack after Hezbollah replied, a source said.</p>
      <p>The Times of Israel reported that the army was ready, the source added, speaking on condition of anonymity.</p>
      <div class="share-bar"><a href="#">Share: Hezbollah and Lebanon</a></div></article>
      <aside class="most-read"><a href="/x">Naqoura talks: what next</a></aside>`);
    const { annotator, highlighter } = annotate();
    await annotator.start();
    const snapshot = annotator.snapshot();
    expect(snapshot.relevant).toBe(true);
    expect(snapshot.relevance.reasons.join('\n')).toMatch(/hezbollah \(2×, in the headline\)/);
    for (const mention of highlighter.mentions()) {
      expect(mention.range.startContainer.parentElement?.closest('article')).not.toBeNull();
      expect(mention.range.startContainer.parentElement?.closest('.share-bar')).toBeNull();
    }
    const lebanon = highlighter.mentions().find((mention) => mention.entityId === 'lebanon');
    expect(lebanon?.range.startContainer.parentElement?.localName).toBe('h1');
    expect(snapshot.entities.map((entity) => entity.id)).not.toContain('naqoura');
    // "The Times of Israel" is an outlet, not Israel.
    expect(snapshot.entities.map((entity) => entity.id)).not.toContain('israel');
  });

  it('keeps generic event phrases on the page’s timeline', async () => {
    const story = `<article><h1>Aoun and Hezbollah</h1>
      <p>President Joseph Aoun offered direct talks with Israel, an offer Barrack welcomed.</p>
      <p>Hezbollah said it would answer later.</p></article>`;
    setPage(story);
    const published = document.createElement('meta');
    published.setAttribute('property', 'article:published_time');
    published.setAttribute('content', '2025-04-12T08:00:00Z');
    document.head.append(published);
    const before = annotate();
    await before.annotator.start();
    expect(before.annotator.snapshot().entities.map((entity) => entity.id)).not.toContain(
      'lebanon-direct-talks-offer-2026',
    );
    before.annotator.destroy();
    published.setAttribute('content', '2026-03-20T08:00:00Z');
    const after = annotate();
    await after.annotator.start();
    expect(after.annotator.snapshot().entities.map((entity) => entity.id)).toContain('lebanon-direct-talks-offer-2026');
    published.remove();
  });
});
