import { describe, expect, it } from 'vitest';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { importSources } from '@/lib/import/import-articles';
import { importedExcerptsOf } from '@/lib/storage/imported-corpus';
import {
  contextFor,
  databasePerTest,
  fileFrom,
  generatedMarkdownFile,
  index,
  sourcesOf,
} from '../../support/import-fixtures';

/**
 * The importer in one call (lib/import/import-articles.ts), end to end on
 * fake-indexeddb. Each stage has its own tests since issue #10:
 * prepare-draft, article-duplicates, prepare-import, commit-import, pack-merge.
 */

const database = databasePerTest();

const ARTICLE_MD = `---
title: "Aoun receives envoys at Baabda"
outlet: Naharnet
author: Rania Haddad
date: 2026-03-12
url: https://www.naharnet.com/stories/en/900?utm_source=rss
---

# Aoun receives envoys at Baabda

President Joseph Aoun received two envoys at Baabda on Monday, his office said, as Hezbollah rejected direct talks.

<script>alert("x")</script>The meeting in Naqoura was **technical**, officials said. [More](https://example.org).
`;

describe('importing', () => {
  it('stores a Markdown article cleaned, matched and quoted by cards, in one go', async () => {
    const db = database();
    const context = await contextFor(db);
    const { outcomes } = await importSources(context, await sourcesOf(fileFrom('baabda.md', ARTICLE_MD)));
    expect(outcomes[0]).toMatchObject({ file: 'baabda.md', status: 'imported', problems: [], duplicates: [] });

    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({
      title: 'Aoun receives envoys at Baabda',
      titleSource: 'text',
      outlet: 'Naharnet',
      byline: 'Rania Haddad',
      language: 'en',
      url: 'https://www.naharnet.com/stories/en/900?utm_source=rss',
      site: 'naharnet.com',
      urlKey: 'naharnet.com/stories/en/900',
      published: { date: '2026-03-12', precision: 'day', basis: 'stated', reason: 'given in the front matter' },
      origin: 'import',
      importedAt: 1_773_133_200_000,
    });
    // Cleaned: the heading equal to the title, markup and emphasis are gone.
    expect(article?.text).toBe(
      'President Joseph Aoun received two envoys at Baabda on Monday, his office said, as Hezbollah rejected direct talks.\n\nThe meeting in Naqoura was technical, officials said. More.',
    );
    expect(article?.textHash).toMatch(/^[0-9a-f]{64}$/);
    const mentioned = (
      await db.mentions
        .where('articleId')
        .equals(article?.id ?? '')
        .toArray()
    ).map((m) => m.entityId);
    expect(mentioned).toEqual(expect.arrayContaining(['joseph-aoun', 'hezbollah', 'naqoura']));

    // Its known entities gain its excerpts in their cards.
    const imported = await importedExcerptsOf(db, 'naqoura');
    expect(imported.articles).toEqual([{ id: article?.id, title: 'Aoun receives envoys at Baabda' }]);
    const catalog = new CorpusCatalog({
      index,
      importedArticles: imported.articles,
      importedExcerpts: new Map([['naqoura', imported.excerpts]]),
    });
    const card = catalog.card('naqoura', 10);
    expect(card?.excerpts.some((excerpt) => excerpt.articleTitle === 'Aoun receives envoys at Baabda')).toBe(true);
  });
});

describe('import speed (fake-indexeddb; a quick figure, the benchmark runs in Chromium)', () => {
  it('imports 1 and 1,000 generated articles, without slowing down as the corpus grows', async () => {
    const db = database();
    const context = await contextFor(db);
    // Warm up the code paths (JIT, the bundled fingerprints) before timing.
    await importSources(context, await sourcesOf(generatedMarkdownFile(100_000)));

    const one = await sourcesOf(generatedMarkdownFile(0));
    let started = performance.now();
    await importSources(context, one);
    const singleMs = performance.now() - started;

    const thousand = await sourcesOf(...Array.from({ length: 1000 }, (_, n) => generatedMarkdownFile(n + 1)));
    started = performance.now();
    const { outcomes } = await importSources(context, thousand);
    const batchMs = performance.now() - started;
    expect(outcomes.filter((outcome) => outcome.status === 'imported')).toHaveLength(1000);
    expect(await db.articles.count()).toBe(1002);

    console.log(
      `News Context import timing (fake-indexeddb, Node): 1 article ${singleMs.toFixed(1)} ms; 1,000 articles ${(batchMs / 1000).toFixed(2)} s (${(batchMs / 1000).toFixed(2)} ms per article)`,
    );
    // No absolute times (machines differ); a batch must not cost more per article than a single import.
    expect(batchMs / 1000).toBeLessThan(singleMs * 3);
  }, 300_000);
});
