import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAliasTrie, compileAliasTrie, loadAliasTrie } from '@/lib/matching/alias-trie';
import { foldCode } from '@/lib/text/fold-text';

/** Walks a key through the trie, symbol by symbol: the terminal key index, or -1. */
function lookup(trie: ReturnType<typeof buildAliasTrie>, key: string): number {
  let node = 0;
  for (const char of key) {
    const symbol = trie.symbolOf(foldCode(char.charCodeAt(0)));
    if (symbol === 0) return -1;
    node = trie.childOf(node, symbol);
    if (node === 0) return -1;
  }
  const isTerminal = ((trie.terminalBits[node >>> 5] ?? 0) >>> (node & 31)) & 1;
  return isTerminal ? (trie.terminalKey[trie.terminalIndex(node)] ?? -1) : -1;
}

const KEYS = ['hezbollah', 'israel', 'israel katz', 'naqoura', 'حزب الله', 'חיזבאללה'].sort();

describe('alias trie', () => {
  it('finds every key, and nothing that is only a prefix or a neighbour', () => {
    const trie = buildAliasTrie(KEYS);
    for (const [index, key] of KEYS.entries()) expect(lookup(trie, key)).toBe(index);
    expect(lookup(trie, 'israel k')).toBe(-1);
    expect(lookup(trie, 'hezbolla')).toBe(-1);
    expect(lookup(trie, 'naqouras')).toBe(-1);
  });

  it('survives a JSON round trip of its compiled form unchanged', () => {
    const data = compileAliasTrie(KEYS);
    const loaded = loadAliasTrie(JSON.parse(JSON.stringify(data)));
    for (const [index, key] of KEYS.entries()) expect(lookup(loaded, key)).toBe(index);
  });

  it('refuses damaged data with a clear error instead of matching wrongly', () => {
    const data = compileAliasTrie(KEYS);
    expect(() => loadAliasTrie({ ...data, nodeSymbol: data.nodeSymbol.slice(0, -4) })).toThrow(/damaged/);
    expect(() => loadAliasTrie({ ...data, checksum: data.checksum + 1 })).toThrow(/damaged/);
  });

  it('agrees with a set lookup for any set of keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'ح', 'ז'), minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'ح', 'ז'), minLength: 1, maxLength: 6 })),
        (keys, probes) => {
          const sorted = [...keys].sort();
          const trie = buildAliasTrie(sorted);
          for (const probe of [...sorted, ...probes]) {
            expect(lookup(trie, probe)).toBe(sorted.indexOf(probe));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
