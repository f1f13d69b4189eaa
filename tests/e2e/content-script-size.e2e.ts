import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The content script is parsed on every page of every default news site, so
 * its size is a budget (issue #13): at most 40 KB minified, and no UI
 * framework or schema library in it. The card's UI loads in its own frame
 * only when a card shows. Reads the production build the e2e suite runs on.
 */
const CONTENT_SCRIPT = fileURLToPath(new URL('../../.output/chrome-mv3/content-scripts/content.js', import.meta.url));
const BUDGET_BYTES = 40 * 1024;

test('the content script stays within 40 KB and carries neither React nor Zod', () => {
  const code = readFileSync(CONTENT_SCRIPT, 'utf8');
  const bytes = Buffer.byteLength(code);
  console.log(`News Context content script: ${(bytes / 1024).toFixed(2)} KB minified (budget 40 KB)`);
  expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  // Markers each library leaves in a minified bundle.
  for (const marker of ['ZodError', '$ZodType', '__SECRET_INTERNALS', 'react.element', 'useState']) {
    expect(code.includes(marker), marker).toBe(false);
  }
});
