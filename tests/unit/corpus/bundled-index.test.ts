import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { parseCorpusIndex } from '@/lib/model/index-schema';
import bundledIndexJson from '../../../data/index.json';

describe('the bundled index loader', () => {
  it('may trust the file for its version only: full validation leaves it exactly as it is', () => {
    // What makes `check: 'version'` safe: no default to fill in, nothing stripped.
    expect(parseCorpusIndex(structuredClone(bundledIndexJson))).toEqual(bundledIndexJson);
  });

  it('loads once per context and keeps it', () => {
    const first = loadBundledIndex({ check: 'version' });
    expect(loadBundledIndex()).toBe(first);
    expect(first.index.articles.length).toBeGreaterThan(0);
    expect(first.aliasCount).toBeGreaterThan(first.index.entities.length);
  });
});
