import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexMentions } from '@/lib/corpus/build-index';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';
import type { MentionGroup } from '@/lib/model/index-schema';
import { type ArticleSources, CorpusSearch, parseQuery } from '@/lib/search/corpus-search';
import type { Snippet } from '@/lib/search/search-snippet';
import { NewsContextDatabase, type StoredArticle } from '@/lib/storage/database';
import { indexImportedArticles, loadSearchSegments, unindexArticles } from '@/lib/storage/imported-search-index';

const { index } = loadBundledIndex();
const search = new CorpusSearch({ index });

const snippetText = (snippet: Snippet) => snippet.parts.map((part) => part.text).join('');
const markedWords = (snippet: Snippet) => snippet.parts.filter((part) => part.marked).map((part) => part.text);

describe('search on the seed corpus (issue #4)', () => {
  it('ranks the Naqoura article first for "Naqoura"', () => {
    const results = search.search('Naqoura');
    expect(results.articles[0]?.article.id).toBe('naqoura-civilian-talks-2025');
    expect(results.entities[0]?.entity.id).toBe('naqoura');
  });

  it('finds Hezbollah for "Hizbulah", and marks "Hezbollah" in the snippets', async () => {
    const results = search.search('Hizbulah');
    expect(results.entities[0]?.entity.id).toBe('hezbollah');
    expect(results.articles.length).toBeGreaterThanOrEqual(3);
    const [first] = await search.describe(results.articles.slice(0, 1));
    expect(first?.viaEntities).toContain('hezbollah');
    expect(markedWords(first?.snippet as Snippet).join(' ')).toMatch(/Hezbollah/);
  });

  it('finds the Hezbollah entity for "حزب الله"', () => {
    expect(search.search('حزب الله').entities[0]?.entity.id).toBe('hezbollah');
  });

  it('finds the Stimson Center quote for "Randa Slim", with the name marked', async () => {
    const results = search.search('Randa Slim');
    expect(results.entities.map((hit) => hit.entity.id)).toContain('randa-slim');
    const [first] = await search.describe(results.articles);
    expect(first?.article.id).toBe('lebanon-direct-talks-offer-2026');
    expect(snippetText(first?.snippet as Snippet)).toContain('Stimson Center');
    expect(markedWords(first?.snippet as Snippet)).toEqual(['Randa Slim']);
    // The reader opens at the quoted sentence.
    const text = index.articles.find((article) => article.id === first?.article.id)?.text ?? '';
    const [start, end] = first?.snippet.passage ?? [0, 0];
    expect(text.slice(start, end)).toContain('said Randa Slim');
  });

  it('searches as you type: prefixes and typos', () => {
    expect(search.search('naq').articles[0]?.article.id).toBe('naqoura-civilian-talks-2025');
    expect(search.search('Barak').entities[0]?.entity.id).toBe('tom-barrack');
    expect(search.search('Stimsen').entities[0]?.entity.id).toBe('stimson-center');
  });

  it('ignores diacritics and case, and reads French elisions', () => {
    const ids = (query: string) => search.search(query).articles.map((hit) => hit.article.id);
    expect(ids('ISRAËL')).toEqual(ids('israel'));
    expect(search.search("l'Iran").entities.map((hit) => hit.entity.id)).toContain('iran');
    expect(search.search('Türkiye').entities[0]?.entity.id).toBe('turkey');
  });

  it('ranks a title match above an entity-name match above a body match', () => {
    const [hit] = search.search('Naqoura').articles;
    expect(hit?.match.naqoura).toEqual(expect.arrayContaining(['title', 'entityNames', 'text']));
  });

  it('falls back to articles with some of the words when none has all of them', () => {
    const results = search.search('Naqoura xylophone');
    expect(results.partial).toBe(true);
    expect(results.articles[0]?.article.id).toBe('naqoura-civilian-talks-2025');
  });

  it('suggests close alternatives when nothing matches', () => {
    const results = search.search('Mikkattii');
    expect(results.entities).toEqual([]);
    expect(results.articles).toEqual([]);
    expect(results.suggestions[0]).toBe('Najib Mikati');
    expect(search.search('Naqquraah').suggestions[0]).toBe('Naqoura');
  });

  it('treats an empty query, or stop words only, as "not searched yet"', () => {
    expect(search.search('  ').searched).toBe(false);
    expect(search.search('the of').searched).toBe(false);
    expect(parseQuery('Randa Slim')).toEqual({ combineWith: 'AND', queries: ['randa', 'slim'] });
  });
});

describe('filters', () => {
  it('narrows articles by outlet, entity and date range, and entities by kind', () => {
    expect(search.search('Lebanon', { outlet: 'Defence Talks' }).articles.map((hit) => hit.article.id)).toEqual([
      'us-gaza-lebanon-ceasefire-push-2024',
    ]);
    const withSlim = search.search('Lebanon', { entityId: 'randa-slim' }).articles.map((hit) => hit.article.id);
    expect(withSlim).toEqual(['lebanon-direct-talks-offer-2026']);
    const in2024 = search.search('Lebanon', { from: '2024-01-01', to: '2024-12-31' }).articles;
    expect(in2024.map((hit) => hit.article.id)).toEqual(['us-gaza-lebanon-ceasefire-push-2024']);
    const places = search.search('Lebanon', { kind: 'place' }).entities;
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((hit) => hit.entity.kind === 'place')).toBe(true);
  });

  it('browses by filters alone, newest first', () => {
    const { articles, total } = search.browse({ from: '2026-01-01' });
    expect(total).toBe(3);
    expect(articles.map((article) => article.published.date)).toEqual(['2026-03-09', '2026-03', '2026']);
  });

  it('offers specific entities to start from, and the outlets and entities to filter by', () => {
    const starting = search.startingEntities(8);
    expect(starting).toHaveLength(8);
    expect(starting.every((entity) => entity.specificity === 'specific')).toBe(true);
    expect(starting.map((entity) => entity.id)).toContain('hezbollah');
    expect(search.outlets().at(-1)).toBe('unknown');
    expect(search.filterableEntities('person').every((entity) => entity.kind === 'person')).toBe(true);
  });
});

