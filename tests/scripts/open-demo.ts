/**
 * Opens Chromium with the built extension on the demo news page, served
 * locally as https://www.naharnet.com/demo/ (a host in our default list).
 * Headless machines get a screenshot and instructions instead of a window.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/fixtures';
import { NEWS_HOSTS, startNewsServer } from '../e2e/news-server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotPath = join(repoRoot, '.output', 'demo-screenshot.png');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const server = await startNewsServer();
const demoUrl = `https://${NEWS_HOSTS[0]}/demo/`;
const context = await launchWithExtension(server.port, { headless });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);

if (headless) {
  // Give the content script time to scan and paint its highlights.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: screenshotPath, fullPage: false });
  console.log(`
No display, so Chromium ran headless.
  Screenshot of the demo page with the extension: ${screenshotPath}

To use News Context in your own browser, load the unpacked build:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", "Load unpacked", choose
    ${EXTENSION_DIR}
  Firefox: npm run build:firefox, then about:debugging → This Firefox → "Load Temporary Add-on",
    choose .output/firefox-mv2/manifest.json
`);
  await context.close();
  await server.close();
} else {
  console.log(`Chromium is open on ${demoUrl} with News Context loaded. Close the window to stop.`);
  context.on('close', () => void server.close());
}
