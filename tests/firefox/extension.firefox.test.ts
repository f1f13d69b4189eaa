/**
 * Issue #16: the production Firefox build (`.output/firefox-mv2`) in real
 * Firefox ESR, on the same fixture pages and import file as the Chromium
 * suite (tests/fixtures/). One Firefox for the whole file keeps the suite
 * short; each test opens its own tabs.
 */
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnnotationsSnapshot } from '@/lib/extension/messages';
import { OWN_UI_TAG } from '@/lib/page/text-ranges';
import { NEWS_HOSTS, OTHER_HOST } from '../e2e/news-server';
import { pointOfHighlight, readHighlights } from '../e2e/page-probes';
import {
  EXTENSION_ORIGIN,
  type FirefoxSession,
  launchFirefoxWithExtension,
  openPage,
  setViewport,
} from './firefox-fixtures';

const IMPORT_FILE = fileURLToPath(new URL('../fixtures/imports/baabda-envoys.md', import.meta.url));

let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await session?.close();
});

/**
 * Opens one of our pages (popup, options). Puppeteer's BiDi navigation never
 * reports moz-extension:// loads as finished, so we wait for the document
 * itself instead.
 */
async function openExtensionPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const url = `${EXTENSION_ORIGIN}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  // Polled by hand: while the tab leaves about:blank, Firefox answers an
  // evaluation with a protocol error, which ends puppeteer's waitForFunction.
  const deadline = Date.now() + 20_000;
  while (
    !(await page
      .evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`${url} did not load within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { page, errors };
}

