/**
 * Issue #4 end to end: the popup (search, "On this page") and the reader
 * page, in the production build in real Chromium. The popup is opened as a
 * page (`popup.html`), at the popup's size; "On this page" is pointed at a
 * fixture tab with `?tab=<id>`. Screenshots of each state, in light and dark,
 * go to test-results/popup-screenshots/ to be checked by eye.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/popup-screenshots/', import.meta.url));
const POPUP_SIZE = { width: 420, height: 600 };

async function openPopup(
  context: BrowserContext,
  extensionId: string,
  query = '',
): Promise<{ popup: Page; errors: string[] }> {
  const popup = await context.newPage();
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  await expect(popup.locator('html[data-ready-ms]')).toHaveCount(1);
  return { popup, errors };
}

async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (wanted) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    };
    const tabs = await chrome.tabs.query({});
    const id = tabs.find((tab) => tab.url === wanted)?.id;
    if (id === undefined) throw new Error(`no tab shows ${wanted}`);
    return id;
  }, url);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const searchBox = (popup: Page) => popup.getByRole('searchbox', { name: 'Search the corpus' });
const articleLinks = (popup: Page) => popup.locator('.nc-result-link');

test('typing shows entities and articles; Enter opens the reader at the passage, marked and annotated', async ({
  context,
  extensionId,
}) => {
  const { popup, errors } = await openPopup(context, extensionId);
  await expect(searchBox(popup)).toBeFocused();
  // The empty state offers entities to start from.
  await expect(popup.getByRole('heading', { name: 'Start from an entity' })).toBeVisible();

  await searchBox(popup).pressSequentially('Naqoura');
  await expect(articleLinks(popup).first()).toContainText('Israeli and Lebanese civilian envoys');
  await expect(popup.getByRole('button', { name: /^Naqoura/ }).first()).toBeVisible();
  await expect(popup.locator('.nc-result-link .nc-match').first()).toHaveText('Naqoura');
  await expect(popup.getByRole('status').first()).toContainText(/articles?/);

  const opened = context.waitForEvent('page');
  await searchBox(popup).press('Enter');
  const reader = await opened;
  reader.on('pageerror', (error) => errors.push(error.message));
  await reader.waitForLoadState();
  expect(reader.url()).toMatch(/\/reader\.html#article=naqoura-civilian-talks-2025&start=\d+&end=\d+$/);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    'Israeli and Lebanese civilian envoys hold US-facilitated direct talks in Naqoura',
  );
  await expect(reader.locator('.nc-reader-passage')).toContainText('Naqoura');
  await expect(reader.locator('.nc-reader-passage')).toBeInViewport();
  // The article's entities are highlighted by the content script's pipeline, and listed.
  await expect
    .poll(() => reader.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size))
    .toBeGreaterThan(0);
  await expect(reader.getByRole('heading', { name: 'In this article' })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Also mentioned in' })).toBeVisible();
  await expect(reader.locator('.nc-reader-related-link').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('keyboard: ↓ moves into the results, ↑ back, Escape clears; results are links to the reader', async ({
  context,
  extensionId,
}) => {
  const { popup } = await openPopup(context, extensionId);
  await searchBox(popup).pressSequentially('Randa Slim');
  await expect(articleLinks(popup).first()).toContainText('Stimson Center');
  await expect(popup.locator('.nc-result-link .nc-match').first()).toHaveText('Randa Slim');

  await searchBox(popup).press('ArrowDown');
  await expect(popup.locator('.nc-hit-head').first()).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.locator('.nc-hit-head').first()).toHaveAttribute('aria-expanded', 'true');
  await expect(popup.locator('.nc-hit-panel')).toContainText('From our sources');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(articleLinks(popup).first()).toBeFocused();
  expect(await articleLinks(popup).first().getAttribute('href')).toMatch(
    /^chrome-extension:\/\/[a-p]{32}\/reader\.html#article=lebanon-direct-talks-offer-2026&start=/,
  );
  await popup.keyboard.press('ArrowUp');
  await popup.keyboard.press('ArrowUp');
  await popup.keyboard.press('ArrowUp');
  await expect(searchBox(popup)).toBeFocused();
  await searchBox(popup).press('Escape');
  await expect(searchBox(popup)).toHaveValue('');
});

test('filters narrow the articles; an empty result suggests close alternatives', async ({ context, extensionId }) => {
  const { popup } = await openPopup(context, extensionId);
  await searchBox(popup).fill('Lebanon');
  await expect(articleLinks(popup)).toHaveCount(5);
  await popup.getByRole('button', { name: 'Filters' }).click();
  await popup.getByLabel('Outlet').selectOption('Defence Talks');
  await expect(articleLinks(popup)).toHaveCount(1);
  await expect(popup.getByRole('button', { name: 'Filters, 1 on' })).toBeVisible();
  await popup.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(articleLinks(popup)).toHaveCount(5);

  await searchBox(popup).fill('Naqquraah');
  await expect(popup.getByText('Did you mean')).toBeVisible();
  await popup.getByRole('button', { name: 'Naqoura', exact: true }).click();
  await expect(searchBox(popup)).toHaveValue('Naqoura');
  await expect(articleLinks(popup).first()).toBeVisible();
});

test('"On this page" lists the entities of the fixture tab; clicking one opens its card there', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const page = await context.newPage();
  const url = `${newsOrigin}/related-en/`;
  await page.goto(url);
  const { popup: probe } = await openPopup(context, extensionId);
  const tabId = await tabIdOf(probe, url);
  await probe.close();

  const { popup, errors } = await openPopup(context, extensionId, `?tab=${tabId}`);
  await popup.getByRole('tab', { name: /On this page/ }).click();
  await expect(popup.getByText('naharnet.com', { exact: true })).toBeVisible();
  const list = popup.locator('.nc-page-entities');
  await expect(list.getByRole('button', { name: /Joseph Aoun/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /^Hezbollah/ })).toContainText('6');
  const annotate = popup.getByRole('switch', { name: 'Annotate this site' });
  await expect(annotate).toBeChecked();
  await expect(annotate).toBeDisabled();
  await expect(popup.getByRole('switch', { name: 'Pause on this site' })).not.toBeChecked();
  await expect(popup.getByRole('tab', { name: /On this page/ }).locator('.nc-count')).toHaveText(/\d+/);

  await list.getByRole('button', { name: /^Hezbollah/ }).click();
  await expect.poll(() => page.evaluate(() => document.querySelector('news-context-ui') !== null)).toBe(true);
  expect(errors).toEqual([]);
});

test('without ?tab, "On this page" is about the web page used last, not the popup tab', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const page = await context.newPage();
  await page.goto(`${newsOrigin}/related-en/`);
  await page.bringToFront();
  const { popup } = await openPopup(context, extensionId);
  await popup.getByRole('tab', { name: /On this page/ }).click();
  await expect(popup.locator('.nc-page-entities').getByRole('button', { name: /Joseph Aoun/ })).toBeVisible();
});

test('the reader shows a card when the pointer rests on a highlighted entity', async ({ context, extensionId }) => {
  const reader = await context.newPage();
  await reader.setViewportSize({ width: 1280, height: 900 });
  await reader.goto(`chrome-extension://${extensionId}/reader.html#article=lebanon-direct-talks-offer-2026`);
  await expect(reader.getByRole('heading', { name: 'In this article' })).toBeVisible();
  const point = await reader.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const highlight of registry.values()) {
      for (const range of highlight) {
        if (range.toString() !== 'Randa Slim') continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  });
  expect(point).not.toBeNull();
  await reader.mouse.move((point?.x ?? 0) - 30, point?.y ?? 0);
  await reader.mouse.move(point?.x ?? 0, point?.y ?? 0, { steps: 4 });
  const card = reader.locator('.nc-reader-card');
  await expect(card.getByRole('dialog', { name: 'Randa Slim' })).toBeVisible();
  await expect(card).toContainText('Stimson Center');
  await reader.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  // From the keyboard: the entity list opens the card pinned, focus inside.
  await reader.locator('.nc-reader-entity', { hasText: 'Randa Slim' }).click();
  await expect(card.getByRole('dialog', { name: 'Randa Slim' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Close' })).toBeFocused();
  // Placed as on a news page (lib/page/place-card.ts): inside the viewport, its width left of the scroll bar.
  const box = await card.boundingBox();
  const viewport = await reader.evaluate(() => ({ width: document.documentElement.clientWidth, height: innerHeight }));
  expect(box && box.x >= 0 && box.x + box.width <= viewport.width && box.y >= 0).toBe(true);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
  // Escape closes it and focus goes back to the entity list.
  await reader.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  const entityButton = reader.locator('.nc-reader-entity', { hasText: 'Randa Slim' });
  await expect(entityButton).toBeFocused();
  // A press outside closes even a pinned card, as on a news page.
  await entityButton.click();
  await expect(card.getByRole('dialog', { name: 'Randa Slim' })).toBeVisible();
  await reader.mouse.click(4, 4);
  await expect(card).toHaveCount(0);
});

test('measures: popup open-to-interactive and query latency on the seed corpus', async ({ context, extensionId }) => {
  // The first open of a fresh browser profile compiles every script: reported, but the budget
  // is for opening the popup as a reader does, again and again.
  const first = await openPopup(context, extensionId);
  await expect(first.popup.locator('html[data-search-ready-ms]')).toHaveCount(1);
  const firstOpen = Number(await first.popup.locator('html').getAttribute('data-ready-ms'));
  await first.popup.close();
  const ready: number[] = [];
  const searchReady: number[] = [];
  for (let run = 0; run < 7; run++) {
    const { popup } = await openPopup(context, extensionId);
    await expect(popup.locator('html[data-search-ready-ms]')).toHaveCount(1);
    ready.push(Number(await popup.locator('html').getAttribute('data-ready-ms')));
    searchReady.push(Number(await popup.locator('html').getAttribute('data-search-ready-ms')));
    await popup.close();
  }
  const { popup } = await openPopup(context, extensionId);
  const search: number[] = [];
  const input: number[] = [];
  for (const query of ['Naqoura', 'Hizbulah', 'حزب الله', 'Randa Slim', 'ceasefire talks', 'Barrack', 'Israël']) {
    await searchBox(popup).fill('');
    for (const character of query) {
      await searchBox(popup).pressSequentially(character);
      await expect(popup.locator('html')).toHaveAttribute('data-input-ms', /\d/);
      search.push(Number(await popup.locator('html').getAttribute('data-search-ms')));
      input.push(Number(await popup.locator('html').getAttribute('data-input-ms')));
      await popup.evaluate(() => {
        delete document.documentElement.dataset.inputMs;
      });
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0;
  console.log(
    `popup open-to-interactive: median ${median(ready)} ms (runs: ${ready.join(', ')}; first open ${firstOpen} ms); ` +
      `index loaded (results can show): median ${median(searchReady)} ms (runs: ${searchReady.join(', ')}); ` +
      `search (engine + snippets) per keystroke: median ${median(search).toFixed(1)} ms, p95 ${p95(search).toFixed(1)} ms; ` +
      `key press to results on screen: median ${median(input).toFixed(1)} ms, p95 ${p95(input).toFixed(1)} ms (${input.length} keystrokes)`,
  );
  // Reported, not asserted: these machines are noisy, so budgets (150 ms to
  // interactive, search latency) are checked by the benchmarks, never by tests.
  expect(ready.every((ms) => ms > 0)).toBe(true);
  expect(search.length).toBeGreaterThan(20);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the popup and the reader, ${scheme}`, async ({ context, extensionId, newsOrigin }) => {
    const page = await context.newPage();
    const url = `${newsOrigin}/related-en/`;
    await page.goto(url);
    const { popup: probe } = await openPopup(context, extensionId);
    const tabId = await tabIdOf(probe, url);
    await probe.close();

    const { popup } = await openPopup(context, extensionId, `?tab=${tabId}`);
    await popup.emulateMedia({ colorScheme: scheme });
    await expect(popup.getByRole('heading', { name: 'Latest in the corpus' })).toBeVisible();
    await shoot(popup, `popup-start-${scheme}`);
    await searchBox(popup).fill('Hezbollah');
    await expect(articleLinks(popup).first()).toBeVisible();
    await shoot(popup, `popup-results-${scheme}`);
    await popup.locator('.nc-hit-head').first().click();
    await expect(popup.locator('.nc-hit-panel')).toContainText('From our sources');
    await shoot(popup, `popup-card-${scheme}`);
    await popup.getByRole('button', { name: 'Filters' }).click();
    await popup.getByLabel('Kind of entity').selectOption('event');
    await shoot(popup, `popup-filters-${scheme}`);
    await searchBox(popup).fill('Nakuraah');
    await expect(popup.getByText('Did you mean')).toBeVisible();
    await shoot(popup, `popup-no-results-${scheme}`);
    await popup.getByRole('tab', { name: /On this page/ }).click();
    await expect(popup.locator('.nc-page-entities')).toBeVisible();
    await shoot(popup, `popup-on-this-page-${scheme}`);

    const reader = await context.newPage();
    await reader.emulateMedia({ colorScheme: scheme });
    await reader.setViewportSize({ width: 1280, height: 900 });
    await reader.goto(`chrome-extension://${extensionId}/reader.html#article=lebanon-direct-talks-offer-2026`);
    await expect(reader.getByRole('heading', { name: 'In this article' })).toBeVisible();
    await expect(reader.locator('.nc-reader-related-link').first()).toBeVisible();
    await shoot(reader, `reader-top-${scheme}`);
    await reader.locator('.nc-reader-entity', { hasText: 'Randa Slim' }).click();
    await expect(reader.locator('.nc-reader-card .nc-card')).toBeVisible();
    await shoot(reader, `reader-${scheme}`);
  });
}

test('"Import this page" adds the open article to the corpus, searchable at once', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const page = await context.newPage();
  const url = `${newsOrigin}/related-en/`;
  await page.goto(url);
  const { popup: probe } = await openPopup(context, extensionId);
  const tabId = await tabIdOf(probe, url);
  await probe.close();
  const { popup, errors } = await openPopup(context, extensionId, `?tab=${tabId}`);
  await popup.getByRole('tab', { name: /On this page/ }).click();
  await popup.getByRole('button', { name: 'Import this page' }).click();
  await expect(popup.getByRole('status').filter({ hasText: /Imported/ })).toContainText(
    'Lebanon offers Israel direct talks',
  );
  // A second click finds it already there: never doubled.
  await popup.getByRole('button', { name: 'Import this page' }).click();
  await expect(popup.getByRole('status').filter({ hasText: /Already in your corpus/ })).toBeVisible();

  await popup.close();
  const { popup: search } = await openPopup(context, extensionId);
  await searchBox(search).fill('Baabda');
  await expect(search.getByText('Lebanon offers Israel direct talks', { exact: false }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
