/**
 * Issues #15 and #12 end to end, in the production build in real Chromium: the hover card on a
 * news page (its extension frame) shows what the reader page's cards show. After an import that
 * contradicts a seed figure, hovering a name on a page dated after every source gives "Sources
 * differ" with both quotes, "On the timeline" with a link into the timeline page at that point,
 * "Newer than your sources" with one action that imports the page, and an event's distance in time
 * from the page. Links and the import act only on real clicks inside the frame. Screenshots (light,
 * dark, and an Arabic right-to-left page) go to test-results/story-card-screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  cardBox,
  cardFrameOf,
  escapeFromCard,
  getAnnotations,
  hasOwnUi,
  pointOfHighlight,
  readCardText,
} from './page-probes';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/story-card-screenshots/', import.meta.url));

/** A paraphrased report that contradicts the seed's "over 550 lives" (a test article, not a real one). */
const CONTRADICTING = `---
title: "Strikes in the south: the health ministry's count"
outlet: Coastal Courier
date: 2024-09-24
---

# Strikes in the south: the health ministry's count

Lebanese health authorities said strikes on Monday killed 274 people, including 21 children.
`;

/** A news page dated May 2026, after every source the corpus has on the names it mentions. */
const MAY_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hezbollah and Israel trade fire as Lebanon counts the cost | Naharnet</title>
<meta property="article:published_time" content="2026-05-04T08:00:00+03:00">
<style>body { font: 18px/1.6 Georgia, serif; max-width: 720px; margin: 40px auto; padding: 0 20px; }</style>
</head>
<body>
<article>
<h1>Hezbollah and Israel trade fire as Lebanon counts the cost</h1>
<p>Lebanon's health ministry said on Sunday that overnight strikes in the south had killed twelve people.</p>
<p>Hezbollah said it fired rockets at Israel in response, and Israel said its jets struck Hezbollah sites in Lebanon.</p>
<p>The November 2024 ceasefire has frayed for months, and Lebanon has asked Washington to press Israel to respect it.</p>
<p>Lebanon's health ministry gave no figure for the wounded.</p>
</article>
</body>
</html>`;

async function importMarkdown(context: BrowserContext, extensionId: string, name: string, markdown: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options
    .getByLabel('Files to import')
    .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  await options.getByRole('button', { name: 'Import 1 article' }).click();
  await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await options.close();
}

/** The card frame, once it shows `text`. */
async function cardShowing(page: Page, text: string): Promise<Frame> {
  await expect.poll(() => readCardText(page), { timeout: 15_000 }).toContain(text);
  const frame = cardFrameOf(page);
  if (!frame) throw new Error('no card frame');
  return frame;
}

/** A real (trusted) click on a button of the card, where it is on screen, as a reader makes it. */
async function clickInCard(page: Page, frame: Frame, name: string): Promise<void> {
  const button = frame.getByRole('button', { name });
  // The card's body scrolls: bring the button into view first.
  await button.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
  const box = await button.boundingBox();
  if (!box) throw new Error(`no button "${name}" in the card`);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y, { steps: 5 });
  // The card acts only once it has been seen uncovered for a moment (the click-jacking guard).
  await page.waitForTimeout(500);
  await page.mouse.move(x + 1, y, { steps: 2 });
  await page.mouse.click(x + 1, y);
}

/** The text of the card's section headed `title`, inside the frame. */
function sectionText(frame: Frame, title: string): Promise<string> {
  return frame
    .locator('section')
    .filter({ has: frame.locator('.nc-section-title', { hasText: title }) })
    .first()
    .innerText();
}

test('the hover card shows the story around a name, links into the timeline and imports the page', async ({
  context,
  extensionId,
  newsOrigin,
  newsServer,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await importMarkdown(context, extensionId, 'health-ministry-count.md', CONTRADICTING);
  newsServer.routes.set('/may-2026/', MAY_PAGE);

  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1100, height: 900 });
  const url = `${newsOrigin}/may-2026/`;
  await page.goto(url);
  const snapshot = await getAnnotations(context, extensionId, url);
  expect(snapshot.entities.map((entity) => entity.id)).toEqual(
    expect.arrayContaining(['lebanese-health-ministry', 'ceasefire-november-2024']),
  );

  // Hover the health ministry: the frame's card has every section of the reader page's cards.
  const mention = await pointOfHighlight(page, "Lebanon's health ministry");
  await page.mouse.move(mention.x, mention.y);
  const frame = await cardShowing(page, 'Sources differ');
  const newer = await frame.locator('.nc-newer').innerText();
  expect(newer).toBe(
    'Your sources on Lebanese Health Ministry end on 24 Sep 2024; this page is from 4 May 2026. Import this page',
  );
  const differ = await sectionText(frame, 'Sources differ');
  expect(differ).toContain('274 against at least 550 killed');
  expect(differ).toContain('Lebanese health authorities said strikes on Monday killed 274 people');
  expect(differ).toContain('attacks on Monday reportedly claimed over 550 lives');
  expect(differ).toContain('Coastal Courier');
  expect(differ).toContain('Defence Talks');
  const onTimeline = await frame.locator('.nc-timeline-around li').allInnerTexts();
  const here = onTimeline.findIndex((line) => line.includes('Latest mention of Lebanese Health Ministry'));
  expect(here).toBeGreaterThan(0);
  expect(onTimeline[here]).toContain('24 Sep 2024');
  // Two or three events on each side of the latest mention.
  expect(here).toBeGreaterThanOrEqual(2);
  expect(onTimeline.length - here - 1).toBeGreaterThanOrEqual(2);
  expect(await frame.getByRole('button', { name: /See on the timeline/ }).count()).toBe(1);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, `hover-card-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A script's click does nothing: the link needs a trusted click.
  await frame
    .getByRole('button', { name: /See on the timeline/ })
    .evaluate((button) => (button as HTMLElement).click());
  await page.waitForTimeout(300);
  expect(context.pages().some((other) => other.url().includes('/timeline.html'))).toBe(false);

  // A real click opens the timeline page (through the background) at the latest mention.
  const [timeline] = await Promise.all([context.waitForEvent('page'), clickInCard(page, frame, 'See on the timeline')]);
  await expect(timeline).toHaveURL(/timeline\.html#zoom=month&focus=2024&point=/);
  const selected = timeline.locator('.nc-point--selected');
  await expect(selected).toHaveCount(1);
  await expect(selected.locator('.nc-point-quote')).toContainText('killed 274 people');
  await expect(selected.locator('.nc-point-differ')).toContainText('Sources differ');
  await timeline.close();

  // The card stays open after the new tab; if it closed, hover again.
  if (!(await hasOwnUi(page))) {
    await page.mouse.move(1, 1);
    const again = await pointOfHighlight(page, "Lebanon's health ministry");
    await page.mouse.move(again.x, again.y);
  }
  const card = await cardShowing(page, 'Import this page');
  await clickInCard(page, card, 'Import this page');
  await expect.poll(() => readCardText(page), { timeout: 20_000 }).toContain('Imported “');
  // The card is built again with the page among its sources: it is no longer newer than them.
  await expect.poll(() => readCardText(page), { timeout: 20_000 }).not.toContain('Your sources on');

  // An event's card says how long before this page it happened, at the precision both dates share.
  await escapeFromCard(page);
  await expect.poll(() => hasOwnUi(page)).toBe(false);
  await page.mouse.move(1, 1);
  const ceasefire = await pointOfHighlight(page, 'November 2024 ceasefire');
  await page.mouse.move(ceasefire.x, ceasefire.y);
  const eventCard = await cardShowing(page, 'November 2024 Israel–Hezbollah ceasefire');
  await expect(eventCard.locator('.nc-event-when')).toHaveText('About 17 months before this article');
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SCREENSHOTS, 'hover-card-event.png') });
  expect(errors).toEqual([]);
});

test('the hover card on an Arabic page keeps its layout and reads the page date', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  const url = `${newsOrigin}/related-ar/`;
  await page.goto(url);
  await getAnnotations(context, extensionId, url);
  const mention = await pointOfHighlight(page, 'حزب الله');
  await page.mouse.move(mention.x, mention.y);
  const frame = await cardShowing(page, 'From our sources');
  // The page is from 11 Mar 2026, two days after the newest seed source on Hezbollah (9 Mar 2026).
  await expect(frame.locator('.nc-newer')).toContainText('this page is from 11 Mar 2026');
  await expect(frame.locator('.nc-on-timeline')).toBeVisible();
  const box = await cardBox(page);
  expect(box?.width ?? 0).toBeGreaterThan(200);
  // Let the frame finish painting (it fades in) before the picture.
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SCREENSHOTS, 'hover-card-rtl.png') });
});
