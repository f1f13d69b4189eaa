import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { sourceFromText } from '@/lib/import/import-sources';
import { prepareDraft } from '@/lib/import/prepare-draft';
import { buildImportCatalog } from '@/lib/storage/imported-corpus';
import { CorpusGenerator, withTypos } from '../bench/corpus-generator';
import { newsVocabulary } from '../bench/search-bench';
import { mulberry32 } from '../bench/seeded-random';

const { index } = loadBundledIndex();
const vocabulary = newsVocabulary();
const generator = () => new CorpusGenerator({ vocabulary, entities: index.entities });

describe('the benchmark corpus generator', () => {
  it('draws from tens of thousands of distinct words, real ones first', () => {
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
    expect(vocabulary.length).toBeGreaterThanOrEqual(30_000);
    expect(vocabulary.slice(0, 20)).toEqual(expect.arrayContaining(['the', 'of', 'lebanon']));
  });

  it('gives the same article for the same number, whatever else was generated', () => {
    const a = generator();
    const b = generator();
    for (let n = 0; n < 50; n++) a.article(n);
    expect(a.article(7)).toEqual(b.article(7));
    expect(a.markdown(123)).toEqual(b.markdown(123));
    expect(a.article(7).text).not.toBe(a.article(8).text);
    expect(new CorpusGenerator({ vocabulary, entities: index.entities, seed: 7 }).article(7).text).not.toBe(
      a.article(7).text,
    );
  });

  it('writes articles of about 5 KB that name known entities the importer finds', async () => {
    const catalog = buildImportCatalog(index, []);
    for (const n of [0, 1, 2, 500, 9_999]) {
      const { name, text } = generator().markdown(n);
      const article = generator().article(n);
      expect(article.text.length).toBeGreaterThan(4_500);
      expect(article.text.length).toBeLessThan(6_000);
      const source = sourceFromText(name, 'md', text, text.length, () => {
        throw new Error('no HTML here');
      });
      const { prepared, problems } = await prepareDraft(source.drafts[0] as (typeof source.drafts)[number], catalog);
      expect(problems).toEqual([]);
      expect(prepared?.article.title).toBe(article.title);
      expect(prepared?.article.url).toBe(article.url);
      expect(prepared?.derived.mentions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws the same queries each time: whole words, 2–5 letter prefixes, and words with typos', () => {
    const exact = generator().queries('exact', 50, 100);
    expect(generator().queries('exact', 50, 100)).toEqual(exact);
    expect(exact.every((query) => query.trim().length >= 3)).toBe(true);
    const prefixes = generator().queries('prefix', 50, 100);
    expect(prefixes.every((query) => query.length >= 2 && query.length <= 5 && !query.includes(' '))).toBe(true);
    const fuzzy = generator().queries('fuzzy', 50, 100);
    expect(fuzzy.every((query) => query.length >= 4)).toBe(true);
    expect(withTypos('ceasefire', 1, mulberry32(1))).not.toBe('ceasefire');
  });
});
