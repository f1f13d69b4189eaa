import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpusInputs } from '@/lib/cli/write-bundled-index';
import { buildCorpusIndex, serializeCorpusIndex } from '@/lib/corpus/build-index';
import { CORPUS_INDEX_SCHEMA_VERSION, parseCorpusIndex } from '@/lib/model/index-schema';
import { articleQueryDefaults } from '@/lib/search/search-options';
import { decodeTermIndex, TermIndex } from '@/lib/search/term-index';

const inputs = readCorpusInputs();
const index = buildCorpusIndex(inputs);
const serialized = serializeCorpusIndex(index);

describe('the bundled index build', () => {
  it('is deterministic: the same inputs give byte-identical output', () => {
    expect(serializeCorpusIndex(buildCorpusIndex(readCorpusInputs()))).toBe(serialized);
  });

  it('matches the committed data/index.json (run `npm run build:index` after changing seeds or entities)', () => {
    const committed = readFileSync(new URL('../../../data/index.json', import.meta.url), 'utf8');
    expect(committed === serialized).toBe(true);
  });

  it('round-trips through the loader', () => {
    const loaded = parseCorpusIndex(JSON.parse(serialized));
    expect(loaded.schemaVersion).toBe(CORPUS_INDEX_SCHEMA_VERSION);
    expect(loaded.articles).toHaveLength(inputs.manifest.articles.length);
  });

  it('refuses an index of another schema version with a message that says what to do', () => {
    const stale = { ...JSON.parse(serialized), schemaVersion: CORPUS_INDEX_SCHEMA_VERSION + 1 };
    expect(() => parseCorpusIndex(stale)).toThrow(
      new RegExp(
        `schema version ${CORPUS_INDEX_SCHEMA_VERSION + 1}, but this build reads version ${CORPUS_INDEX_SCHEMA_VERSION}.*npm run build:index`,
      ),
    );
    expect(() => parseCorpusIndex(null)).toThrow(/schema version undefined/);
  });

  it('names the file and field when the index is damaged', () => {
    const damaged = JSON.parse(serialized);
    damaged.articles[1].published.precision = 'week';
    expect(() => parseCorpusIndex(damaged)).toThrow(/data\/index\.json: articles\[1\]\.published\.precision/);
  });

  it('keeps cleaned text, without boilerplate, for every seed', () => {
    for (const article of index.articles) {
      expect(article.text).not.toMatch(/Leave a Reply|Subscribe to get|\*\*/);
      expect(article.text).not.toMatch(/\n{3,}/);
      expect(article.origin).toBe('seed');
    }
  });

  it('points every mention and excerpt at the article text it quotes', () => {
    const articleById = new Map(index.articles.map((article) => [article.id, article]));
    const entityIds = new Set(index.entities.map((entity) => entity.id));
    for (const group of index.mentions) {
      expect(entityIds.has(group.entityId)).toBe(true);
      const text = articleById.get(group.articleId)?.text ?? '';
      for (const [start, end] of group.spans) expect(text.slice(start, end).length).toBe(end - start);
    }
    for (const [entityId, excerpts] of Object.entries(index.excerpts)) {
      expect(entityIds.has(entityId)).toBe(true);
      for (const excerpt of excerpts) {
        const text = articleById.get(excerpt.articleId)?.text ?? '';
        expect(text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
        expect(excerpt.mentionStart).toBeGreaterThanOrEqual(excerpt.start);
        expect(excerpt.mentionEnd).toBeLessThanOrEqual(excerpt.end);
      }
      const dates = excerpts.map((excerpt) => excerpt.date ?? '');
      const datedInOrder = dates.filter(Boolean);
      expect(datedInOrder).toEqual([...datedInOrder].sort().reverse());
    }
  });

  it('quotes the seeds for the entities readers will hover', () => {
    const quoted = (entityId: string) => (index.excerpts[entityId] ?? []).map((excerpt) => excerpt.text).join(' | ');
    expect(quoted('randa-slim')).toContain('Stimson Center');
    expect(quoted('naqoura')).toContain('Naqoura');
    expect(quoted('mahmoud-qamati')).toContain('concession and a big mistake');
    expect(quoted('najib-mikati')).toContain('New York');
    expect(quoted('rodolphe-haykal')).toMatch(/Haykal/);
    expect((index.excerpts.hezbollah ?? []).length).toBeGreaterThan(10);
  });

  it('ships an article index that decodes and finds the Naqoura article', () => {
    const search = new TermIndex(decodeTermIndex(index.search.articles, 'data/index.json'));
    expect(search.documentCount).toBe(index.articles.length);
    expect(search.search([['naqoura']], { ...articleQueryDefaults, limit: 5 }).hits[0]?.id).toBe(
      'naqoura-civilian-talks-2025',
    );
  });

  it('refuses a damaged article index, saying what to do', () => {
    const damaged = { ...(index.search.articles as object), postingCount: 1 };
    expect(() => decodeTermIndex(damaged, 'data/index.json')).toThrow(/data\/index\.json.*npm run build:index/);
  });
});
