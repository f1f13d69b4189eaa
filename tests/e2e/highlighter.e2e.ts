/**
 * The highlighter and the text reader together in real Chromium (happy-dom
 * has no CSS.highlights and no layout), run from a bundle of our real modules
 * in a plain page: no extension build needed.
 */
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { bundleForPage } from '../support/bundle-for-page';
import type { TestAlias } from '../support/page-harness';

const HARNESS = fileURLToPath(new URL('../support/page-harness.ts', import.meta.url));

let browser: Browser;
let harness: string;

test.beforeAll(async () => {
  harness = await bundleForPage(HARNESS);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

async function openPage(html: string, viewport = { width: 900, height: 700 }, deviceScaleFactor = 1): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent(html);
  await page.addScriptTag({ content: harness });
  expect(errors).toEqual([]);
  return page;
}

// The whole DOM, as markup, to compare before and after. XMLSerializer rather
// than `outerHTML`: lint bans that property outright (tests/lint/no-html-sinks.grit),
// and this serialization is as complete (doctype, every node and attribute).
const serializeDocument = () => new XMLSerializer().serializeToString(document);

const ALIASES: TestAlias[] = [
  { alias: 'Joseph Aoun', entityId: 'joseph-aoun', kind: 'person' },
  { alias: 'Hezbollah', entityId: 'hezbollah', kind: 'organisation' },
  { alias: 'Naqoura', entityId: 'naqoura', kind: 'place' },
  { alias: 'November 2024 ceasefire', entityId: 'ceasefire-2024', kind: 'event' },
];

const STYLE = 'body { font: 18px/1.6 Georgia, serif; margin: 40px; max-width: 760px } h1 { font-size: 26px }';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Talks</title><style>${STYLE}</style></head>
<body><article>
<h1>Lebanon and Israel hold direct talks in Naqoura</h1>
<p id="p1">President <a href="#aoun">Joseph</a> <a href="#aoun">Aoun</a> said the talks in Naqoura would not touch the weapons of Hez<b>bollah</b>.</p>
<p id="p2">The <em>November 2024 ceasefire</em> is the basis, US envoys said. Hezbollah did not comment.</p>
<pre>Hezbollah in a code block</pre>
<p>Typed: <textarea>Hezbollah</textarea> <input value="Hezbollah"> <code>Hezbollah</code></p>
<div contenteditable="true"><p>Hezbollah in an editor</p></div>
<div contenteditable="false"><p>Naqoura, not editable</p></div>
<news-context-ui><p>Hezbollah in our own card</p></news-context-ui>
<script>window.pageScript = 'Hezbollah';</script>
<svg width="200" height="20"><text y="15">Hezbollah in SVG</text></svg>
</article></body></html>`;

test('paints mentions by kind without changing the DOM, and destroy() unregisters them', async () => {
  const page = await openPage(ARTICLE);
  const before = await page.evaluate(serializeDocument);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

  expect(await page.evaluate((aliases) => window.__nc.paint(aliases), ALIASES)).toBe(7);
  expect(await page.evaluate(serializeDocument)).toBe(before);

  const state = await page.evaluate(() => {
    const highlighter = window.__nc.state.highlighter;
    if (!highlighter) throw new Error('no highlighter');
    return {
      sizes: Object.fromEntries([...CSS.highlights].map(([name, highlight]) => [name, highlight.size])),
      mentions: highlighter.mentions().map((mention) => `${mention.kind}:${mention.range.toString()}`),
      hezbollahNodes: highlighter
        .mentions()
        .filter((mention) => mention.entityId === 'hezbollah')
        .map((mention) => window.__nc.rangeTextNodes(mention.range).length),
    };
  });
  expect(state.sizes).toEqual({
    'news-context-place': 3,
    'news-context-person': 1,
    'news-context-organisation': 2,
    'news-context-event': 1,
  });
  // Document order; nothing from pre, textarea, input, code, the editor, our card, scripts or SVG.
  expect(state.mentions).toEqual([
    'place:Naqoura',
    'person:Joseph Aoun',
    'place:Naqoura',
    'organisation:Hezbollah',
    'event:November 2024 ceasefire',
    'organisation:Hezbollah',
    'place:Naqoura',
  ]);
  // `Hez<b>bollah</b>` is one mention over two text nodes.
  expect(state.hezbollahNodes).toEqual([2, 1]);

  // Painting again is harmless: duplicates are not added.
  const again = await page.evaluate((aliases) => {
    const { highlighter, blocks } = window.__nc.state;
    return highlighter?.add(window.__nc.findMentions(blocks ?? [], aliases)).length;
  }, ALIASES);
  expect(again).toBe(0);

  const afterDestroy = await page.evaluate(() => {
    window.__nc.state.highlighter?.destroy();
    return [...CSS.highlights.keys()];
  });
  expect(afterDestroy).toEqual([]);
  expect(await page.evaluate(serializeDocument)).toBe(before);
  await page.close();
});

test('reads what a reader sees: skip rules and blocks in a real browser', async () => {
  const page = await openPage(ARTICLE);
  const texts = await page.evaluate(() => window.__nc.collectTextBlocks(document.body).map((block) => block.text));
  expect(texts).toEqual([
    'Lebanon and Israel hold direct talks in Naqoura',
    'President Joseph Aoun said the talks in Naqoura would not touch the weapons of Hezbollah.',
    'The November 2024 ceasefire is the basis, US envoys said. Hezbollah did not comment.',
    'Typed: ',
    'Naqoura, not editable',
  ]);
  await page.close();
});

test('hit-tests the mention under the pointer, and nothing beside it', async () => {
  const page = await openPage(ARTICLE);
  await page.evaluate((aliases) => window.__nc.paint(aliases), ALIASES);
  for (const path of ['highlightsFromPoint', 'caret'] as const) {
    const results = await page.evaluate((path) => {
      if (path === 'caret') {
        // The fallback for browsers before Chrome 140 (and Firefox).
        (HighlightRegistry.prototype as { highlightsFromPoint?: unknown }).highlightsFromPoint = undefined;
      }
      const highlighter = window.__nc.state.highlighter;
      if (!highlighter) throw new Error('no highlighter');
      return highlighter.mentions().map((mention, index) => {
        const rects = [...mention.range.getClientRects()].filter((rect) => rect.width > 0);
        const box = mention.range.getBoundingClientRect();
        const hitIndex = (x: number, y: number) => {
          const hit = highlighter.hitTest(x, y);
          return hit ? highlighter.mentions().indexOf(hit) : -1;
        };
        const first = rects[0] as DOMRect;
        const last = rects[rects.length - 1] as DOMRect;
        return {
          index,
          text: mention.range.toString(),
          centre: hitIndex(box.left + box.width / 2, box.top + box.height / 2),
          // Inside the last character, then a few pixels past the end, above and below.
          lastChar: hitIndex(last.right - 2, last.top + last.height / 2),
          right: hitIndex(last.right + 4, last.top + last.height / 2),
          left: hitIndex(first.left - 4, first.top + first.height / 2),
          above: hitIndex(first.left + first.width / 2, first.top - 3),
          below: hitIndex(last.left + last.width / 2, last.bottom + 3),
        };
      });
    }, path);
    for (const result of results) {
      expect(result, `${path}: ${result.text}`).toMatchObject({
        centre: result.index,
        lastChar: result.index,
        right: -1,
        left: -1,
        above: -1,
        below: -1,
      });
    }
  }
  await page.close();
});

test('keeps the active mention, removes by entity, and tracks document order', async () => {
  const page = await openPage(ARTICLE);
  const result = await page.evaluate((aliases) => {
    const nc = window.__nc;
    const blocks = nc.collectTextBlocks(document.body);
    const highlighter = new nc.Highlighter(document);
    // Added out of document order (last block first), as viewport-first scanning does.
    for (const block of [...blocks].reverse()) highlighter.add(nc.findMentions([block], aliases));
    const order = highlighter.mentions().map((mention) => mention.range.toString());
    // Stepping with the keyboard visits the same order, both ways.
    const forward = [];
    for (let at = highlighter.adjacentMention(null, 1); at; at = highlighter.adjacentMention(at, 1)) forward.push(at);
    const backward = [];
    for (let at = highlighter.adjacentMention(null, -1); at; at = highlighter.adjacentMention(at, -1))
      backward.push(at);
    const stepsMatch =
      forward.length === order.length &&
      forward.every((mention, index) => mention === highlighter.mentions()[index]) &&
      backward.reverse().every((mention, index) => mention === highlighter.mentions()[index]);
    const hezbollah = highlighter.mentions().find((mention) => mention.entityId === 'hezbollah');
    highlighter.setActive(hezbollah ?? null);
    const active = CSS.highlights.get(nc.HIGHLIGHT_NAMES.active);
    const activeState = { size: active?.size, priority: active?.priority, text: [...(active ?? [])][0]?.toString() };
    highlighter.remove('hezbollah');
    return {
      order,
      stepsMatch,
      activeState,
      activeAfterRemove: highlighter.active,
      activeSizeAfterRemove: active?.size,
      organisations: CSS.highlights.get(nc.HIGHLIGHT_NAMES.organisation)?.size,
      left: highlighter.mentions().length,
    };
  }, ALIASES);
  expect(result.order).toEqual([
    'Naqoura',
    'Joseph Aoun',
    'Naqoura',
    'Hezbollah',
    'November 2024 ceasefire',
    'Hezbollah',
    'Naqoura',
  ]);
  expect(result.stepsMatch).toBe(true);
  expect(result.activeState).toEqual({ size: 1, priority: 1, text: 'Hezbollah' });
  expect(result).toMatchObject({ activeAfterRemove: null, activeSizeAfterRemove: 0, organisations: 0, left: 5 });
  await page.close();
});

test('follows page changes: incremental reads, removed text, removeWithin, removeMentions, clear', async () => {
  const page = await openPage(ARTICLE);
  const result = await page.evaluate(async (aliases) => {
    const nc = window.__nc;
    nc.paint(aliases);
    const highlighter = nc.state.highlighter;
    if (!highlighter) throw new Error('no highlighter');
    const counts: Record<string, number> = { initial: highlighter.mentions().length };

    // The page adds a paragraph and edits another; a MutationObserver batch lists the changes.
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') changed.push(record.target);
        for (const node of record.addedNodes) changed.push(node);
      }
    });
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    const added = document.createElement('p');
    added.append(
      'Later: ',
      Object.assign(document.createElement('strong'), { textContent: 'Joseph Aoun' }),
      ' in Naqoura.',
    );
    document.querySelector('article')?.append(added);
    const p2Text = document.querySelector('#p2')?.lastChild as Text;
    p2Text.data = `${p2Text.data} Naqoura again.`;
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    const roots = nc.rescanRoots(changed);
    counts.roots = roots.length;
    for (const root of roots) highlighter.removeWithin(root);
    highlighter.add(nc.findMentions(nc.collectTextBlocksWithin(changed).next(), aliases));
    counts.afterRescan = highlighter.mentions().length;

    // Text the page removes is dropped (its ranges have collapsed for good).
    document.querySelector('#p1')?.remove();
    counts.afterRemoval = highlighter.mentions().length;

    highlighter.removeMentions(highlighter.mentions().filter((mention) => mention.kind === 'place'));
    counts.afterRemovePlaces = highlighter.mentions().length;
    counts.placeHighlight = CSS.highlights.get(nc.HIGHLIGHT_NAMES.place)?.size ?? -1;
    highlighter.clear();
    counts.afterClear = highlighter.mentions().length;
    counts.registeredAfterClear = CSS.highlights.size;
    return counts;
  }, ALIASES);
  expect(result).toEqual({
    initial: 7,
    roots: 2,
    // p2 read again: its 2 mentions replaced by 3; the new paragraph adds 2.
    afterRescan: 10,
    afterRemoval: 7,
    afterRemovePlaces: 3,
    placeHighlight: 0,
    afterClear: 0,
    registeredAfterClear: 4,
  });
  await page.close();
});

test('orders blocks viewport first: on screen, then below, then above', async () => {
  const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i} about Naqoura.</p>`).join('');
  const page = await openPage(
    `<!doctype html><html><head><style>${STYLE}</style></head><body>${paragraphs}</body></html>`,
  );
  const result = await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    const blocks = window.__nc.collectTextBlocks(document.body);
    const ordered = window.__nc.orderViewportFirst(blocks, window.innerHeight);
    const index = (block: (typeof blocks)[number]) => blocks.indexOf(block);
    const onScreen = (block: (typeof blocks)[number]) => {
      const rect = block.element.getBoundingClientRect();
      return rect.bottom >= 0 && rect.top <= window.innerHeight;
    };
    const visibleCount = blocks.filter(onScreen).length;
    return {
      sameBlocks: new Set(ordered).size === blocks.length && ordered.every((block) => blocks.includes(block)),
      visibleCount,
      firstAreVisible: ordered.slice(0, visibleCount).every(onScreen),
      // After the visible ones: the ones below in document order, then the ones above, nearest first.
      rest: ordered.slice(visibleCount).map(index),
      firstVisibleIndex: index(ordered[0] as (typeof blocks)[number]),
    };
  });
  expect(result.sameBlocks).toBe(true);
  expect(result.visibleCount).toBeGreaterThan(5);
  expect(result.firstAreVisible).toBe(true);
  const below = result.rest.filter((i) => i > result.firstVisibleIndex);
  const above = result.rest.filter((i) => i < result.firstVisibleIndex);
  expect(result.rest).toEqual([...below, ...above]);
  expect(below).toEqual([...below].sort((a, b) => a - b));
  expect(above).toEqual([...above].sort((a, b) => b - a));
  await page.close();
});

