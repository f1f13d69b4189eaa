// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportFile } from '@/lib/import/import-sources';
import { importPageDocument } from '@/lib/import/page-import';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { fileFrom, freshDatabase, storeFor } from '../../support/import-fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const page = readFileSync(join('tests', 'fixtures', 'pages', 'related-en', 'index.html'), 'utf8');

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('page');
});
afterEach(async () => {
  await db.delete();
});

describe('“Import this page”', () => {
  it('imports the article of the current tab with the tab’s address, once', async () => {
    const url = 'https://www.naharnet.com/related-en/?utm_source=home';
    const outcome = await importPageDocument(storeFor(db), parse(page), url);
    expect(outcome).toMatchObject({ file: 'naharnet.com', status: 'imported', problems: [] });
    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({
      title: 'Lebanon offers Israel direct talks as war rages, but finds few takers',
      outlet: 'Naharnet',
      url,
      urlKey: 'naharnet.com/related-en',
      language: 'en',
      published: { date: '2026-03-11', precision: 'day', basis: 'stated', reason: 'given in the page metadata' },
    });
    expect(article?.text).toContain('Lebanese President Joseph Aoun has offered to open direct negotiations');
    expect(article?.text).not.toMatch(/cookie|<script/i);
    expect(await db.mentions.where({ articleId: article?.id ?? '', entityId: 'joseph-aoun' }).count()).toBe(1);

    const again = await importPageDocument(storeFor(db), parse(page), 'https://www.naharnet.com/related-en/');
    expect(again.status).toBe('nothing-new');
    expect(again.duplicates[0]?.duplicate.where).toBe('your imported articles');
  });

  it('reads .html files the same way', async () => {
    const source = await readImportFile(fileFrom('saved.html', page), parse);
    expect(source.drafts[0]).toMatchObject({
      origin: 'html',
      title: 'Lebanon offers Israel direct talks as war rages, but finds few takers',
      url: 'https://www.naharnet.com/related-en/',
    });
  });
});
