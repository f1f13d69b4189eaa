import { describe, expect, it } from 'vitest';
import {
  articleAnalyzer,
  articleIndexFields,
  articleQueryDefaults,
  articleSearchFields,
  processSearchTerm,
  searchTermForms,
  searchTokens,
  tokenizeForSearch,
} from '@/lib/search/search-options';
import { buildTermIndex, TermIndex } from '@/lib/search/term-index';

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

describe('a word as a list of its folded forms', () => {
  it('gives one form for most words, none for a stop word, several for a Hebrew word with prefixes', () => {
    expect(searchTermForms('Israël')).toEqual(['israel']);
    expect(searchTermForms('the')).toEqual([]);
    const hebrew = searchTermForms('ובישראל');
    expect(hebrew.length).toBeGreaterThan(1);
    expect(hebrew).toEqual([processSearchTerm('ובישראל')].flat());
  });
});

describe('the article index options', () => {
  it('find a French article by an English-typed query, and a Hebrew one without its prefix', () => {
    const documents = [
      { id: 'fr', title: "L'armée libanaise à Naqoura", entityNames: '', text: "Les pourparlers d'Israël" },
      { id: 'he', title: 'שיחות בנאקורה', entityNames: '', text: 'נציגי לבנון וישראל' },
    ].map((document) => ({ id: document.id, fields: articleSearchFields(document) }));
    const search = new TermIndex(buildTermIndex(articleIndexFields, documents, articleAnalyzer));
    const ids = (query: string) =>
      search
        .search(
          tokenizeForSearch(query).map((token) => [processSearchTerm(token)].flat().filter((form) => form !== null)),
          { ...articleQueryDefaults, limit: 10 },
        )
        .hits.map((hit) => hit.id);
    expect(ids('armee libanaise')).toEqual(['fr']);
    expect(ids('Israel')).toEqual(['fr']);
    expect(ids('ישראל')).toEqual(['he']);
  });
});
