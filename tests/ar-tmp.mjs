import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { generateLargePage } from '/work/main/tests/fixtures/pages/generate-large-page.mjs';

const js = readFileSync('/tmp/ar/ar.js', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
const pages =
  process.argv[2] === 'real'
    ? readdirSync('/work/shared/realpages')
        .filter((n) => existsSync(`/work/shared/realpages/${n}/source.html`))
        .map((n) => [n, readFileSync(`/work/shared/realpages/${n}/source.html`, 'utf8')])
    : [['large', generateLargePage(2_000_000)]];
const rows = [];
for (const [name, html] of pages) {
  await page.route('https://x.test/', (r) => r.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto('https://x.test/', { waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.unroute('https://x.test/');
  await page.addScriptTag({ content: js });
  const ms = await page.evaluate(() => window.sliced());
  rows.push([name, ...ms]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const r of rows.slice(0, 12)) console.log(r.map((x) => (typeof x === 'number' ? x.toFixed(1) : x)).join('\t'));
await browser.close();
