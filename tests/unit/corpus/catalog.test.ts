import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { pickExcerpts } from '@/lib/corpus/entity-card';
import { createEntityMatcher } from '@/lib/matching/match-entities';

const { index } = loadBundledIndex();

describe('CorpusCatalog', () => {
  it('builds a card with two or three dated excerpts from different sources first', () => {
    const card = new CorpusCatalog({ index }).card('hezbollah');
    expect(card?.name).toBe('Hezbollah');
    expect(card?.excerpts.length).toBe(3);
    const articles = new Set(card?.excerpts.map((excerpt) => excerpt.articleId));
    expect(articles.size).toBe(3);
    for (const excerpt of card?.excerpts ?? []) {
      expect(excerpt.before + excerpt.mention + excerpt.after).not.toHaveLength(0);
      expect(excerpt.mention).toMatch(/Hezbollah/);
    }
    expect(card?.related.map((entity) => entity.id)).toContain('iran');
  });

  it('quotes imported articles beside the bundled sources, newest first', () => {
    const imported = {
      articleId: 'imported-1',
      start: 0,
      end: 40,
      mentionStart: 0,
      mentionEnd: 7,
      text: 'Naqoura hosted a second round of talks.',
      outlet: 'Naharnet',
      date: '2026-05-02',
      precision: 'day' as const,
    };
    const card = new CorpusCatalog({ index }).card('naqoura', 3, {
      excerpts: [imported],
      articles: [{ id: 'imported-1', title: 'Second round in Naqoura' }],
    });
    expect(card?.excerpts[0]).toMatchObject({
      articleId: 'imported-1',
      articleTitle: 'Second round in Naqoura',
      mention: 'Naqoura',
    });
    expect(card?.excerptTotal).toBe((index.excerpts.naqoura ?? []).length + 1);
  });

  it('returns nothing for an unknown entity', () => {
    expect(new CorpusCatalog({ index }).card('nobody')).toBeUndefined();
  });

  it('reuses the bundled matcher until the reader adds entities, then compiles one that knows them', () => {
    const plain = new CorpusCatalog({ index });
    expect(plain.matcherSpec()).toBe(index.matcher);
    const envoy = {
      id: 'morgan-ortagus',
      kind: 'person' as const,
      name: 'Morgan Ortagus',
      aliases: [{ text: 'Morgan Ortagus', lang: 'en' as const }],
      role: 'US deputy envoy',
      background: 'Named in later talks.',
      related: [],
      specificity: 'specific' as const,
    };
    const withUser = new CorpusCatalog({
      index,
      userEntities: [{ id: envoy.id, origin: 'user', entity: envoy, updatedAt: 1 }],
    });
    const matches = createEntityMatcher(withUser.matcherSpec()).match('Morgan Ortagus met Joseph Aoun.');
    expect(matches.map((match) => match.entityId)).toEqual(['morgan-ortagus', 'joseph-aoun']);
    expect(withUser.card('morgan-ortagus')?.excerpts).toEqual([]);
  });

  it('lets a reader edit of a bundled entity win', () => {
    const bundled = index.entities.find((entity) => entity.id === 'naqoura');
    if (!bundled) throw new Error('naqoura missing');
    const edited = { ...bundled, role: 'Edited role' };
    const catalog = new CorpusCatalog({
      index,
      userEntities: [{ id: 'naqoura', origin: 'override', entity: edited, updatedAt: 1 }],
    });
    expect(catalog.card('naqoura')?.role).toBe('Edited role');
    expect(catalog.entities.filter((entity) => entity.id === 'naqoura')).toHaveLength(1);
  });
});

describe('pickExcerpts', () => {
  it('prefers one excerpt per article, then fills up', () => {
    const excerpt = (articleId: string, start: number) => ({
      articleId,
      start,
      end: start + 5,
      mentionStart: start,
      mentionEnd: start + 1,
      text: 'x',
      outlet: 'o',
      date: null,
      precision: 'unknown' as const,
    });
    const picked = pickExcerpts([excerpt('a', 0), excerpt('a', 10), excerpt('b', 0), excerpt('a', 20)], 3);
    expect(picked.map((item) => `${item.articleId}${item.start}`)).toEqual(['a0', 'b0', 'a10']);
  });
});