describe('"Also mentioned in"', () => {
  it('lists articles that share specific entities, never through countries alone', () => {
    const related = search.related('naqoura-civilian-talks-2025');
    expect(related.length).toBeGreaterThan(0);
    for (const entry of related) {
      expect(entry.article.id).not.toBe('naqoura-civilian-talks-2025');
      expect(entry.shared.every((entity) => entity.specificity === 'specific')).toBe(true);
    }
  });
});

describe('imported articles', () => {
  let db: NewsContextDatabase;
  const matcher = createEntityMatcher(index.matcher as MatcherSpec);

  function imported(id: string, text: string): { article: StoredArticle; mentions: MentionGroup[] } {
    const article: StoredArticle = {
      id,
      title: `Imported ${id}`,
      titleSource: 'text',
      outlet: "L'Orient Today",
      byline: 'unknown',
      language: 'en',
      url: `https://today.lorientlejour.com/${id}`,
      published: { date: '2026-04-02', precision: 'day', basis: 'stated', reason: 'test' },
      text,
      origin: 'import',
      textHash: id,
      importedAt: 0,
      site: 'today.lorientlejour.com',
      urlKey: `today.lorientlejour.com/${id}`,
    };
    return { article, mentions: indexMentions([article], index.entities, matcher).mentions };
  }

  function dbSources(): ArticleSources {
    return {
      texts: async (ids) =>
        new Map(
          (await db.articles.bulkGet([...ids])).flatMap((article) => (article ? [[article.id, article.text]] : [])),
        ),
      mentions: async (ids) => {
        const groups = await db.mentions
          .where('articleId')
          .anyOf([...ids])
          .toArray();
        return new Map(ids.map((id) => [id, groups.filter((group) => group.articleId === id)]));
      },
    };
  }

  async function save(entries: { article: StoredArticle; mentions: MentionGroup[] }[]) {
    await db.transaction('rw', [db.articles, db.mentions, db.searchSegments], async () => {
      await db.articles.bulkAdd(entries.map((entry) => entry.article));
      await db.mentions.bulkAdd(entries.flatMap((entry) => entry.mentions));
      await indexImportedArticles(
        db,
        entries.map((entry) => entry.article),
        new Map(index.entities.map((entity) => [entity.id, entity])),
        entries.flatMap((entry) => entry.mentions),
      );
    });
  }

  async function reload(): Promise<CorpusSearch> {
    const { segments } = await loadSearchSegments(db);
    return new CorpusSearch({ index, segments, importedSources: dbSources() });
  }

  beforeEach(() => {
    db = new NewsContextDatabase(`corpus-search-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('finds an imported article next to the seeds, with a snippet from the stored text', async () => {
    await save([
      imported(
        'qamati-interview',
        'Hezbollah official Mahmoud Qamati said the group would not attend talks in Naqoura. He spoke in Beirut.',
      ),
    ]);
    const combined = await reload();
    expect(combined.articleCount).toBe(index.articles.length + 1);
    const results = combined.search('Qamati Naqoura');
    expect(results.articles[0]?.article.id).toBe('qamati-interview');
    const [first] = await combined.describe(results.articles.slice(0, 1));
    expect(markedWords(first?.snippet as Snippet)).toEqual(['Qamati', 'Naqoura']);
    expect(combined.search('Tom Barrack', { outlet: "L'Orient Today" }).articles).toEqual([]);
    expect(combined.search('Qamati', { outlet: "L'Orient Today" }).articles).toHaveLength(1);
  });

  it('gives a later import a segment of its own, and searches across segments', async () => {
    await save([imported('one', 'Talks in Naqoura with Tom Barrack.')]);
    await save([imported('two', 'Nabih Berri met Tom Barrack in Beirut.')]);
    expect((await db.searchSegments.toArray()).map((row) => row.articleIds)).toEqual([['one'], ['two']]);
    const combined = await reload();
    expect(combined.search('Berri Barrack').articles[0]?.article.id).toBe('two');
  });

  it('takes removed articles out of their segment', async () => {
    await save([imported('one', 'Talks in Naqoura with Tom Barrack.'), imported('two', 'Berri met Barrack.')]);
    await db.transaction('rw', [db.articles, db.searchSegments], async () => {
      await db.articles.delete('one');
      await unindexArticles(db, ['one']);
    });
    const combined = await reload();
    expect(combined.search('Barrack').articles.map((hit) => hit.article.id)).not.toContain('one');
    expect(combined.search('Barrack').articles.map((hit) => hit.article.id)).toContain('two');
    expect((await loadSearchSegments(db)).needsRebuild).toBe(false);
  });
});
