import { CORPUS_INDEX_SCHEMA_VERSION } from '../../lib/model/index-schema';
import { expect, sendRuntimeMessage, test } from './fixtures';

test('the service worker starts, the bundled index loads and validates, and the popup renders', async ({
  context,
  extensionId,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const popup = await context.newPage();
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'News Context' })).toBeVisible();
  const status = await sendRuntimeMessage<{ ok: boolean; articles: number; entities: number }>(popup, {
    type: 'index/status',
  });
  expect(status).toMatchObject({ ok: true, schemaVersion: CORPUS_INDEX_SCHEMA_VERSION });
  expect(status.articles).toBe(5);
  expect(status.entities).toBeGreaterThanOrEqual(60);
  expect(errors).toEqual([]);
});
