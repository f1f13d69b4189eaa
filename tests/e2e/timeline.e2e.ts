/**
 * Issue #15 end to end, in the production build in real Chromium: open the timeline from the
 * popup, see the seed events in date order with their precision, filter, open a point on its
 * sentence in the reader page, and watch the timeline take in an import without a reload.
 * Screenshots, light and dark, go to test-results/timeline-screenshots/ to be checked by eye.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/timeline-screenshots/', import.meta.url));

const MARKDOWN = `---
title: "Second round of Naqoura talks set for May"
outlet: Harbour Ledger
date: 2026-04-20
---

# Second round of Naqoura talks set for May

Envoys said on Monday that a second round of the Naqoura talks would open in May 2026, with Tom Barrack attending.
`;

async function eventRows(timeline: Page) {
  return timeline.locator('.nc-point--event').evaluateAll((items) =>
    items.map((item) => ({
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      precision: item.querySelector('.nc-precision')?.getAttribute('data-precision') ?? '',
      name: item.querySelector('.nc-point-event')?.textContent ?? '',
    })),
  );
}

test('the timeline opens from the popup, in date order with honest precision, filters, and opens the reader', async ({
  context,
  extensionId,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const popup = await context.newPage();
  const errors: string[] = [];
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const [timeline] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('link', { name: 'Timeline' }).click(),
  ]);
  timeline.on('pageerror', (error) => errors.push(error.message));
  await timeline.setViewportSize({ width: 1000, height: 900 });
  await expect(timeline).toHaveURL(/timeline\.html/);
  await expect(timeline.locator('html[data-build-ms]')).toHaveCount(1);

  // Every seed event, oldest first, each with the precision the knowledge base gives it.
  const events = await eventRows(timeline);
  expect(events.length).toBe(16);
  const dates = events.map((event) => event.date);
  expect(dates).toEqual([...dates].sort());
  expect(events.find((event) => event.name.startsWith('Naqoura direct civilian talks'))).toMatchObject({
    date: '2025-12-03',
    precision: 'day',
  });
  expect(events.find((event) => event.name === 'Lebanese Civil War')).toMatchObject({
    date: '1975',
    precision: 'year',
  });
  expect(events.find((event) => event.name === 'Taif Agreement')).toMatchObject({
    date: '1989-10',
    precision: 'month',
  });
  // An undated statement sits at its article's inferred month, marked "c.".
  await expect(
    timeline
      .locator('.nc-point--statement .nc-point-date')
      .filter({ hasText: /^c\. Mar 2026$/ })
      .first(),
  ).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await timeline.emulateMedia({ colorScheme: scheme });
    await timeline.screenshot({ path: join(SCREENSHOTS, `timeline-${scheme}.png`) });
  }

  // Filter by entity: only points about Joseph Aoun remain, and the address says so.
  await timeline.getByLabel('Entity', { exact: true }).selectOption('joseph-aoun');
  await expect(timeline).toHaveURL(/#entity=joseph-aoun/);
  const filtered = timeline.locator('.nc-point');
  await expect(filtered.first()).toBeVisible();
  const entityLists = await filtered.locator('.nc-point-entities').allTextContents();
  expect(entityLists.length).toBeGreaterThan(0);
  for (const list of entityLists) expect(list).toContain('Joseph Aoun');
  await timeline.getByLabel('Kind', { exact: true }).selectOption('statement');
  await expect(timeline.locator('.nc-point--event')).toHaveCount(0);
  await expect(timeline.locator('.nc-point--statement').first()).toBeVisible();

  // Zoom: the 2026 band opens its months; a month-only point stays in a "day not known" band.
  await timeline.getByLabel('Kind', { exact: true }).selectOption('');
  await timeline.getByLabel('Entity', { exact: true }).selectOption('');
  await timeline.getByRole('button', { name: '2026', exact: true }).click();
  await expect(timeline).toHaveURL(/zoom=month/);
  await expect(timeline.locator('[data-band="2026-03"]')).toBeVisible();
  await timeline.getByRole('button', { name: 'Days', exact: true }).click();
  await expect(timeline.locator('[data-band="2026-03"] .nc-band-title')).toContainText('day not known');
  await timeline.emulateMedia({ colorScheme: 'light' });
  await timeline.screenshot({ path: join(SCREENSHOTS, 'timeline-filtered-days.png') });

  // A point opens its sentence in the reader page.
  const point = timeline.locator('.nc-point--statement').first();
  const quote = (await point.locator('.nc-point-quote').textContent()) ?? '';
  const [reader] = await Promise.all([context.waitForEvent('page'), point.locator('.nc-point-open').click()]);
  await expect(reader).toHaveURL(/reader\.html#article=.*&start=\d+&end=\d+/);
  await expect(reader.locator('mark.nc-reader-passage')).toHaveText(quote);
  await expect(reader.getByRole('link', { name: 'Open the timeline' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an import appears on an open timeline without a reload', async ({ context, extensionId }) => {
  const timeline = await context.newPage();
  await timeline.goto(`chrome-extension://${extensionId}/timeline.html#entity=tom-barrack`);
  await expect(timeline.locator('html[data-build-ms]')).toHaveCount(1);
  const before = await timeline.locator('.nc-point').count();
  await expect(timeline.getByText('second round of the Naqoura talks')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options
    .getByLabel('Files to import')
    .setInputFiles({ name: 'naqoura-second-round.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
  await options.getByRole('button', { name: 'Import 1 article' }).click();
  await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  await timeline.bringToFront();
  const imported = timeline.locator('.nc-point').filter({ hasText: 'second round of the Naqoura talks' });
  await expect(imported).toHaveCount(1);
  // "in May 2026" is the sentence's own date: a month, not the article's day.
  await expect(imported.locator('.nc-point-date')).toHaveText('May 2026');
  await expect(imported.locator('.nc-point-source')).toContainText('Harbour Ledger');
  expect(await timeline.locator('.nc-point').count()).toBe(before + 1);
});

/** A paraphrased report that contradicts the seed's "over 550 lives" (a test article, not a real one). */
const CONTRADICTING = `---
title: "Strikes in the south: the health ministry's count"
outlet: Coastal Courier
date: 2024-09-24
---

# Strikes in the south: the health ministry's count

Lebanese health authorities said strikes on Monday killed 274 people, including 21 children.
`;

