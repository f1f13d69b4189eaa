import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleAnalyzer, articleQueryDefaults } from '@/lib/search/search-options';
import {
  buildTermIndex,
  decodeTermIndex,
  encodeTermIndex,
  loadStoredTermIndex,
  mergeTermIndexes,
  storeTermIndex,
  TermIndex,
  type TermIndexDocument,
  type TermQueryOptions,
} from '@/lib/search/term-index';

const FIELDS = ['title', 'entityNames', 'text'];
// Close spellings, so prefixes and typos have something to find.
const WORDS = [
  'naqoura',
  'naqura',
  'talks',
  'talk',
  'hezbollah',
  'hizbullah',
  'barrack',
  'barak',
  'beirut',
  'beiruti',
  'israel',
  'aoun',
  'envoy',
  'envoys',
  'the',
];

const documentsArbitrary = fc.array(
  fc.tuple(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 25 }),
  ),
  { minLength: 1, maxLength: 14 },
);

function toDocuments(raw: [string[], string[], string[]][], prefix = 'd'): TermIndexDocument[] {
  return raw.map((fields, i) => ({ id: `${prefix}${i}`, fields: fields.map((words) => words.join(' ')) }));
}

const build = (documents: TermIndexDocument[]) => buildTermIndex(FIELDS, documents, articleAnalyzer);

function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The slow, obvious scorer: the same BM25, expansions and caps, from the raw texts. */
function referenceSearch(
  documents: TermIndexDocument[],
  words: string[][],
  options: TermQueryOptions,
): Map<string, number> {
  const tf = documents.map((indexed) =>
    FIELDS.map((_, field) => {
      const counts = new Map<string, number>();
      for (const token of articleAnalyzer.tokenize(indexed.fields[field] ?? '')) {
        for (const form of [articleAnalyzer.processTerm(token)].flat()) {
          if (form) counts.set(form, Math.min(255, (counts.get(form) ?? 0) + 1));
        }
      }
      return counts;
    }),
  );
  const lengths = documents.map((indexed) =>
    FIELDS.map((_, field) => new Set(articleAnalyzer.tokenize(indexed.fields[field] ?? '')).size),
  );
  const n = documents.length;
  const average = FIELDS.map((_, field) => lengths.reduce((sum, perField) => sum + (perField[field] as number), 0) / n);
  const vocabulary = [...new Set(tf.flatMap((perField) => perField.flatMap((counts) => [...counts.keys()])))].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const df = (term: string) => tf.filter((perField) => perField.some((counts) => counts.has(term))).length;
  const fieldDf = (term: string, field: number) => tf.filter((perField) => perField[field]?.has(term)).length;
  const byFrequency = (a: string, b: string) => df(b) - df(a) || (a < b ? -1 : 1);

  const scores = new Map<number, number>();
  const matched = new Map<number, number>();
  for (const forms of words) {
    const weights = new Map<string, number>();
    const add = (term: string, weight: number) => weights.set(term, Math.max(weight, weights.get(term) ?? 0));
    for (const form of forms) {
      if (vocabulary.includes(form)) add(form, 1);
      if (form.length >= options.prefixFrom) {
        const prefixed = vocabulary.filter((term) => term !== form && term.startsWith(form)).sort(byFrequency);
        for (const term of prefixed.slice(0, options.maxExpansions)) {
          add(term, (options.prefixWeight * term.length) / (term.length + 0.3 * (term.length - form.length)));
        }
      }
      if (form.length >= options.fuzzyFrom) {
        const edits = Math.min(options.maxEdits, Math.round(form.length * options.fuzzyShare));
        const near = vocabulary
          .filter((term) => term[0] === form[0] && !term.startsWith(form))
          .map((term) => [term, levenshtein(form, term)] as const)
          .filter(([, distance]) => distance > 0 && distance <= edits)
          .sort((a, b) => a[1] - b[1] || byFrequency(a[0], b[0]));
        for (const [term, distance] of near.slice(0, options.maxExpansions)) {
          add(term, (options.fuzzyWeight * term.length) / (term.length + distance));
        }
      }
    }
    const wordScores = new Map<number, number>();
    documents.forEach((indexed, doc) => {
      if (options.filter && !options.filter(indexed.id)) return;
      for (const [term, weight] of weights) {
        FIELDS.forEach((field, f) => {
          const frequency = tf[doc]?.[f]?.get(term) ?? 0;
          const boost = options.boost[field] ?? 0;
          if (frequency === 0 || boost === 0) return;
          const matching = fieldDf(term, f);
          const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
          const length = lengths[doc]?.[f] as number;
          const bm25 =
            0.5 + (frequency * 2.2) / (frequency + 1.2 * (1 - 0.7 + (0.7 * length) / (average[f] as number)));
          wordScores.set(doc, (wordScores.get(doc) ?? 0) + idf * boost * weight * bm25);
        });
      }
    });
    for (const [doc, score] of wordScores) {
      scores.set(doc, (scores.get(doc) ?? 0) + score);
      matched.set(doc, (matched.get(doc) ?? 0) + 1);
    }
  }
  const required = options.combineWith === 'AND' ? words.length : 1;
  const results = new Map<string, number>();
  for (const [doc, score] of scores) {
    const count = matched.get(doc) ?? 0;
    if (count >= required) results.set(documents[doc]?.id as string, score * count);
  }
  return results;
}

