import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The content script is parsed on every page of every default news site, so
 * its size is a budget (issue #13: 40 KB), and no UI framework or schema
 * library may be in it. What only pages with highlights need loads later:
 * the hover card's code (`card-ui.js`) when the page first has highlights,
 * the card's UI in its own frame when a card shows. Matching, the outlet list
 * and the events' dates stay in the background. Reads the production build
 * the e2e suite runs on.
 */
const OUTPUT = new URL('../../.output/chrome-mv3/', import.meta.url);
const CONTENT_SCRIPT = fileURLToPath(new URL('content-scripts/content.js', OUTPUT));
const CARD_UI_SCRIPT = fileURLToPath(new URL('card-ui.js', OUTPUT));
const BUDGET_BYTES = 40 * 1024;

test('the content script stays within its budget and carries neither React nor Zod', () => {
  const code = readFileSync(CONTENT_SCRIPT, 'utf8');
  const bytes = Buffer.byteLength(code);
  console.log(
    `News Context content script: ${(bytes / 1024).toFixed(2)} KB minified (budget ${BUDGET_BYTES / 1024} KB)`,
  );
  expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  // Markers each library leaves in a minified bundle.
  for (const marker of ['ZodError', '$ZodType', '__SECRET_INTERNALS', 'react.element', 'useState']) {
    expect(code.includes(marker), marker).toBe(false);
  }
});

test('the hover card’s code is a script of its own, which the content script does not carry', () => {
  const content = readFileSync(CONTENT_SCRIPT, 'utf8');
  const cardUi = readFileSync(CARD_UI_SCRIPT, 'utf8');
  // The frame's page and the card's placement live in card-ui.js only.
  for (const marker of ['card.html', 'pointerOnCard']) {
    expect(cardUi.includes(marker), `card-ui.js has ${marker}`).toBe(true);
    expect(content.includes(marker), `content.js has ${marker}`).toBe(false);
  }
});