test('a page with no match registers nothing', async () => {
  const page = await openPage('<p>Weather: sunny in Oslo, <b>rain</b> tomorrow.</p>');
  const result = await page.evaluate(() => {
    const added = window.__nc.paint([{ alias: 'Hezbollah', entityId: 'hezbollah', kind: 'organisation' }]);
    return { added, registered: CSS.highlights.size, hit: window.__nc.state.highlighter?.hitTest(50, 20) ?? null };
  });
  expect(result).toEqual({ added: 0, registered: 0, hit: null });
  await page.close();
});

// Four kinds and an active mention, on a light and a dark page: the paint
// must show (the page looks different once painted), and the screenshots are
// saved under /tmp for a person to look at.
for (const theme of ['light', 'dark'] as const) {
  test(`highlights show on a ${theme} page (screenshot saved)`, async () => {
    const colours = theme === 'light' ? 'background: #fff; color: #1a1a1a' : 'background: #121212; color: #e6e6e6';
    const page = await openPage(
      `<!doctype html><html><head><style>${STYLE} body { ${colours} } a { color: inherit }</style></head><body>
      <h1>Lebanon and Israel hold direct talks in Naqoura</h1>
      <p>President <a href="#">Joseph</a> <a href="#">Aoun</a> said the talks in Naqoura would not touch the weapons of Hez<b>bollah</b>, whose fighters have stayed north of the Litani since the November 2024 ceasefire.</p>
      <p>US envoys chaired the session. Hezbollah did not comment; the <em>Lebanese Army</em> said it would deploy south of Naqoura.</p>
      </body></html>`,
      { width: 820, height: 330 },
      2,
    );
    await page.addStyleTag({ content: await page.evaluate(() => window.__nc.HIGHLIGHT_CSS) });
    const unpainted = await page.screenshot();
    await page.evaluate(
      (aliases) => {
        window.__nc.paint(aliases);
        const highlighter = window.__nc.state.highlighter;
        const army = highlighter?.mentions().find((mention) => mention.range.toString() === 'Lebanese Army');
        highlighter?.setActive(army ?? null);
      },
      [
        ...ALIASES,
        { alias: 'Litani', entityId: 'litani', kind: 'place' },
        { alias: 'Lebanese Army', entityId: 'lebanese-army', kind: 'organisation' },
      ] satisfies TestAlias[],
    );
    const painted = await page.screenshot({ path: `/tmp/news-context-highlights-${theme}.png` });
    expect(painted.equals(unpainted)).toBe(false);
    expect(await page.evaluate(() => window.__nc.state.highlighter?.mentions().length)).toBeGreaterThanOrEqual(6);
    await page.close();
  });
}

