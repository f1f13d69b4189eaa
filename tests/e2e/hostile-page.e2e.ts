/**
 * What a hostile news page can do to our card (issue #13), tried with the
 * built extension in real Chromium. The page's own scripts are played by
 * `page.evaluate`, which runs in the page's main world, exactly where a
 * site's scripts run. The reader is played by Playwright's mouse and
 * keyboard, which send trusted input through the browser.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { OWN_UI_TAG } from '@/lib/page/text-ranges';
import { expect, test } from './fixtures';
import {
  cardBox,
  cardFrameOf,
  getAnnotations,
  hasOwnUi,
  pointOfHighlight,
  readCardText,
  readHighlights,
} from './page-probes';

async function openRelatedPage(context: BrowserContext, extensionId: string, newsOrigin: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const url = `${newsOrigin}/related-en/`;
  await page.goto(url);
  await getAnnotations(context, extensionId, url);
  return { page, url, errors };
}

/** Page script: synthetic pointer events over the point, for a while. */
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

/** Opens the card of `name` with the real pointer and returns its text (read from inside the frame). */
async function hoverCard(page: Page, name: string): Promise<string> {
  const mention = await pointOfHighlight(page, name);
  await page.mouse.move(mention.x, mention.y);
  await expect.poll(() => readCardText(page)).toContain('From our sources');
  return readCardText(page);
}

test('synthetic pointer and key events neither open nor close the card', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const { page, errors } = await openRelatedPage(context, extensionId, newsOrigin);
  const mention = await pointOfHighlight(page, 'Joseph Aoun');
  // Well past the rest delay (350 ms): a trusted pointer would have opened it.
  await dispatchSyntheticPointer(page, mention, 1200);
  expect(await hasOwnUi(page)).toBe(false);
  expect((await readHighlights(page))['news-context-active'] ?? []).toEqual([]);

  // A real hover opens it; synthetic Escape and pointer moves elsewhere leave it open.
  await hoverCard(page, 'Joseph Aoun');
  await page.evaluate(() => {
    for (const target of [window, document, document.body]) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    }
  });
  await dispatchSyntheticPointer(page, { x: 3, y: 3 }, 1000);
  expect(await hasOwnUi(page)).toBe(true);
  expect(await readCardText(page)).toContain('President of Lebanon');
  // The reader's Escape still works.
  await page.keyboard.press('Escape');
  await expect.poll(() => hasOwnUi(page)).toBe(false);
  expect(errors).toEqual([]);
});

test('while a real hover holds the card open, the page recovers none of its text', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const { page, errors } = await openRelatedPage(context, extensionId, newsOrigin);
  const cardText = await hoverCard(page, 'Joseph Aoun');
  // Phrases the card shows and the page itself does not contain.
  const pageText = await page.evaluate(() => document.body.innerText);
  const secrets = [
    'President of Lebanon since early 2025',
    'From our sources',
    "Don't highlight this",
    'more in the corpus',
  ]
    .filter((phrase) => cardText.includes(phrase))
    .filter((phrase) => !pageText.includes(phrase));
  expect(secrets.length).toBeGreaterThanOrEqual(3);

  const box = await cardBox(page);
  if (!box) throw new Error('no card');
  const probe = await page.evaluate(
    ({ secrets, tag, centre }) => {
      const found: Record<string, unknown> = {};
      // window.find searches the page's text, shadow roots included: not another origin's frame.
      found.find = secrets.map((phrase) => {
        getSelection()?.removeAllRanges();
        return (window as unknown as { find(text: string): boolean }).find(phrase);
      });
      // Select everything and read the selection.
      getSelection()?.selectAllChildren(document.body);
      found.selection = secrets.filter((phrase) => String(getSelection()).includes(phrase));
      getSelection()?.removeAllRanges();
      found.innerText = secrets.filter(
        (phrase) => document.body.innerText.includes(phrase) || document.documentElement.textContent?.includes(phrase),
      );
      const host = document.querySelector(tag) as HTMLElement | null;
      found.host = host !== null;
      // A closed shadow root: the host's shadowRoot is null to the page.
      found.shadowRoot = host?.shadowRoot ?? null;
      // elementFromPoint stops at the host: nothing inside is handed out.
      const hit = document.elementFromPoint(centre.x, centre.y);
      found.hit = hit?.localName ?? null;
      found.hitText = hit ? secrets.filter((phrase) => (hit as HTMLElement).innerText?.includes(phrase)) : [];
      // Every frame the page can see: ours is not readable.
      found.frames = [...Array(window.frames.length).keys()].map((index) => {
        try {
          return window.frames[index]?.document.body.innerText ?? '';
        } catch {
          return 'blocked';
        }
      });
      return found;
    },
    { secrets, tag: OWN_UI_TAG, centre: { x: box.x + box.width / 2, y: box.y + box.height / 2 } },
  );
  expect(probe.find).toEqual(secrets.map(() => false));
  expect(probe.selection).toEqual([]);
  expect(probe.innerText).toEqual([]);
  expect(probe.host).toBe(true);
  expect(probe.shadowRoot).toBeNull();
  expect(probe.hit).toBe(OWN_UI_TAG);
  expect(probe.hitText).toEqual([]);
  for (const frameText of probe.frames as string[]) expect(frameText).toBe('blocked');
  // The card is still open and still says it all.
  expect(await readCardText(page)).toContain(secrets[0]);
  expect(errors).toEqual([]);
});

test('an overlay over the card cannot trick a real click into a card action', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const { page, errors } = await openRelatedPage(context, extensionId, newsOrigin);
  await hoverCard(page, 'Gideon Saar');
  const frame = cardFrameOf(page);
  // The card's body scrolls once it is tall (sources differ, the timeline): bring the button into view, as a reader would.
  const dontHighlight = frame?.getByRole('button', { name: "Don't highlight this" });
  await dontHighlight?.scrollIntoViewIfNeeded();
  const button = await dontHighlight?.boundingBox();
  if (!button) throw new Error('no button');
  const box = await cardBox(page);
  if (!box) throw new Error('no card');
  // The page lays its own popover over the card, above ours in the top layer, and lets clicks through.
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
  // The reader moves onto the card (under the overlay) and clicks, after a while.
  const target = { x: button.x + button.width / 2, y: button.y + button.height / 2 };
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.waitForTimeout(800);
  await page.mouse.click(target.x, target.y);
  await page.waitForTimeout(800);
  // Nothing happened: the entity is still highlighted, the card still open, and it says why.
  expect(Object.values(await readHighlights(page)).flat()).toContain('Gideon Saar');
  expect(await hasOwnUi(page)).toBe(true);
  expect(await readCardText(page)).toContain('covers this card');

  // Once the overlay is gone and the card has been seen for a moment, the same click acts.
  await page.evaluate(() => document.getElementById('fake')?.remove());
  // As a reader's hand does, the pointer moves a little over the button: the browser renders and reports the card seen.
  for (let step = 0; step < 16; step++) {
    await page.mouse.move(target.x + (step % 4) - 2, target.y);
    await page.waitForTimeout(50);
  }
  await page.mouse.click(target.x, target.y);
  await expect.poll(async () => Object.values(await readHighlights(page)).flat()).not.toContain('Gideon Saar');
  expect(errors).toEqual([]);
});
