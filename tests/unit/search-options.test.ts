import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  type ArticleSearchDocument,
  articleSearchOptions,
  processSearchTerm,
  searchTokens,
  tokenizeForSearch,
} from '@/lib/search-options';

describe('tokenizing for search', () => {
  it('keeps words whole in Latin, Arabic and Hebrew script, with elisions and gershayim', () => {
    expect(tokenizeForSearch("L'armée d'Israël, Hezbollah's “talks”")).toEqual([
      "L'armée",
      "d'Israël",
      "Hezbollah's",
      'talks',
    ]);
    expect(tokenizeForSearch('قال حزب الله، في بيروت')).toEqual(['قال', 'حزب', 'الله', 'في', 'بيروت']);
    expect(tokenizeForSearch('ישראל כ"ץ וארה"ב')).toEqual(['ישראל', 'כ"ץ', 'וארה"ב']);
  });

  it('reports offsets that point at the words', () => {
    const text = 'Talks in Naqoura — الناقورة';
    for (const token of searchTokens(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(searchTokens(text).map((token) => token.text)).toEqual(tokenizeForSearch(text));
  });
});

describe('folding terms', () => {
  it('folds case and diacritics, and drops stop words', () => {
    expect(processSearchTerm('Israël')).toBe('israel');
    expect(processSearchTerm('Türkiye')).toBe('turkiye');
    expect(processSearchTerm('The')).toBeNull();
    expect(processSearchTerm('UN')).toBe('un');
    expect(processSearchTerm('US')).toBe('us');
  });

  it('drops French elisions and the English possessive', () => {
    expect(processSearchTerm("l'armée")).toBe('armee');
    expect(processSearchTerm('d’Israël')).toBe('israel');
    expect(processSearchTerm("Hezbollah's")).toBe('hezbollah');
  });

  it('drops the Arabic article and its attached prepositions, but keeps Allah', () => {
    expect(processSearchTerm('الناقورة')).toBe('ناقوره');
    expect(processSearchTerm('بالناقورة')).toBe('ناقوره');
    expect(processSearchTerm('والناقورة')).toBe('ناقوره');
    expect(processSearchTerm('الله')).toBe('الله');
    expect(processSearchTerm('إسرائيل')).toBe(processSearchTerm('اسرائيل'));
    expect(processSearchTerm('حِزْبُ')).toBe('حزب');
    expect(processSearchTerm('في')).toBeNull();
  });

  it('gives a Hebrew word its forms without one or two prefix letters', () => {
    expect(processSearchTerm('הבית')).toEqual(['הבית', 'בית']);
    expect(processSearchTerm('ולבנון')).toEqual(['ולבנון', 'לבנון', 'בנון']);
    expect(processSearchTerm('כ"ץ')).toBe('כץ');
    expect(processSearchTerm('עזה')).toBe('עזה');
  });
});

describe('the article index options', () => {
  it('find a French article by an English-typed query, and a Hebrew one without its prefix', () => {
    const search = new MiniSearch<ArticleSearchDocument>(articleSearchOptions);
    search.addAll([
      { id: 'fr', title: "L'armée libanaise à Naqoura", entityNames: '', text: "Les pourparlers d'Israël" },
      { id: 'he', title: 'שיחות בנאקורה', entityNames: '', text: 'נציגי לבנון וישראל' },
    ]);
    expect(search.search('armee libanaise').map((result) => result.id)).toEqual(['fr']);
    expect(search.search('Israel').map((result) => result.id)).toEqual(['fr']);
    expect(search.search('ישראל').map((result) => result.id)).toEqual(['he']);
  });
});