// A generated ~2 MB article page: reading in 8 ms chunks finds the same blocks
// as one pass, and viewport-first ordering starts on screen. The timings are
// printed for a person (the benchmarks measure speed, tests never assert it).
test('reads a 2 MB page in chunks like one pass, viewport first, with mentions on screen (timings printed)', async () => {
  test.setTimeout(120_000);
  const page = await openPage('<!doctype html><html><body></body></html>', { width: 1200, height: 900 });
  const report = await page.evaluate((style) => {
    const words =
      'the talks were held in a tent at the border post while envoys waited for an answer from Beirut'.split(' ');
    const aliases = ['Joseph Aoun', 'Hez<b>bollah</b>', 'Naqoura', 'November 2024 ceasefire'];
    const parts: string[] = [`<style>${style}</style><header><nav>`];
    for (let i = 0; i < 60; i++) parts.push(`<a href="#">Section ${i}</a> `);
    parts.push('</nav></header><main><article>');
    let paragraph = 0;
    while (parts.reduce((sum, part) => sum + part.length, 0) < 2_000_000) {
      const sentence: string[] = [];
      for (let w = 0; w < 80; w++) {
        const word = words[(paragraph * 7 + w * 3) % words.length] as string;
        if (w % 20 === 10) sentence.push(aliases[(paragraph + w) % aliases.length] as string);
        else if (w % 13 === 0) sentence.push(`<a href="#">${word}</a>`);
        else if (w % 17 === 0) sentence.push(`<em>${word}</em>`);
        else sentence.push(word);
      }
      parts.push(`<p>${sentence.join(' ')}.</p>`);
      if (paragraph % 25 === 0) parts.push('<figure><img alt=""><figcaption>Photo: Naqoura</figcaption></figure>');
      if (paragraph % 40 === 0) parts.push('<pre>const hezbollah = "not read";</pre>');
      paragraph++;
    }
    parts.push('</article></main>');
    const html = parts.join('');
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    // Scroll to the middle, so viewport-first ordering has work to do.
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    document.body.getBoundingClientRect();

    const nc = window.__nc;
    const testAliases = [
      { alias: 'Joseph Aoun', entityId: 'joseph-aoun', kind: 'person' },
      { alias: 'Hezbollah', entityId: 'hezbollah', kind: 'organisation' },
      { alias: 'Naqoura', entityId: 'naqoura', kind: 'place' },
      { alias: 'November 2024 ceasefire', entityId: 'ceasefire-2024', kind: 'event' },
    ] as const;

    let t = performance.now();
    const oneShot = nc.collectTextBlocks(document.body);
    const oneShotMs = performance.now() - t;

    // Chunked, as the content script reads: 8 ms slices.
    const collector = new nc.TextBlockCollector(document.body);
    const blocks = [];
    const chunks: number[] = [];
    while (!collector.done) {
      const start = performance.now();
      blocks.push(...collector.next(start + 8));
      chunks.push(Math.round(performance.now() - start));
    }

    t = performance.now();
    const ordered = nc.orderViewportFirst(blocks, window.innerHeight);
    const orderMs = performance.now() - t;
    const firstOnScreen = ordered[0]?.element.getBoundingClientRect();

    // Paint in chunks of 200 blocks, viewport first, as the content script will.
    const highlighter = new nc.Highlighter(document);
    const addChunks: number[] = [];
    t = performance.now();
    for (let i = 0; i < ordered.length; i += 200) {
      const start = performance.now();
      highlighter.add(nc.findMentions(ordered.slice(i, i + 200), testAliases));
      addChunks.push(Math.round(performance.now() - start));
    }
    const addMs = performance.now() - t;
    t = performance.now();
    const mentionCount = highlighter.mentions().length;
    const documentOrderMs = performance.now() - t;

    // 100 keyboard steps forward then 100 back, from the middle of the page.
    let stepFrom = highlighter.mentions()[Math.floor(mentionCount / 2)] ?? null;
    const stepTimes: number[] = [];
    for (let i = 0; i < 200 && stepFrom; i++) {
      const start = performance.now();
      stepFrom = highlighter.adjacentMention(stepFrom, i < 100 ? 1 : -1) ?? null;
      stepTimes.push(performance.now() - start);
    }

    // 1,000 pointer positions in the viewport: half on mentions on screen, half anywhere.
    const onScreen = highlighter.mentions().filter((mention) => {
      const rect = mention.range.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < window.innerHeight;
    });
    const points: [number, number][] = [];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 1000; i++) {
      const mention = onScreen[i % Math.max(1, onScreen.length)];
      if (i % 2 === 0 && mention) {
        const rect = mention.range.getBoundingClientRect();
        points.push([rect.left + rect.width * random(), rect.top + rect.height * random()]);
      } else points.push([random() * window.innerWidth, random() * window.innerHeight]);
    }
    const measure = (hitTest: (x: number, y: number) => unknown) => {
      hitTest(0, 0); // Warm up.
      const times: number[] = [];
      let hits = 0;
      for (const [x, y] of points) {
        const start = performance.now();
        if (hitTest(x, y)) hits++;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => Number((times[Math.floor(q * (times.length - 1))] as number).toFixed(3));
      const total = times.reduce((sum, time) => sum + time, 0);
      return { hits, meanMs: Number((total / times.length).toFixed(4)), p50: at(0.5), p95: at(0.95), max: at(1) };
    };
    const hitTest = (x: number, y: number) => highlighter.hitTest(x, y);
    measure(hitTest);
    const viaCaretPosition = measure(hitTest);
    // The registry's own hit test, for comparison (the Highlighter uses it only without caret APIs).
    const registry = CSS.highlights as HighlightRegistry & {
      highlightsFromPoint: (x: number, y: number) => { ranges: AbstractRange[] }[];
    };
    const rawHighlightsFromPoint = measure((x, y) => registry.highlightsFromPoint(x, y).length > 0);
    // Browsers with only caretRangeFromPoint (Safari, older Chromium).
    (Document.prototype as { caretPositionFromPoint?: unknown }).caretPositionFromPoint = undefined;
    const viaCaretRange = measure(hitTest);

    return {
      htmlBytes: html.length,
      stats: collector.stats,
      blocks: blocks.length,
      sameAsOneShot: oneShot.length === blocks.length,
      oneShotMs: Math.round(oneShotMs),
      collectChunksMs: chunks.join(' '),
      orderMs: Number(orderMs.toFixed(2)),
      firstOrderedBlockTop: Math.round(firstOnScreen?.top ?? Number.NaN),
      firstOrderedBlockBottom: Math.round(firstOnScreen?.bottom ?? Number.NaN),
      mentions: mentionCount,
      mentionsOnScreen: onScreen.length,
      findAndAddMs: Math.round(addMs),
      findAndAddChunksMs: addChunks.join(' '),
      documentOrderMs: Number(documentOrderMs.toFixed(1)),
      adjacentMentionMaxMs: Number(Math.max(...stepTimes).toFixed(2)),
      hitTestViaCaretPosition: viaCaretPosition,
      hitTestViaCaretRange: viaCaretRange,
      rawHighlightsFromPoint,
    };
  }, STYLE);
  console.log(`News Context highlighter measurements:\n${JSON.stringify(report, null, 2)}`);
  expect(report.sameAsOneShot).toBe(true);
  // The first block read is (at least partly) on screen.
  expect(report.firstOrderedBlockBottom).toBeGreaterThan(0);
  expect(report.firstOrderedBlockTop).toBeLessThan(900);
  expect(report.mentionsOnScreen).toBeGreaterThan(0);
  expect(report.hitTestViaCaretPosition.hits).toBeGreaterThan(0);
  await page.close();
});
