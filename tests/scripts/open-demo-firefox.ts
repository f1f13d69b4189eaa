/**
 * `npm start -- --firefox` (issue #16): opens Firefox with the Firefox build
 * installed on the demo news page, served locally as
 * https://www.naharnet.com/demo/. Headless machines get a screenshot and
 * instructions instead of a window, as the Chromium path does.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, openPage, setViewport } from '../firefox/firefox-fixtures';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotPath = join(repoRoot, '.output', 'demo-screenshot-firefox.png');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const session = await launchFirefoxWithExtension({ headless });
const demoUrl = `${session.newsOrigin}/demo/`;
const { page } = await openPage(session.browser, demoUrl);

if (headless) {
  await setViewport(page, { width: 1280, height: 800 });
  // Give the content script time to scan and paint its highlights.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await page.screenshot({ path: screenshotPath });
  console.log(`
No display, so Firefox ran headless.
  Screenshot of the demo page with the extension: ${screenshotPath}

To use News Context in your own Firefox, load the build as a temporary add-on:
  about:debugging#/runtime/this-firefox → "Load Temporary Add-on", choose
    ${join(FIREFOX_EXTENSION_DIR, 'manifest.json')}
`);
  await session.close();
} else {
  console.log(`Firefox is open on ${demoUrl} with News Context installed. Close the window to stop.`);
  session.browser.on('disconnected', () => void session.close());
}
