/**
 * Issue #5 end to end, in the production build in real Chromium: import a
 * Markdown file through the options page, find it in the popup's search,
 * accept an entity the importer proposes, and see it highlighted on an open
 * news page without reloading the page or the extension.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, sendRuntimeMessage, sendTabMessage, test } from './fixtures';

/**
 * Baabda (the presidential palace's town) is on the fixture page but not in the knowledge base.
 * Shared with the Firefox suite (tests/firefox/).
 */
const MARKDOWN = readFileSync(fileURLToPath(new URL('../fixtures/imports/baabda-envoys.md', import.meta.url)), 'utf8');

interface Snapshot {
  entities: { id: string; name: string }[];
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<{ options: Page; errors: string[] }> {
  const options = await context.newPage();
  const errors: string[] = [];
  options.on('pageerror', (error) => errors.push(error.message));
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Import files' })).toBeVisible();
  return { options, errors };
}

async function importMarkdown(options: Page): Promise<void> {
  await options
    .getByLabel('Files to import')
    .setInputFiles({ name: 'baabda-envoys.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
  await expect(options.getByRole('heading', { name: 'Preview' })).toBeVisible();
  await expect(options.getByText('Envoys received at Baabda as talks stall')).toBeVisible();
  await options.getByRole('button', { name: 'Import 1 article' }).click();
  await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(options.getByText(/^1 article imported/)).toBeVisible();
}

test('a Markdown file imported through the options page is found by the popup’s search', async ({
  context,
  extensionId,
}) => {
  const { options, errors } = await openOptions(context, extensionId);
  await importMarkdown(options);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox', { name: 'Search the corpus' }).fill('Baabda envoys');
  await expect(popup.locator('.nc-result-link', { hasText: 'Envoys received at Baabda as talks stall' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('accepting a proposed entity highlights it on an open news page without reloading', async ({
  context,
  extensionId,
  newsOrigin,
}) => {
  const url = `${newsOrigin}/related-en/`;
  const news = await context.newPage();
  await news.goto(url);
  const { options, errors } = await openOptions(context, extensionId);
  // The page is annotated, without Baabda.
  await expect
    .poll(async () => (await sendTabMessage<Snapshot>(options, url, { type: 'annotations/get' })).entities.length)
    .toBeGreaterThan(3);
  const before = await sendTabMessage<Snapshot>(options, url, { type: 'annotations/get' });
  expect(before.entities.map((entity) => entity.name)).not.toContain('Baabda');

  await importMarkdown(options);
  await options.getByRole('button', { name: /^Review \d+ possible new entit/ }).click();
  const candidate = options.locator('.opt-candidate', { has: options.getByRole('heading', { name: 'Baabda' }) });
  await expect(candidate).toBeVisible();
  await expect(candidate.getByText(/^\d+ mentions in 1 article$/)).toBeVisible();
  await candidate.getByRole('button', { name: 'Edit, then add…' }).click();
  await candidate.getByLabel('Kind').selectOption('place');
  await candidate.getByLabel('Role, in one line').fill('Seat of the Lebanese presidency, south-east of Beirut');
  await candidate.getByRole('button', { name: 'Add entity' }).click();
  await expect(options.getByText('Added “Baabda”. It is highlighted on open news pages now.')).toBeVisible();

  // The open page picks it up without a reload.
  const navigations: string[] = [];
  news.on('framenavigated', (frame) => navigations.push(frame.url()));
  await expect
    .poll(
      async () => (await sendTabMessage<Snapshot>(options, url, { type: 'annotations/get' })).entities.map((e) => e.id),
      {
        timeout: 10_000,
      },
    )
    .toContain('baabda');
  expect(navigations).toEqual([]);

  // Its card quotes the imported article, and so does a bundled entity's.
  for (const entityId of ['baabda', 'nabih-berri']) {
    const card = await sendRuntimeMessage<{ excerpts: { articleTitle: string }[]; excerptTotal: number }>(options, {
      type: 'entity/card',
      entityId,
    });
    const titles = card.excerpts.map((excerpt) => excerpt.articleTitle);
    expect(titles, entityId).toContain('Envoys received at Baabda as talks stall');
  }
  expect(errors).toEqual([]);
});