const queryArbitrary = fc.array(
  fc.oneof(
    fc.constantFrom(...WORDS),
    fc.constantFrom(...WORDS).map((word) => word.slice(0, 3)),
    fc.constantFrom('hizbolah', 'beiruth', 'envoi', 'isreal', 'naqora', 'tolks'),
  ),
  { minLength: 1, maxLength: 3 },
);

const fold = (query: string[]) =>
  query.flatMap((word) => {
    const forms = articleAnalyzer.processTerm(word);
    return forms === null ? [] : [[forms].flat()];
  });

describe('the term index', () => {
  it('scores as the reference BM25 scorer, with prefix and fuzzy expansions, AND and OR, filters and caps', () => {
    fc.assert(
      fc.property(
        documentsArbitrary,
        queryArbitrary,
        fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
        fc.constantFrom(64, 2),
        fc.boolean(),
        (raw, query, combineWith, maxExpansions, filtered) => {
          const documents = toDocuments(raw);
          const words = fold(query);
          const options: TermQueryOptions = {
            ...articleQueryDefaults,
            combineWith,
            maxExpansions,
            limit: 1000,
            ...(filtered ? { filter: (id: string) => Number(id.slice(1)) % 2 === 0 } : {}),
          };
          const expected = referenceSearch(documents, words, options);
          const { hits, total } = new TermIndex(build(documents)).search(words, options);
          expect(total).toBe(expected.size);
          expect(hits.map((hit) => hit.id).sort()).toEqual([...expected.keys()].sort());
          for (const hit of hits) expect(hit.score).toBeCloseTo(expected.get(hit.id) as number, 9);
          for (let i = 1; i < hits.length; i++) {
            expect((hits[i - 1]?.score as number) >= (hits[i]?.score as number)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns only the best `limit` hits, best first, with the total', () => {
    const documents = toDocuments(
      Array.from({ length: 30 }, (_, i) => [[], [], Array.from({ length: 1 + (i % 7) }, () => 'talks')]),
    );
    const index = new TermIndex(build(documents));
    const all = index.search([['talks']], { ...articleQueryDefaults, limit: 1000 });
    const top = index.search([['talks']], { ...articleQueryDefaults, limit: 5 });
    expect(top.total).toBe(30);
    expect(top.hits).toEqual(all.hits.slice(0, 5));
  });

  it('tells which terms matched in which fields', () => {
    const index = new TermIndex(build([{ id: 'a', fields: ['Naqoura talks', 'Hezbollah', 'Talks held in Naqoura'] }]));
    const [hit] = index.search([['naq'], ['hezbolah']], { ...articleQueryDefaults, limit: 1 }).hits;
    expect(hit?.match).toEqual({ naqoura: ['title', 'text'], hezbollah: ['entityNames'] });
  });

  it('caps how many terms a short prefix expands to, keeping the most frequent', () => {
    const documents = toDocuments(
      Array.from({ length: 20 }, (_, i) => [[], [], [`ta${String.fromCharCode(97 + i)}x`, 'tazz', 'tazz']]),
    );
    documents.push({ id: 'extra', fields: ['', '', 'tazz'] });
    const index = new TermIndex(build(documents));
    const [hit] = index.search([['ta']], { ...articleQueryDefaults, maxExpansions: 1, limit: 1 }).hits;
    expect(Object.keys(hit?.match ?? {})).toEqual(['tazz']);
  });

  it('suggests the corpus word closest in spelling that most documents share', () => {
    const index = new TermIndex(
      build(
        toDocuments([
          [[], [], ['naqoura', 'naqura']],
          [[], [], ['naqoura']],
          [[], [], ['beirut']],
        ]),
      ),
    );
    expect(index.similarTerms(['naqquraah'], 0.4, 3, 3)).toEqual(['naqoura', 'naqura']);
  });
});

describe('merging and storing term indexes', () => {
  it('merges parts into exactly the index of all their documents', () => {
    fc.assert(
      fc.property(documentsArbitrary, fc.nat(14), (raw, cut) => {
        const documents = toDocuments(raw);
        const split = Math.min(cut, documents.length);
        const merged = mergeTermIndexes([build(documents.slice(0, split)), build(documents.slice(split))]);
        expect(merged).toEqual(build(documents));
      }),
      { numRuns: 80 },
    );
  });

  it('drops documents `keep` rejects, and a later document with an id seen before', () => {
    fc.assert(
      fc.property(documentsArbitrary, (raw) => {
        const documents = toDocuments(raw);
        const kept = documents.filter((_, i) => i % 3 !== 1);
        const merged = mergeTermIndexes([build(documents), build(documents)], (id) => kept.some((d) => d.id === id));
        expect(merged).toEqual(build(kept));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to merge indexes of other fields, saying what to do', () => {
    const other = buildTermIndex(['body'], [{ id: 'x', fields: ['x'] }], articleAnalyzer);
    expect(() => mergeTermIndexes([build([]), other])).toThrow(/rebuildSearchSegments/);
  });

  it('round-trips through the stored form (structured clone) and the shipped form (base64)', () => {
    fc.assert(
      fc.property(documentsArbitrary, (raw) => {
        const data = build(toDocuments(raw));
        expect(loadStoredTermIndex(structuredClone(storeTermIndex(data)))).toEqual(data);
        expect(decodeTermIndex(JSON.parse(JSON.stringify(encodeTermIndex(data))), 'test')).toEqual(data);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects stored or shipped forms whose tables do not fit together', () => {
    const data = build(toDocuments([[['naqoura'], [], ['talks', 'beirut']]]));
    const stored = storeTermIndex(data);
    expect(loadStoredTermIndex({ ...stored, postingDocuments: Int32Array.of(5, 0, 0) })).toBeUndefined();
    expect(loadStoredTermIndex({ ...stored, termStarts: [0, 1] })).toBeUndefined();
    expect(loadStoredTermIndex('{}')).toBeUndefined();
    const encoded = encodeTermIndex(data);
    expect(() => decodeTermIndex({ ...encoded, checksum: encoded.checksum + 1 }, 'the test index')).toThrow(
      /the test index is damaged \(checksum mismatch\)/,
    );
  });

  it('finds Arabic, Hebrew and French words through the shared folding', () => {
    const index = new TermIndex(
      build([
        { id: 'ar', fields: ['محادثات في الناقورة', '', ''] },
        { id: 'he', fields: ['', '', 'נציגי לבנון וישראל'] },
        { id: 'fr', fields: ["L'armée libanaise", '', ''] },
      ]),
    );
    const ids = (words: string[][]) =>
      index.search(words, { ...articleQueryDefaults, limit: 5 }).hits.map((hit) => hit.id);
    expect(ids(fold(['بالناقورة']))).toEqual(['ar']);
    expect(ids(fold(['ישראל']))).toEqual(['he']);
    expect(ids(fold(['armee']))).toEqual(['fr']);
  });
});
