/**
 * `npm run listing-assets` (issue #16): everything the Chrome Web Store and
 * addons.mozilla.org ask for besides the zips, made from the production build
 * and the end-to-end fixtures, into .output/listing/:
 *
 * - store descriptions (each store's summary length checked);
 * - 1280×800 screenshots: a card on a news page, the popup's search, the
 *   options page's import preview, and the timeline;
 * - icons at every size the stores and manifests use, and Chrome's small
 *   promotional tile (440×280), drawn from public/icon/icon.svg.
 *
 * The privacy policy the listings link to ships in the extension
 * (public/privacy.html) and is copied here for the listing forms.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/fixtures';
import { NEWS_HOSTS, startNewsServer } from '../e2e/news-server';
import { pointOfHighlight } from '../e2e/page-probes';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(repoRoot, '.output', 'listing');
const SCREEN = { width: 1280, height: 800 };
/** Chrome: 16, 32, 48, 128 in the manifest, 128 for the store; Firefox: 48 and 96 in the manifest, 32, 64 and 128 on AMO. */
const ICON_SIZES = [16, 32, 48, 64, 96, 128];

const SUMMARY =
  'Background on the people, places and events in the Lebanon–Israel news you read, from a local curated corpus. No server, no account.';

const DESCRIPTION = `News Context is for people who read the news about Lebanon and Israel: the direct talks, Hezbollah, the November 2024 ceasefire and US mediation.

On a related article on a news site, it marks the people, organisations, places and events it knows, right in the text. Rest the pointer on one, or press Alt+Shift+N, and a card says who or what it is, with dated excerpts from its sources, each with its outlet and a link to the full article.

• Search the corpus from the toolbar popup as you type: entities first, then articles, with filters for outlet, kind and dates.
• "On this page" lists what the open article mentions.
• Import the articles you read (pasted text, Markdown, HTML, text files or corpus packs): they extend the search, the cards and the list of entities. New names found in them are proposed as entities.
• Edit any entity, say "Not this" or "Don't highlight this", pause a site, or add one.

Private by design: no server, no account, no network request of its own. Everything it stores (your articles, entities and settings) stays in your browser, and you can export or delete it at any time. The page you read is never changed: highlights use the browser's Custom Highlight API.`;

/** Each store's limits on the summary (the short description). */
const STORES = {
  chrome: { summaryLimit: 132, file: 'description-chrome.txt' },
  firefox: { summaryLimit: 250, file: 'description-firefox.txt' },
} as const;

async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** Puts a smaller screenshot (the popup) on a 1280×800 canvas with a caption, as store screenshots must be 1280×800. */
async function framed(page: Page, image: Buffer, caption: string): Promise<Buffer> {
  const dataUrl = `data:image/png;base64,${image.toString('base64')}`;
  await page.setViewportSize(SCREEN);
  await page.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;gap:72px;background:linear-gradient(135deg,#1d3557,#457b9d);font:600 34px/1.3 system-ui,sans-serif;color:#fff">
    <p style="max-width:420px;margin:0"></p>
    <img alt="" style="border-radius:12px;box-shadow:0 18px 48px rgba(0,0,0,.35)" src="${dataUrl}">
  </body></html>`);
  // The caption goes in as text, never as markup.
  await page.locator('p').evaluate((element, text) => {
    element.textContent = text;
  }, caption);
  await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
  return page.screenshot();
}

async function main(): Promise<void> {
  mkdirSync(join(outDir, 'screenshots'), { recursive: true });
  mkdirSync(join(outDir, 'icons'), { recursive: true });

  for (const [store, { summaryLimit, file }] of Object.entries(STORES)) {
    if (SUMMARY.length > summaryLimit) {
      throw new Error(`News Context: the ${store} summary has ${SUMMARY.length} characters, over ${summaryLimit}.`);
    }
    writeFileSync(join(outDir, file), `${SUMMARY}\n\n${DESCRIPTION}\n`);
  }
  copyFileSync(join(repoRoot, 'public', 'privacy.html'), join(outDir, 'privacy.html'));

  const server = await startNewsServer();
  const context = await launchWithExtension(server.port);
  try {
    const extensionId = await extensionIdOf(context);
    const written: string[] = [];
    const save = (name: string, image: Buffer) => {
      const path = join(outDir, 'screenshots', name);
      writeFileSync(path, image);
      written.push(path);
    };

    // 1. A card on a related news page.
    const news = await context.newPage();
    await news.setViewportSize(SCREEN);
    await news.goto(`https://${NEWS_HOSTS[0]}/related-en/`);
    await news.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    // The fixture's cookie banner would cover the card's foot.
    await news.getByRole('button', { name: 'Accept all' }).click();
    const point = await pointOfHighlight(news, 'Joseph Aoun');
    await news.mouse.move(point.x, point.y);
    await news.waitForTimeout(1200);
    save('1-card.png', await news.screenshot());

    // 2. The popup's search, at the popup's own size, framed.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('searchbox', { name: 'Search the corpus' }).pressSequentially('Naqoura');
    await popup.locator('.nc-result-link').first().waitFor();
    await popup.waitForTimeout(300);
    const popupImage = await popup.screenshot();
    save('2-popup-search.png', await framed(popup, popupImage, 'Search the corpus as you type, from the toolbar.'));

    // 3. The options page's import preview.
    const options = await context.newPage();
    await options.setViewportSize(SCREEN);
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options
      .getByLabel('Files to import')
      .setInputFiles(fileURLToPath(new URL('../fixtures/imports/baabda-envoys.md', import.meta.url)));
    await options.getByRole('heading', { name: 'Preview' }).waitFor();
    await options.waitForTimeout(300);
    save('3-options-import.png', await options.screenshot());

    // 4. The timeline: the story's events and statements, by date.
    const timeline = await context.newPage();
    await timeline.setViewportSize(SCREEN);
    await timeline.goto(`chrome-extension://${extensionId}/timeline.html`);
    await timeline.getByRole('heading', { level: 1 }).waitFor();
    await timeline.waitForTimeout(600);
    save('4-timeline.png', await timeline.screenshot());

    // Icons and the promotional tile, drawn from the SVG in a plain page.
    const svg = readFileSync(join(repoRoot, 'public', 'icon', 'icon.svg'), 'utf8');
    const canvas = await context.newPage();
    const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    for (const size of ICON_SIZES) {
      await canvas.setViewportSize({ width: size, height: size });
      await canvas.setContent(
        `<!doctype html><body style="margin:0;background:transparent"><img alt="" src="${svgUrl}" width="${size}" height="${size}" style="display:block"></body>`,
      );
      await canvas.locator('img').evaluate((image: HTMLImageElement) => image.decode());
      writeFileSync(join(outDir, 'icons', `icon-${size}.png`), await canvas.screenshot({ omitBackground: true }));
    }
    await canvas.setViewportSize({ width: 440, height: 280 });
    await canvas.setContent(`<!doctype html><body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;padding:0 36px;box-sizing:border-box;background:linear-gradient(135deg,#1d3557,#457b9d);color:#fff;font:700 34px/1.15 system-ui,sans-serif">
      <img alt="" src="${svgUrl}" width="112" height="112"><span>News Context</span></body>`);
    await canvas.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    writeFileSync(join(outDir, 'promo-tile-440x280.png'), await canvas.screenshot());

    console.log(`Listing assets in ${outDir}:\n  ${written.join('\n  ')}\n  icons/icon-{${ICON_SIZES.join(',')}}.png`);
  } finally {
    await context.close();
    await server.close();
  }
}

await main();