test('"Sources differ" stands at both points involved, each sentence quoted with its outlet and date', async ({
  context,
  extensionId,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options
    .getByLabel('Files to import')
    .setInputFiles({ name: 'health-count.md', mimeType: 'text/markdown', buffer: Buffer.from(CONTRADICTING) });
  await options.getByRole('button', { name: 'Import 1 article' }).click();
  await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  const timeline = await context.newPage();
  const errors: string[] = [];
  timeline.on('pageerror', (error) => errors.push(error.message));
  await timeline.setViewportSize({ width: 1000, height: 900 });
  await timeline.goto(`chrome-extension://${extensionId}/timeline.html#entity=lebanese-health-ministry`);
  // Where sources differ is found just after the timeline is first drawn.
  await expect(timeline.locator('html[data-differ-ms]')).toHaveCount(1);

  const imported = timeline
    .locator('.nc-point')
    .filter({ has: timeline.locator('.nc-point-quote', { hasText: 'killed 274 people' }) });
  await expect(imported).toHaveCount(1);
  const differ = imported.locator('.nc-point-differ');
  await expect(differ.locator('.nc-point-differ-title')).toHaveText('Sources differ');
  // What differs, in the detector's order of the two sources (the same order as the quotes below).
  await expect(differ.locator('.nc-point-difference-what').first()).toHaveText(
    /^Figures: (274 against at least 550|at least 550 against 274) killed$/,
  );
  // Both sentences, each with its outlet and date; this point's own sentence is marked as such.
  const quotes = differ.locator('.nc-point-difference').first().locator('figure');
  await expect(quotes).toHaveCount(2);
  const sides = await quotes.evaluateAll((figures) =>
    figures.map((figure) => ({
      quote: figure.querySelector('blockquote')?.textContent ?? '',
      cite: figure.querySelector('cite')?.textContent ?? '',
      here: figure.textContent?.includes('this point') ?? false,
    })),
  );
  const ours = sides.find((side) => side.quote.includes('killed 274 people'));
  const theirs = sides.find((side) => side.quote.includes('attacks on Monday reportedly claimed over 550 lives'));
  expect(ours).toMatchObject({ cite: 'Coastal Courier · 24 Sep 2024', here: true });
  expect(theirs).toMatchObject({ cite: 'Defence Talks · c. Sep 2024', here: false });
  const other = quotes.filter({ hasText: 'over 550 lives' });

  await imported.scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await timeline.emulateMedia({ colorScheme: scheme });
    await imported.screenshot({ path: join(SCREENSHOTS, `timeline-sources-differ-${scheme}.png`) });
  }
  await timeline.emulateMedia({ colorScheme: 'light' });

  // The other side is a point too, with the same disagreement, one press away.
  await other.getByRole('button', { name: /Go to it/ }).press('Enter');
  await expect(timeline).toHaveURL(/#zoom=month&focus=2024&point=us-gaza-lebanon-ceasefire-push-2024%3A\d+/);
  const selected = timeline.locator('.nc-point--selected');
  await expect(selected.locator('.nc-point-quote')).toContainText('over 550 lives');
  await expect(selected.locator('.nc-point-differ')).toContainText('killed 274 people');
  await expect(selected).toBeFocused();
  expect(errors).toEqual([]);
});
