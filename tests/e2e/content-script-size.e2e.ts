import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The content script is parsed on every page of every default news site, so
 * its size is a budget (issue #13), and no UI framework or schema library may
 * be in it: the card's UI loads in its own frame only when a card shows.
 * Reads the production build the e2e suite runs on.
 *
 * The target is 40 KB. The script was 35.6 KB once the card moved to
 * a frame and matching to the background; reading only the article, the
 * outlet list and the page's date (issue #12) brought it to 50.6 KB. Until
 * the outlet and event-date filters move to the background (where matching
 * already runs), this guards the current size, so it can only shrink.
 */
const CONTENT_SCRIPT = fileURLToPath(new URL('../../.output/chrome-mv3/content-scripts/content.js', import.meta.url));
const BUDGET_BYTES = 52 * 1024;

test('the content script stays within its budget and carries neither React nor Zod', () => {
  const code = readFileSync(CONTENT_SCRIPT, 'utf8');
  const bytes = Buffer.byteLength(code);
  console.log(
    `News Context content script: ${(bytes / 1024).toFixed(2)} KB minified (budget ${BUDGET_BYTES / 1024} KB; the target is 40 KB)`,
  );
  expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  // Markers each library leaves in a minified bundle.
  for (const marker of ['ZodError', '$ZodType', '__SECRET_INTERNALS', 'react.element', 'useState']) {
    expect(code.includes(marker), marker).toBe(false);
  }
});
