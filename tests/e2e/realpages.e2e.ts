/**
 * The extension on 130 real web pages (Mozilla Readability's test pages,
 * in ../shared/realpages, Apache-2.0): each is served as a news-site page so
 * the content script runs on it. For every page: no page error caused by
 * us, and the DOM exactly as without the extension. Prints a table of the
 * entities found and our longest task per page.
 *
 * Pages are not copied into the project; without the folder, this suite is
 * skipped with a message.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchBaseline, test } from './fixtures';
import { getAnnotations, hasOwnUi, serializeDom } from './page-probes';

const REALPAGES_DIR = fileURLToPath(new URL('../../../shared/realpages', import.meta.url));
const available = existsSync(REALPAGES_DIR);
const pageNames = available
  ? readdirSync(REALPAGES_DIR)
      .filter((name) => existsSync(join(REALPAGES_DIR, name, 'source.html')))
      .sort()
  : [];

interface PageReport {
  name: string;
  relevant: boolean;
  entities: string;
  mentions: number;
  textChars: number;
  longestTaskMs: number;
  longestTaskStep: string;
  ourErrors: number;
  domChanged: boolean;
}
const reports: PageReport[] = [];

test.describe('real pages', () => {
  test.skip(!available, `../shared/realpages not found beside the repository (looked in ${REALPAGES_DIR}); skipping`);
  test.describe.configure({ timeout: 90_000 });

  // The page's own scripts run for the error check; for the DOM check they are
  // switched off on both sides, so that only our content script could change it
  // (many of these pages rewrite themselves on a timer).
  let baseline: BrowserContext;
  let baselineNoScript: BrowserContext;
  test.beforeAll(async ({ newsServer }) => {
    for (const name of pageNames) {
      newsServer.routes.set(`/realpages/${name}/`, readFileSync(join(REALPAGES_DIR, name, 'source.html'), 'utf8'));
    }
    baseline = await launchBaseline(newsServer.port);
    baselineNoScript = await launchBaseline(newsServer.port, { javaScriptEnabled: false });
  });
  test.afterAll(async () => {
    await baseline?.close();
    await baselineNoScript?.close();
    printTable(reports);
  });

  for (const name of pageNames) {
    test(name, async ({ context, extensionId, newsOrigin }) => {
      const url = `${newsOrigin}/realpages/${name}/`;

      // 1. Page errors, with the page's scripts running: ours must add none.
      const page = await context.newPage();
      const errors = collectErrors(page);
      await open(page, url);
      const snapshot = await getAnnotations(context, extensionId, url);
      expect(await hasOwnUi(page)).toBe(false);
      await page.close();
      // Only pages that showed errors need the comparison run without the extension.
      let baselineErrors: string[] = [];
      if (errors.length > 0) {
        const plain = await baseline.newPage();
        // The listener fills this array as errors come: keep the array itself, not a copy.
        baselineErrors = collectErrors(plain);
        await open(plain, url);
        await plain.close();
      }
      const ourErrors = errors.filter((message) => !baselineErrors.includes(message));

      // 2. The DOM, page scripts off on both sides, serialized after our pass.
      const quiet = await context.newPage();
      const session = await context.newCDPSession(quiet);
      await session.send('Emulation.setScriptExecutionDisabled', { value: true });
      await quiet.goto(url, { waitUntil: 'load' });
      await getAnnotations(context, extensionId, url);
      const dom = await serializeDom(quiet);
      await quiet.close();
      const reference = await baselineNoScript.newPage();
      await reference.goto(url, { waitUntil: 'load' });
      const domChanged = dom !== (await serializeDom(reference));
      await reference.close();

      reports.push({
        name,
        relevant: snapshot.relevant,
        entities: snapshot.entities
          .slice(0, 4)
          .map((entity) => `${entity.name} (${entity.count})`)
          .join(', '),
        mentions: snapshot.entities.reduce((sum, entity) => sum + entity.count, 0),
        textChars: snapshot.stats.textChars,
        longestTaskMs: snapshot.stats.longestTaskMs,
        longestTaskStep: snapshot.stats.longestTaskStep,
        ourErrors: ourErrors.length,
        domChanged,
      });
      expect(ourErrors, 'page errors that only happen with the extension').toEqual([]);
      expect(domChanged, 'the DOM differs from the same page without the extension').toBe(false);
    });
  }
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  // Let the page's own scripts settle (their requests fail at once: there is no network).
  await page.waitForTimeout(300);
}

function printTable(rows: PageReport[]): void {
  if (rows.length === 0) return;
  const lines = [
    '| page | related | entities (top 4) | mentions | text chars | longest task ms (step) | our errors | DOM changed |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.relevant ? 'yes' : 'no'} | ${row.entities || '–'} | ${row.mentions} | ${row.textChars} | ${row.longestTaskMs.toFixed(1)} (${row.longestTaskStep}) | ${row.ourErrors} | ${row.domChanged ? 'YES' : 'no'} |`,
    ),
  ];
  const longest = Math.max(...rows.map((row) => row.longestTaskMs));
  const summary = `${rows.length} pages, ${rows.filter((row) => row.relevant).length} related, ${rows.reduce((sum, row) => sum + row.ourErrors, 0)} errors caused by us, ${rows.filter((row) => row.domChanged).length} DOM changes, longest task ${longest.toFixed(1)} ms`;
  console.log(`\n${lines.join('\n')}\n\nReal pages: ${summary}\n`);
}