interface WebExtensionGlobal {
  browser: {
    tabs: {
      query(query: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

/** The content script's annotations of the tab showing `url`, asked from an extension page (retried while it loads). */
async function annotationsOf(extensionPage: Page, url: string): Promise<AnnotationsSnapshot> {
  let lastError = '';
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const snapshot = await extensionPage.evaluate(async (wanted) => {
        const { browser } = globalThis as unknown as WebExtensionGlobal;
        const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === wanted);
        if (tab?.id === undefined) throw new Error(`no tab shows ${wanted}`);
        return browser.tabs.sendMessage(tab.id, { type: 'annotations/get' });
      }, url);
      if (snapshot) return snapshot as AnnotationsSnapshot;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no annotations from ${url}: ${lastError}`);
}

/** Sends `message` to the content script of the tab showing `url`, from an extension page (as the keyboard command's background does). */
function tellTab(extensionPage: Page, url: string, message: unknown): Promise<unknown> {
  return extensionPage.evaluate(
    async (wanted, sent) => {
      const { browser } = globalThis as unknown as WebExtensionGlobal;
      const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === wanted);
      if (tab?.id === undefined) throw new Error(`no tab shows ${wanted}`);
      return browser.tabs.sendMessage(tab.id, sent);
    },
    url,
    message,
  );
}

/**
 * The card's frame (our `card.html`), found by asking each child frame where
 * it is. Puppeteer's `Frame.url()` cannot tell: for a moz-extension:// frame,
 * Firefox 140's WebDriver BiDi sends `navigationStarted` and
 * `navigationCommitted` but never `domContentLoaded` or `load`, and those are
 * the only events on which puppeteer-core updates a frame's URL, so it reads
 * `about:blank` for ever while the frame shows the card. (This is what made
 * the card look empty in Firefox; the card itself was fine.)
 */
async function cardFrameOf(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href === `${EXTENSION_ORIGIN}/card.html`) return frame;
  }
  return undefined;
}

/** The card's text, read inside its frame; empty while no card shows. */
async function cardText(page: Page): Promise<string> {
  const frame = await cardFrameOf(page);
  return frame ? await frame.evaluate(() => document.body.textContent ?? '').catch(() => '') : '';
}

/** The page-viewport centre of the first element in the card matching `selector`. */
async function pointInCard(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const frame = await cardFrameOf(page);
  if (!frame) throw new Error('no card frame');
  const inFrame = await frame.evaluate((wanted) => {
    const rect = document.querySelector(wanted)?.getBoundingClientRect();
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, selector);
  if (!inFrame) throw new Error(`nothing in the card matches ${selector}`);
  const box = await settledCardRect(page);
  return { x: box.x + inFrame.x, y: box.y + inFrame.y };
}

/**
 * The card's box once it has stopped moving: the frame is first placed for
 * the card page's first height, then again when the card's content arrives
 * (above the mention instead of below, say), so a point read too early can
 * miss the card.
 */
async function settledCardRect(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await cardRect(page);
  for (let attempt = 0; attempt < 50; attempt++) {
    await pause(150);
    const next = await cardRect(page);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error('the card kept moving');
}

/**
 * The card frame's box in the page's viewport. The page cannot see it (closed
 * shadow root), so its offset is the difference of the two viewports' screen
 * positions (`mozInnerScreenX/Y`, Firefox's own).
 */
async function cardRect(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const frame = await cardFrameOf(page);
  if (!frame) throw new Error('no card frame');
  const screenOf = (target: Page | Frame) =>
    target.evaluate(() => {
      const { mozInnerScreenX, mozInnerScreenY } = window as unknown as Record<string, number>;
      return { x: mozInnerScreenX ?? 0, y: mozInnerScreenY ?? 0, width: innerWidth, height: innerHeight };
    });
  const [pageScreen, frameScreen] = await Promise.all([screenOf(page), screenOf(frame)]);
  return {
    x: frameScreen.x - pageScreen.x,
    y: frameScreen.y - pageScreen.y,
    width: frameScreen.width,
    height: frameScreen.height,
  };
}

/** Page script: synthetic pointer events at `point` for `durationMs` (what a hostile page can dispatch). */
function dispatchSyntheticPointer(page: Page, point: { x: number; y: number }, durationMs: number): Promise<void> {
  return page.evaluate(
    async ({ x, y, durationMs }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const until = performance.now() + durationMs;
      while (performance.now() < until) {
        for (const type of ['pointerover', 'pointerenter', 'pointermove', 'mouseover', 'mousemove']) {
          const init = { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'mouse', isPrimary: true };
          target.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
        }
        await new Promise((resolve) => setTimeout(resolve, 16));
      }
    },
    { ...point, durationMs },
  );
}

/** What a page script gets from `window.find(text)`: whether the page can find `text` on screen. */
function findInPage(page: Page, text: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    getSelection()?.removeAllRanges();
    // window.find is non-standard (Firefox and Chromium have it), so absent from TypeScript's DOM types.
    return (window as unknown as { find(text: string): boolean }).find(wanted);
  }, text);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Our shadow host's box, or null when no card is in the page (its root is closed: the box is all a page can see). */
function ownUiBox(page: Page): Promise<{ width: number; height: number } | null> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    if (!host) return null;
    // The card is positioned inside the host's shadow root; the host's own box may be empty.
    const rects = [...host.getClientRects()];
    const width = Math.max(host.scrollWidth, ...rects.map((rect) => rect.width));
    const height = Math.max(host.scrollHeight, ...rects.map((rect) => rect.height));
    return { width, height };
  }, OWN_UI_TAG);
}

const flatten = (highlights: Record<string, string[]>) => Object.values(highlights).flat();

describe('the Firefox build in Firefox', () => {
  test('a related page on a default news host is annotated, and resting on a name opens its card', async () => {
    const url = `${session.newsOrigin}/related-en/`;
    const { page, errors } = await openPage(session.browser, url);
    const { page: popup } = await openExtensionPage('popup.html');
    const snapshot = await annotationsOf(popup, url);
    expect(snapshot.relevant).toBe(true);
    const counts = Object.fromEntries(snapshot.entities.map((entity) => [entity.id, entity.count]));
    // The same counts as the Chromium suite (tests/e2e/annotation.e2e.ts).
    expect(counts).toMatchObject({ 'joseph-aoun': 3, hezbollah: 6, 'nawaf-salam': 1, naqoura: 1, 'tom-barrack': 2 });

    const highlights = await readHighlights(page);
    expect(flatten(highlights)).toHaveLength(snapshot.entities.length);
    expect(highlights['news-context-person']).toContain('Joseph Aoun');
    expect(flatten(highlights)).toContain('Hezbollah');

    // The card's own text comes from the background, into the card's extension frame (issue #13).
    const card = (await popup.evaluate(
      (message) => (globalThis as unknown as WebExtensionGlobal).browser.runtime.sendMessage(message),
      { type: 'entity/card', entityId: 'joseph-aoun' },
    )) as { name: string; role: string };
    expect(card.name).toBe('Joseph Aoun');
    const findOnScreen = (text: string) => findInPage(page, text);

    // No card until the pointer rests on a name.
    expect(await ownUiBox(page)).toBeNull();
    expect(await findOnScreen(card.role)).toBe(false);
    const point = await pointOfHighlight(page, 'Joseph Aoun');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => ownUiBox(page), { timeout: 5000 }).not.toBeNull();
    // The page itself cannot find the card's text: it lives in an extension-origin frame.
    expect(await findOnScreen(card.role)).toBe(false);

    await page.keyboard.press('Escape');
    await expect.poll(() => ownUiBox(page), { timeout: 5000 }).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
    await popup.close();
  });

  test('the card frame shows the card’s text on hover', async () => {
    const url = `${session.newsOrigin}/related-en/`;
    const { page, errors } = await openPage(session.browser, url);
    const { page: popup } = await openExtensionPage('popup.html');
    // The highlights are painted once the content script has answered for its pass.
    await annotationsOf(popup, url);
    const point = await pointOfHighlight(page, 'Joseph Aoun');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('President of Lebanon');
    expect(await cardText(page)).toContain('From our sources');
    // The page still cannot find it: the text is in the frame, not the page.
    expect(await findInPage(page, 'President of Lebanon')).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => ownUiBox(page), { timeout: 5000 }).toBeNull();
    expect(errors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  test('only the reader’s own input opens the card or acts on it, in Firefox too', async () => {
    const url = `${session.newsOrigin}/related-en/`;
    const { page, errors } = await openPage(session.browser, url);
    const { page: popup } = await openExtensionPage('popup.html');
    await annotationsOf(popup, url);
    const mention = await pointOfHighlight(page, 'Joseph Aoun');
    // A page script's pointer events, well past the rest delay (350 ms): a real pointer would have opened it.
    await dispatchSyntheticPointer(page, mention, 1200);
    expect(await ownUiBox(page)).toBeNull();

    // The real pointer opens it; the page's synthetic Escape and pointer moves elsewhere leave it open.
    await page.mouse.move(mention.x, mention.y);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('President of Lebanon');
    await page.evaluate(() => {
      for (const target of [window, document, document.body]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      }
    });
    await dispatchSyntheticPointer(page, { x: 3, y: 3 }, 1000);
    expect(await ownUiBox(page)).not.toBeNull();

    // The reader moves onto the card. Untrusted events inside the frame itself (which the page
    // cannot even reach) do nothing: a scripted click on the close button, a scripted Escape.
    const close = await pointInCard(page, 'button[aria-label="Close"]');
    await page.mouse.move(close.x, close.y, { steps: 5 });
    const frame = await cardFrameOf(page);
    await frame?.evaluate(() => {
      document.querySelector<HTMLButtonElement>('button[aria-label="Close"]')?.click();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await pause(800);
    expect(await ownUiBox(page)).not.toBeNull();
    expect(await cardText(page)).toContain('President of Lebanon');
    // The reader's real click on the same button closes it.
    await page.mouse.click(close.x, close.y);
    await expect.poll(() => ownUiBox(page), { timeout: 5000 }).toBeNull();
    expect(errors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  test('a page’s own popover laid over the card does not stay over it', async () => {
    // Firefox 140 has no IntersectionObserver v2, so the card page cannot see an overlay and
    // pause its buttons as in Chromium (tests/e2e/hostile-page.e2e.ts); the content script
    // takes the top of the top layer back instead, and the reader sees the card they click.
    const url = `${session.newsOrigin}/related-en/`;
    const { page, errors } = await openPage(session.browser, url);
    const { page: popup } = await openExtensionPage('popup.html');
    await annotationsOf(popup, url);
    // The reader's tab is the one in front (the popup page opened after it), so the page renders as it would for them.
    await page.bringToFront();
    const mention = await pointOfHighlight(page, 'Joseph Aoun');
    await page.mouse.move(mention.x, mention.y);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('President of Lebanon');
    // The reader rests on the card's name (no button under the pointer, so nothing changes on screen).
    const name = await pointInCard(page, '.nc-name');
    await page.mouse.move(name.x, name.y, { steps: 5 });
    await pause(500);
    const box = await settledCardRect(page);
    // puppeteer's clip is in document coordinates.
    const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
    const clip = { ...box, x: box.x + scroll.x, y: box.y + scroll.y };
    const before = await page.screenshot({ clip });

    // The page lays a popover of its own over the card, shown after ours, and lets clicks through.
    await page.evaluate((rect) => {
      const overlay = document.createElement('div');
      overlay.id = 'fake';
      overlay.setAttribute('popover', 'manual');
      overlay.textContent = 'Win a prize: click the button below!';
      Object.assign(overlay.style, {
        position: 'fixed',
        inset: 'auto',
        margin: '0',
        left: `${rect.x}px`,
        top: `${rect.y}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
        background: 'white',
        pointerEvents: 'none',
        border: '0',
      });
      document.body.append(overlay);
      overlay.showPopover();
    }, box);
    await pause(500);
    expect(await page.evaluate(() => document.getElementById('fake')?.matches(':popover-open'))).toBe(true);
    // The same pixels as before: the card, not the page's overlay, is what the reader sees.
    expect(Buffer.from(await page.screenshot({ clip })).equals(Buffer.from(before))).toBe(true);
    expect(await cardText(page)).toContain('President of Lebanon');

    // The card still answers the reader's own click.
    const close = await pointInCard(page, 'button[aria-label="Close"]');
    await page.mouse.click(close.x, close.y);
    await expect.poll(() => ownUiBox(page), { timeout: 5000 }).toBeNull();
    expect(errors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  test('a card opened from the keyboard takes focus, keeps it when the page opens a popover, and gives it back on Escape', async () => {
    const url = `${session.newsOrigin}/related-en/`;
    const { page, errors } = await openPage(session.browser, url);
    const { page: popup } = await openExtensionPage('popup.html');
    await annotationsOf(popup, url);
    await page.bringToFront();
    // The reader was on a link of the page when they pressed the command.
    await page.evaluate(() =>
      document
        .querySelector<HTMLElement>('article a[href], main a[href], a[href]')
        ?.setAttribute('data-was-focused', ''),
    );
    await page.focus('[data-was-focused]');
    // Alt+Shift+N: the background tells the tab to step to the next mention, its card pinned, focus inside.
    expect(await tellTab(popup, url, { type: 'mention/step', direction: 1 })).toBe(true);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toContain('From our sources');
    const focusInCard = async () => {
      const frame = await cardFrameOf(page);
      const inside = await frame?.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'button');
      // The page sees only our host as focused (the frame is inside its closed shadow root).
      const outside = await page.evaluate(() => document.activeElement?.localName);
      return inside === true && outside === 'news-context-ui';
    };
    await expect.poll(focusInCard, { timeout: 5000 }).toBe(true);

    // The page opens a popover: the card goes back on top (card-frame.ts) and focus stays in it.
    await page.evaluate(() => {
      const toast = document.createElement('div');
      toast.setAttribute('popover', 'manual');
      toast.textContent = 'Breaking news';
      document.body.append(toast);
      toast.showPopover();
    });
    await pause(300);
    expect(await focusInCard()).toBe(true);
    // And Escape, pressed in the card, closes it and gives focus back where it was, as a dialog does.
    await page.keyboard.press('Escape');
    await expect.poll(() => ownUiBox(page), { timeout: 5000 }).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-was-focused'))).toBe(true);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), popup.close()]);
  });

  test('an unrelated page on a news host, and any page on another host, are left alone', async () => {
    const unrelatedUrl = `${session.newsOrigin}/unrelated/`;
    const { page: unrelated, errors } = await openPage(session.browser, unrelatedUrl);
    const { page: popup } = await openExtensionPage('popup.html');
    const snapshot = await annotationsOf(popup, unrelatedUrl);
    expect(snapshot).toMatchObject({ relevant: false, entities: [] });
    expect(await readHighlights(unrelated)).toEqual({});
    expect(await ownUiBox(unrelated)).toBeNull();

    // A related text on a host outside the default list: no content script at all.
    const { page: other } = await openPage(session.browser, `${session.otherOrigin}/related-en/`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readHighlights(other)).toEqual({});
    expect(await ownUiBox(other)).toBeNull();
    expect(errors).toEqual([]);
    await Promise.all([unrelated.close(), other.close(), popup.close()]);
  });

  test('the popup searches the corpus as you type', async () => {
    const { page: popup, errors } = await openExtensionPage('popup.html');
    await setViewport(popup, { width: 420, height: 600 });
    await popup.waitForSelector('html[data-ready-ms]');
    const searchBox = await popup.waitForSelector('input[type="search"]');
    await searchBox?.type('Naqoura');
    const firstResult = await popup.waitForSelector('.nc-result-link', { timeout: 10_000 });
    expect(await firstResult?.evaluate((link) => link.textContent)).toContain('Israeli and Lebanese civilian envoys');
    expect(await popup.$eval('.nc-result-link .nc-match', (match) => match.textContent)).toBe('Naqoura');
    expect(errors).toEqual([]);
    await popup.close();
  });

  test('a file imported on the options page is searchable, and its proposed entity is then highlighted', async () => {
    const url = `${session.newsOrigin}/related-en/`;
    const { page: news } = await openPage(session.browser, url);
    const { page: options, errors } = await openExtensionPage('options.html');
    const before = await annotationsOf(options, url);
    expect(before.entities.length).toBeGreaterThan(3);
    expect(before.entities.map((entity) => entity.id)).not.toContain('baabda');

    const fileInput = await options.waitForSelector('input[type="file"]');
    await (fileInput as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(IMPORT_FILE);
    const importButton = await options.waitForSelector('::-p-text(Import 1 article)', { timeout: 15_000 });
    await importButton?.click();
    await options.waitForSelector('::-p-text(Import finished)', { timeout: 15_000 });

    const reviewButton = await options.waitForSelector('::-p-text(possible new entit)');
    await reviewButton?.click();
    const candidate = await options.waitForSelector('.opt-candidate:has(h3, h4) ::-p-text(Baabda)');
    expect(candidate).not.toBeNull();
    const addButton = await options.waitForSelector(
      '::-p-xpath(//*[contains(@class,"opt-candidate")][.//*[normalize-space()="Baabda"]]//button[normalize-space()="Edit, then add…"])',
    );
    await addButton?.click();
    const form = '::-p-xpath(//*[contains(@class,"opt-candidate")][.//*[normalize-space()="Baabda"]])';
    const candidateBox = await options.waitForSelector(form);
    const kind = await candidateBox?.waitForSelector('select');
    await kind?.select('place');
    const submit = await candidateBox?.waitForSelector('::-p-text(Add entity)');
    await submit?.click();
    await options.waitForSelector('::-p-text(It is highlighted on open news pages now.)');

    // The open page picks it up without a reload.
    await expect
      .poll(async () => (await annotationsOf(options, url)).entities.map((entity) => entity.id), { timeout: 10_000 })
      .toContain('baabda');
    expect(flatten(await readHighlights(news))).toContain('Baabda');

    const { page: popup } = await openExtensionPage('popup.html');
    await popup.waitForSelector('html[data-ready-ms]');
    await (await popup.waitForSelector('input[type="search"]'))?.type('Baabda envoys');
    await popup.waitForSelector('.nc-result-link ::-p-text(Envoys received at Baabda as talks stall)', {
      timeout: 10_000,
    });
    expect(errors).toEqual([]);

    // The options page links the privacy policy the store listings point to, shipped in the add-on.
    expect(await options.$eval('a[href="/privacy.html"]', (link) => link.textContent)).toBe('Privacy policy');
    const { page: privacy } = await openExtensionPage('privacy.html');
    expect(await privacy.$eval('h1', (heading) => heading.textContent)).toBe('News Context: privacy policy');
    await Promise.all([news.close(), options.close(), popup.close(), privacy.close()]);
  });

  test('nothing was asked of the network but the local fixture hosts', () => {
    // Every request Firefox made, for any tab or for the extension, went through our proxy.
    // Firefox's own services (its remote settings, which release builds no
    // longer let a pref turn off) are Firefox's requests, not ours, and are refused.
    const fixtureHosts = new Set([...NEWS_HOSTS, OTHER_HOST]);
    const firefoxOwn = /(^|\.)(mozilla\.(com|net|org)|firefox\.com)$/;
    const unexpected = [...new Set(session.requestedHosts)].filter(
      (host) => !fixtureHosts.has(host) && !firefoxOwn.test(host),
    );
    expect(unexpected).toEqual([]);
    expect(session.requestedHosts).toContain(NEWS_HOSTS[0]);
  });
});
