/**
 * Issue #14's "misclicks are forever", end to end in the production build in
 * real Chromium: deleting an entity asks first in a modal dialog, offers
 * Undo, and frees the proposed entity it came from; a deleted article waits
 * in the trash across a reload and comes back with its search entries;
 * deleting for good asks first.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, sendRuntimeMessage, test } from './fixtures';

const MARKDOWN = readFileSync(fileURLToPath(new URL('../fixtures/imports/baabda-envoys.md', import.meta.url)), 'utf8');
const TITLE = 'Envoys received at Baabda as talks stall';

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
  await options.getByRole('button', { name: 'Import 1 article' }).click();
  await expect(options.getByRole('heading', { name: 'Import finished' })).toBeVisible();
}

const proposal = (options: Page) =>
  options.locator('.opt-candidate', { has: options.getByRole('heading', { name: 'Baabda', exact: true }) });

/** Light and dark screenshots; a modal dialog is shot in the viewport, where the reader sees it. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`), fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('deleting an entity asks first, can be undone, and its proposal comes back', async ({ context, extensionId }) => {
  const { options, errors } = await openOptions(context, extensionId);
  await importMarkdown(options);
  await options.getByRole('button', { name: /^Review \d+ possible new entit/ }).click();
  await proposal(options).getByRole('button', { name: 'Add Baabda' }).click();
  await expect(options.getByText('Added “Baabda”.', { exact: false })).toBeVisible();
  await expect(proposal(options)).toHaveCount(0);

  await options.getByRole('tab', { name: 'Entities', exact: true }).click();
  await options.getByRole('searchbox', { name: 'Search entities' }).fill('Baabda');
  await options
    .getByRole('list', { name: 'Entities', exact: true })
    .getByRole('button', { name: /Baabda/ })
    .click();
  const editor = options.getByRole('form', { name: 'Edit Baabda' });
  await editor.getByRole('button', { name: 'Delete this entity…' }).click();
  const dialog = options.getByRole('dialog', { name: 'Delete “Baabda”?' });
  await expect(dialog).toBeVisible();
  // The description says what is lost, and that the proposal comes back.
  await expect(dialog).toHaveAccessibleDescription(/no longer be highlighted on any page.*proposed again/);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shoot(options, 'delete-entity-dialog', false);

  // Escape, then Cancel, change nothing.
  await options.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await editor.getByRole('button', { name: 'Delete this entity…' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(
    (await sendRuntimeMessage<{ name: string } | null>(options, { type: 'entity/card', entityId: 'baabda' }))?.name,
  ).toBe('Baabda');

  // Delete, then Undo.
  await editor.getByRole('button', { name: 'Delete this entity…' }).click();
  await dialog.getByRole('button', { name: 'Delete entity' }).click();
  const status = options.getByRole('status');
  await expect(status).toContainText('Deleted “Baabda”.');
  await shoot(options, 'delete-entity-undo');
  expect(await sendRuntimeMessage(options, { type: 'entity/card', entityId: 'baabda' })).toBeNull();
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('Restored “Baabda”.');
  await expect(options.getByRole('form', { name: 'Edit Baabda' })).toBeVisible();
  expect(
    (await sendRuntimeMessage<{ name: string } | null>(options, { type: 'entity/card', entityId: 'baabda' }))?.name,
  ).toBe('Baabda');

  // Delete for real: the proposal it came from is proposed again.
  await editor.getByRole('button', { name: 'Delete this entity…' }).click();
  await dialog.getByRole('button', { name: 'Delete entity' }).click();
  await expect(status).toContainText('Deleted “Baabda”.');
  await options.getByRole('tab', { name: /New entities/ }).click();
  await expect(proposal(options)).toBeVisible({ timeout: 15_000 });
  expect(errors).toEqual([]);
});

test('a deleted article waits in the trash across a reload, comes back searchable, and deleting for good asks', async ({
  context,
  extensionId,
}) => {
  const { options, errors } = await openOptions(context, extensionId);
  await importMarkdown(options);
  await options.getByRole('tab', { name: 'Your articles' }).click();
  await options.getByRole('button', { name: `Delete “${TITLE}”` }).click();
  await expect(options.getByRole('status')).toContainText(`Moved “${TITLE}” to the trash (kept 7 days).`);

  // The options page closes (here: reloads); the deletion can still be undone from the trash.
  await options.reload();
  await expect(options.getByRole('heading', { name: 'Your articles' })).toBeVisible();
  const trash = options.getByRole('list', { name: 'Deleted articles' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash).toContainText(TITLE);
  await expect(options.getByRole('list', { name: 'Imported articles' })).toHaveCount(0);
  await shoot(options, 'trash');

  await trash.getByRole('button', { name: `Restore “${TITLE}”` }).click();
  await expect(options.getByRole('status')).toContainText(`Restored “${TITLE}”.`);
  await expect(options.getByRole('list', { name: 'Imported articles' })).toContainText(TITLE);
  await expect(trash).toHaveCount(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox', { name: 'Search the corpus' }).fill('Baabda envoys');
  await expect(popup.locator('.nc-result-link', { hasText: TITLE })).toBeVisible();

  // Deleting for good asks first; keeping it in the trash changes nothing.
  await options.getByRole('button', { name: `Delete “${TITLE}”` }).click();
  await options.getByRole('button', { name: `Delete “${TITLE}” for good` }).click();
  const dialog = options.getByRole('dialog', { name: 'Delete for good?' });
  await expect(dialog).toHaveAccessibleDescription(/cannot be restored/);
  await shoot(options, 'delete-for-good-dialog', false);
  await dialog.getByRole('button', { name: 'Keep in the trash' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await options.getByRole('button', { name: `Delete “${TITLE}” for good` }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(options.getByRole('status')).toContainText('Deleted 1 article for good.');
  await expect(trash).toHaveCount(0);
  expect(errors).toEqual([]);
});
