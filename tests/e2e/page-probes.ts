import type { BrowserContext, Frame, Page } from '@playwright/test';
import type { AnnotationsSnapshot } from '@/lib/extension/messages';
import { OWN_UI_TAG } from '@/lib/page/text-ranges';
import { sendTabMessage } from './fixtures';

/**
 * What a test can observe of a page from outside, the way a page or a reader
 * would: the DOM as serialized, the shared CSS.highlights registry, and (via
 * the DevTools protocol, which sees into closed shadow roots) our card.
 */

/** The page's DOM as markup, minus our shadow host (which only exists while a card is open). */
export function serializeDom(page: Page): Promise<string> {
  return page.evaluate((ownTag) => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll(ownTag)) host.remove();
    return new XMLSerializer().serializeToString(clone);
  }, OWN_UI_TAG);
}

/**
 * What `readHighlights` and `pointOfHighlight` need of a page: only `evaluate`, so the Firefox suite's
 * puppeteer pages (tests/firefox/) use the same probes as Playwright's.
 */
type EvaluatingPage = Pick<Page, 'evaluate'>;

/** Highlight name → the highlighted strings, read from the page's own world. */
export function readHighlights(page: EvaluatingPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of registry) {
      out[name] = [...highlight].map((range) => (range instanceof Range ? range.toString() : ''));
    }
    return out;
  });
}

/** The centre of the first highlighted range whose text is `text`, in viewport coordinates (scrolled into view). */
export async function pointOfHighlight(page: EvaluatingPage, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry) {
      if (name.endsWith('-active')) continue;
      for (const range of highlight) {
        if (!(range instanceof Range) || range.toString() !== wanted) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`no highlight reads "${text}"`);
  return point;
}

/** Whether our shadow host is in the page. */
export function hasOwnUi(page: Page): Promise<boolean> {
  return page.evaluate((tag) => document.querySelector(tag) !== null, OWN_UI_TAG);
}

/**
 * The card's frame (our extension page `card.html`), as Playwright sees it
 * from outside the page: the page's own scripts cannot reach into it.
 */
export function cardFrameOf(page: Page): Frame | undefined {
  return page.frames().find((frame) => /^chrome-extension:\/\/[^/]+\/card\.html/.test(frame.url()));
}

/** The text of our card, read inside its frame. Empty when no card is shown. */
export async function readCardText(page: Page): Promise<string> {
  if (!(await hasOwnUi(page))) return '';
  const frame = cardFrameOf(page);
  if (!frame) return '';
  // Text nodes joined by spaces (not innerText, which applies the card's text-transform).
  return frame
    .evaluate(() => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue?.trim();
        if (text && node.parentElement?.localName !== 'script') texts.push(text);
      }
      return texts.join(' ');
    })
    .catch(() => '');
}

/** The card's box on screen, from the DevTools protocol. */
export async function cardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (node) => node.localName === OWN_UI_TAG);
    const card = host && findNode(host, (node) => node.localName === 'iframe');
    if (!card) return null;
    const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: card.backendNodeId })) as {
      model: { border: number[]; width: number; height: number };
    };
    const [x = 0, y = 0] = model.border;
    return { x, y, width: model.width, height: model.height };
  } finally {
    await session.detach();
  }
}

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findNode(node: CdpNode, test: (node: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/**
 * Asks the tab's content script for its annotations once it has finished a
 * pass (the content script answers after its current pass). Retries while
 * the content script is still being injected.
 */
export async function getAnnotations(
  context: BrowserContext,
  extensionId: string,
  url: string,
): Promise<AnnotationsSnapshot> {
  const extensionPage = await extensionPageOf(context, extensionId);
  let lastError: unknown;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const snapshot = await sendTabMessage<AnnotationsSnapshot | undefined>(extensionPage, url, {
        type: 'annotations/get',
      });
      if (snapshot) return snapshot;
    } catch (error) {
      lastError = error;
    }
    await extensionPage.waitForTimeout(100);
  }
  throw new Error(`no annotations from ${url}: ${String(lastError)}`);
}

/** Sends a message to the content script of the tab showing `url`. */
export async function tellTab(
  context: BrowserContext,
  extensionId: string,
  url: string,
  message: unknown,
): Promise<unknown> {
  return sendTabMessage(await extensionPageOf(context, extensionId), url, message);
}

const extensionPages = new WeakMap<BrowserContext, Page>();

async function extensionPageOf(context: BrowserContext, extensionId: string): Promise<Page> {
  let page = extensionPages.get(context);
  if (!page || page.isClosed()) {
    page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    extensionPages.set(context, page);
  }
  return page;
}

/** Entity id → count, for compact assertions. */
export function countsOf(snapshot: AnnotationsSnapshot): Record<string, number> {
  return Object.fromEntries(snapshot.entities.map((entity) => [entity.id, entity.count]));
}

/**
 * Escape with focus inside the card's frame, which closes the card. The frame
 * goes away while the key is being handled, and Chromium can then lose the
 * acknowledgement of the key event: a `keyboard.press`, or even a
 * `keyboard.down`, waited for it for ever (about one run in four). So the
 * key goes down through CDP (a real, trusted key event, as Playwright's own),
 * without waiting for that acknowledgement; the test waits for the card to be
 * gone instead, then lets the key up on the page.
 */
export async function escapeFromCard(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const escapeKey = { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27, nativeVirtualKeyCode: 27 };
  void cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...escapeKey }).catch(() => undefined);
  for (let tries = 0; tries < 100 && (await hasOwnUi(page)); tries++) await page.waitForTimeout(50);
  await Promise.race([
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...escapeKey }).catch(() => undefined),
    page.waitForTimeout(2000),
  ]);
  await cdp.detach().catch(() => undefined);
}
