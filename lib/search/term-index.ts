/**
 * Our inverted index of articles (issue #6): the term dictionary is a sorted
 * array of folded terms (a prefix is a binary-search range), postings are
 * typed arrays (document numbers, and one small frequency per field), and
 * document field lengths are a typed array too. No object per posting: at
 * 10,000 articles of 5 KB, MiniSearch's Map per term and field cost about
 * 200 MB and 300 ms per two-letter prefix; this holds the same postings in
 * tens of megabytes, and caps how many terms a prefix or a typo expands to.
 *
 * Goals: BM25 as MiniSearch scores it (k1 1.2, b 0.7, d 0.5, field boosts,
 * prefix and fuzzy expansions weighted lower), AND across query words and OR
 * across a word's forms, a document filter applied while scoring, and
 * serialized forms that are cheap to store (typed arrays, which IndexedDB
 * copies by structured clone) and to ship (base64 in `data/index.json`).
 * Non-goals: updates in place (an index is built once and merged with
 * others, see {@link mergeTermIndexes}), positions or phrase queries.
 *
 * Pure: tokenizing and folding come from the caller (`lib/search/search-options.ts`).
 */
import { encodeTable, TableReader, tableChecksum } from '../text/fold-text';

/** An index, as plain data: what is stored, shipped and merged. */
export interface TermIndexData {
  /** Field names, in the order of the per-field numbers below. */
  fields: readonly string[];
  /** Document number → document id. */
  documentIds: readonly string[];
  /** Folded terms, distinct, in code-unit order. */
  terms: readonly string[];
  /** The postings of term `t` are `termStarts[t]` up to `termStarts[t + 1]` (length: terms + 1). */
  termStarts: Int32Array;
  /** Document numbers of each posting, ascending within a term. */
  postingDocuments: Int32Array;
  /** Per posting, the term's frequency in each field (`fields.length` numbers, capped at 255: BM25 saturates long before). */
  postingFrequencies: Uint8Array;
  /** Per document, each field's length in distinct words (`fields.length` numbers). */
  fieldLengths: Int32Array;
}

/** A document to index: its id and the text of each field, in the order of the index's fields. */
export interface TermIndexDocument {
  id: string;
  fields: readonly string[];
}

/** How texts become index terms: the same functions for indexing and querying. */
export interface TermAnalyzer {
  tokenize(text: string): string[];
  /** Folded form(s) of a token; null for a stop word. */
  processTerm(token: string): string | string[] | null;
}

/** How a query expands and scores. */
export interface TermQueryOptions {
  /** Weight of each field, by name; a field not named weighs 0. */
  boost: Readonly<Record<string, number>>;
  /** AND: a document must match every word; OR: any word. */
  combineWith: 'AND' | 'OR';
  /** A word this long or longer also finds the terms it starts. */
  prefixFrom: number;
  /**
   * A word this long or longer also finds terms within `fuzzyShare` edits per
   * letter (rounded), at most `maxEdits`, that start with its first letter.
   */
  fuzzyFrom: number;
  fuzzyShare: number;
  maxEdits: number;
  /** Weights of prefix and fuzzy expansions, against 1 for the exact term (MiniSearch's defaults). */
  prefixWeight: number;
  fuzzyWeight: number;
  /** At most this many prefix terms and this many fuzzy terms per form of a word, the most frequent first. */
  maxExpansions: number;
  /** Hits to return, best first. */
  limit: number;
  /** Documents it returns false for are skipped while scoring. */
  filter?: (documentId: string) => boolean;
}

/** A document that matched. */
export interface TermHit {
  id: string;
  score: number;
  /** Index terms that matched (after prefix and fuzzy expansion) → the fields they matched in. */
  match: Record<string, string[]>;
}

export interface TermSearchResult {
  /** The best documents, at most `limit`, best first (ties: lower document number first). */
  hits: TermHit[];
  /** How many documents matched in all. */
  total: number;
}

const MAX_FREQUENCY = 255;
// BM25 as MiniSearch computes it.
const K1 = 1.2;
const B = 0.7;
const D = 0.5;

/**
 * Indexes documents. Field length is the number of distinct tokens in the
 * field (before folding), as MiniSearch counts it; a token with several
 * folded forms (a Hebrew word and its prefix-less forms) counts once for each.
 *
 * @example buildTermIndex(['title', 'text'], [{ id: 'a', fields: ['Naqoura', 'Talks in Naqoura'] }], analyzer)
 */
export function buildTermIndex(
  fields: readonly string[],
  documents: readonly TermIndexDocument[],
  analyzer: TermAnalyzer,
): TermIndexData {
  const fieldCount = fields.length;
  const fieldLengths = new Int32Array(documents.length * fieldCount);
  // Term → flat list of [document, frequency per field...] rows.
  const rowsByTerm = new Map<string, number[]>();
  let postingCount = 0;
  // Words repeat (a few hundred make up half of any text): fold each distinct token once.
  const foldedTokens = new Map<string, readonly string[]>();
  const fold = (token: string): readonly string[] => {
    let forms = foldedTokens.get(token);
    if (!forms) {
      const processed = analyzer.processTerm(token);
      forms = processed === null ? [] : typeof processed === 'string' ? [processed] : processed;
      foldedTokens.set(token, forms);
    }
    return forms;
  };
  documents.forEach((indexed, doc) => {
    const counts = new Map<string, Uint8Array>();
    for (let field = 0; field < fieldCount; field++) {
      const tokens = analyzer.tokenize(indexed.fields[field] ?? '');
      fieldLengths[doc * fieldCount + field] = new Set(tokens).size;
      for (const token of tokens) {
        for (const term of fold(token)) {
          if (term.length === 0) continue;
          let perField = counts.get(term);
          if (!perField) {
            perField = new Uint8Array(fieldCount);
            counts.set(term, perField);
          }
          if ((perField[field] as number) < MAX_FREQUENCY) perField[field] = (perField[field] as number) + 1;
        }
      }
    }
    for (const [term, perField] of counts) {
      let rows = rowsByTerm.get(term);
      if (!rows) {
        rows = [];
        rowsByTerm.set(term, rows);
      }
      rows.push(doc);
      for (let field = 0; field < fieldCount; field++) rows.push(perField[field] as number);
      postingCount++;
    }
  });
  const terms = [...rowsByTerm.keys()].sort(compareTerms);
  const termStarts = new Int32Array(terms.length + 1);
  const postingDocuments = new Int32Array(postingCount);
  const postingFrequencies = new Uint8Array(postingCount * fieldCount);
  let posting = 0;
  terms.forEach((term, t) => {
    termStarts[t] = posting;
    const rows = rowsByTerm.get(term) as number[];
    for (let row = 0; row < rows.length; row += fieldCount + 1) {
      postingDocuments[posting] = rows[row] as number;
      for (let field = 0; field < fieldCount; field++) {
        postingFrequencies[posting * fieldCount + field] = rows[row + 1 + field] as number;
      }
      posting++;
    }
  });
  termStarts[terms.length] = posting;
  return {
    fields: [...fields],
    documentIds: documents.map(({ id }) => id),
    terms,
    termStarts,
    postingDocuments,
    postingFrequencies,
    fieldLengths,
  };
}

/**
 * Merges indexes built with the same fields into one, as if all their
 * documents had been indexed together: documents are renumbered in order,
 * the postings of a term concatenated. A document id seen in an earlier index
 * is skipped in later ones (the bundled corpus wins over an import of the
 * same id), and so is one `keep` rejects (deleted articles).
 *
 * @example const all = mergeTermIndexes([bundled, ...segments]);
 */
export function mergeTermIndexes(
  parts: readonly TermIndexData[],
  keep: (documentId: string) => boolean = () => true,
): TermIndexData {
  const [first] = parts;
  if (!first) throw new Error('News Context: mergeTermIndexes needs at least one index.');
  const fields = first.fields;
  const fieldCount = fields.length;
  for (const part of parts) {
    if (part.fields.join('\u0000') !== fields.join('\u0000')) {
      throw new Error(
        'News Context: a search index was built with other fields; rebuild the search segments (rebuildSearchSegments).',
      );
    }
  }
  // Old document number → new one (-1: dropped), per part; `offsets[p]` when a part keeps all its documents in order.
  const seen = new Set<string>();
  const documentIds: string[] = [];
  const offsets = new Int32Array(parts.length).fill(-1);
  const renumbering = parts.map((part, p) => {
    const base = documentIds.length;
    const renumbered = Int32Array.from(part.documentIds, (id) => {
      if (seen.has(id) || !keep(id)) return -1;
      seen.add(id);
      documentIds.push(id);
      return documentIds.length - 1;
    });
    if (documentIds.length - base === part.documentIds.length) offsets[p] = base;
    return renumbered;
  });
  const fieldLengths = new Int32Array(documentIds.length * fieldCount);
  parts.forEach((part, p) => {
    const renumbered = renumbering[p] as Int32Array;
    for (let doc = 0; doc < renumbered.length; doc++) {
      const to = renumbered[doc] as number;
      if (to < 0) continue;
      for (let field = 0; field < fieldCount; field++) {
        fieldLengths[to * fieldCount + field] = part.fieldLengths[doc * fieldCount + field] as number;
      }
    }
  });

  const upperBound = parts.reduce((sum, part) => sum + part.postingDocuments.length, 0);
  const target = {
    documents: new Int32Array(upperBound),
    frequencies: new Uint8Array(upperBound * fieldCount),
    fieldCount,
  };
  const terms: string[] = [];
  const starts: number[] = [];
  const cursors = new Int32Array(parts.length);
  let posting = 0;
  for (;;) {
    // The smallest term any part is at: parts are few (tens), so a linear scan beats a heap.
    let term: string | undefined;
    for (let p = 0; p < parts.length; p++) {
      const candidate = (parts[p] as TermIndexData).terms[cursors[p] as number];
      if (candidate !== undefined && (term === undefined || candidate < term)) term = candidate;
    }
    if (term === undefined) break;
    const termStart = posting;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p] as TermIndexData;
      const t = cursors[p] as number;
      if (part.terms[t] !== term) continue;
      cursors[p] = t + 1;
      const from = part.termStarts[t] as number;
      const end = part.termStarts[t + 1] as number;
      const offset = offsets[p] as number;
      posting =
        offset >= 0
          ? copyShiftedPostings(part, from, end, offset, target, posting)
          : copyRenumberedPostings(part, from, end, renumbering[p] as Int32Array, target, posting);
    }
    // A term left with no posting (all its documents dropped) leaves the dictionary.
    if (posting > termStart) {
      terms.push(term);
      starts.push(termStart);
    }
  }
  starts.push(posting);
  const exact = posting === upperBound;
  return {
    fields: [...fields],
    documentIds,
    terms,
    termStarts: Int32Array.from(starts),
    postingDocuments: exact ? target.documents : target.documents.slice(0, posting),
    postingFrequencies: exact ? target.frequencies : target.frequencies.slice(0, posting * fieldCount),
    fieldLengths,
  };
}

interface PostingTarget {
  documents: Int32Array;
  frequencies: Uint8Array;
  fieldCount: number;
}

// The two copy loops are small functions of their own, so the engine optimizes them whatever the caller does.

/** Copies postings `from`..`end` of a part whose documents all move by `offset`; returns the next free posting. */
function copyShiftedPostings(
  part: TermIndexData,
  from: number,
  end: number,
  offset: number,
  target: PostingTarget,
  at: number,
): number {
  const source = part.postingDocuments;
  const documents = target.documents;
  for (let i = from, j = at; i < end; i++, j++) documents[j] = (source[i] as number) + offset;
  const { fieldCount, frequencies } = target;
  const sourceFrequencies = part.postingFrequencies;
  for (let i = from * fieldCount, j = at * fieldCount, stop = end * fieldCount; i < stop; i++, j++) {
    frequencies[j] = sourceFrequencies[i] as number;
  }
  return at + end - from;
}

/** Copies postings `from`..`end` of a part, renumbering documents and dropping those numbered -1. */
function copyRenumberedPostings(
  part: TermIndexData,
  from: number,
  end: number,
  renumbered: Int32Array,
  target: PostingTarget,
  at: number,
): number {
  const source = part.postingDocuments;
  const sourceFrequencies = part.postingFrequencies;
  const { documents, frequencies, fieldCount } = target;
  let next = at;
  for (let i = from; i < end; i++) {
    const to = renumbered[source[i] as number] as number;
    if (to < 0) continue;
    documents[next] = to;
    for (let field = 0; field < fieldCount; field++) {
      frequencies[next * fieldCount + field] = sourceFrequencies[i * fieldCount + field] as number;
    }
    next++;
  }
  return next;
}

/** Code-unit order: the order of the dictionary, and of `<` on strings. */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Serialized forms

/**
 * The form stored in IndexedDB: typed arrays (copied by structured clone, no
 * parsing) and the dictionary as one string (one string, not tens of
 * thousands, to copy). Terms never contain a space: the tokenizer splits on it.
 */
export interface StoredTermIndex {
  fields: string[];
  documentIds: string[];
  terms: string;
  termStarts: Int32Array;
  postingDocuments: Int32Array;
  postingFrequencies: Uint8Array;
  fieldLengths: Int32Array;
}

/** The form stored in IndexedDB (see {@link StoredTermIndex}). */
export function storeTermIndex(data: TermIndexData): StoredTermIndex {
  return {
    fields: [...data.fields],
    documentIds: [...data.documentIds],
    terms: data.terms.join(' '),
    termStarts: ownBuffer(data.termStarts),
    postingDocuments: ownBuffer(data.postingDocuments),
    postingFrequencies: ownBuffer(data.postingFrequencies),
    fieldLengths: ownBuffer(data.fieldLengths),
  };
}

/** The array itself, or a copy when it is a view into a larger buffer: a structured clone copies the whole buffer. */
function ownBuffer<T extends Int32Array | Uint8Array>(array: T): T {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength ? array : (array.slice() as T);
}

function isTyped(value: unknown, tag: string): boolean {
  // By tag, not instanceof: a structured clone may come from another realm.
  return Object.prototype.toString.call(value) === `[object ${tag}]`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads back a {@link StoredTermIndex}, checking that its arrays fit together
 * (so a damaged row cannot make a search read out of bounds); undefined when
 * they do not.
 */
export function loadStoredTermIndex(value: unknown): TermIndexData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored = value as Partial<StoredTermIndex>;
  if (
    !isStringArray(stored.fields) ||
    !isStringArray(stored.documentIds) ||
    typeof stored.terms !== 'string' ||
    !isTyped(stored.termStarts, 'Int32Array') ||
    !isTyped(stored.postingDocuments, 'Int32Array') ||
    !isTyped(stored.postingFrequencies, 'Uint8Array') ||
    !isTyped(stored.fieldLengths, 'Int32Array')
  ) {
    return undefined;
  }
  const data: TermIndexData = {
    fields: stored.fields,
    documentIds: stored.documentIds,
    terms: stored.terms === '' ? [] : stored.terms.split(' '),
    termStarts: stored.termStarts as Int32Array,
    postingDocuments: stored.postingDocuments as Int32Array,
    postingFrequencies: stored.postingFrequencies as Uint8Array,
    fieldLengths: stored.fieldLengths as Int32Array,
  };
  return isConsistent(data) ? data : undefined;
}

function isConsistent(data: TermIndexData): boolean {
  const fieldCount = data.fields.length;
  const { termStarts, postingDocuments } = data;
  const postingCount = postingDocuments.length;
  if (
    fieldCount === 0 ||
    termStarts.length !== data.terms.length + 1 ||
    termStarts[0] !== 0 ||
    termStarts[data.terms.length] !== postingCount ||
    data.postingFrequencies.length !== postingCount * fieldCount ||
    data.fieldLengths.length !== data.documentIds.length * fieldCount
  ) {
    return false;
  }
  for (let t = 0; t < data.terms.length; t++) {
    if ((termStarts[t + 1] as number) < (termStarts[t] as number)) return false;
  }
  const documentCount = data.documentIds.length;
  for (let posting = 0; posting < postingCount; posting++) {
    const doc = postingDocuments[posting] as number;
    if (doc < 0 || doc >= documentCount) return false;
  }
  return true;
}

/** The form shipped in `data/index.json`: typed arrays as base64, with a checksum. */
export interface EncodedTermIndex {
  fields: string[];
  documentIds: string[];
  terms: string;
  postingCount: number;
  termStarts: string;
  postingDocuments: string;
  postingFrequencies: string;
  fieldLengths: string;
  checksum: number;
}

/** JSON-safe and deterministic: the same index gives the same text. */
export function encodeTermIndex(data: TermIndexData): EncodedTermIndex {
  return {
    fields: [...data.fields],
    documentIds: [...data.documentIds],
    terms: data.terms.join(' '),
    postingCount: data.postingDocuments.length,
    termStarts: encodeTable(data.termStarts),
    postingDocuments: encodeTable(data.postingDocuments),
    postingFrequencies: encodeTable(data.postingFrequencies),
    fieldLengths: encodeTable(data.fieldLengths),
    checksum: tableChecksum([data.termStarts, data.postingDocuments, data.postingFrequencies, data.fieldLengths]),
  };
}

/**
 * Reads an {@link EncodedTermIndex}; throws, naming `label`, when it is damaged.
 *
 * @example const articles = decodeTermIndex(index.search.articles, 'data/index.json search.articles');
 */
export function decodeTermIndex(value: unknown, label: string): TermIndexData {
  const reader = new TableReader(label);
  if (typeof value !== 'object' || value === null) return reader.fail('not an object');
  const encoded = value as Partial<EncodedTermIndex>;
  if (!isStringArray(encoded.fields) || !isStringArray(encoded.documentIds) || typeof encoded.terms !== 'string') {
    return reader.fail('fields, document ids or terms are missing');
  }
  const fieldCount = encoded.fields.length;
  const terms = encoded.terms === '' ? [] : encoded.terms.split(' ');
  const postingCount = typeof encoded.postingCount === 'number' ? encoded.postingCount : -1;
  const data: TermIndexData = {
    fields: encoded.fields,
    documentIds: encoded.documentIds,
    terms,
    termStarts: reader.read(encoded.termStarts, Int32Array, terms.length + 1, 'termStarts'),
    postingDocuments: reader.read(encoded.postingDocuments, Int32Array, postingCount, 'postingDocuments'),
    postingFrequencies: reader.read(
      encoded.postingFrequencies,
      Uint8Array,
      postingCount * fieldCount,
      'postingFrequencies',
    ),
    fieldLengths: reader.read(
      encoded.fieldLengths,
      Int32Array,
      encoded.documentIds.length * fieldCount,
      'fieldLengths',
    ),
  };
  reader.verify(encoded.checksum);
  if (!isConsistent(data)) reader.fail('its tables do not fit together');
  return data;
}

// ---------------------------------------------------------------------------
// Search

/** A term a query word expanded to, with its weight (1 exact, less for a prefix or a typo). */
interface Expansion {
  term: number;
  weight: number;
}

/**
 * An index ready to search: the data, with what queries need derived once
 * (per-field document frequencies, average field lengths).
 *
 * @example new TermIndex(data).search([['naqoura']], { ...articleQueryDefaults, limit: 20 }).hits[0]?.id
 */
export class TermIndex {
  readonly data: TermIndexData;
  private readonly fieldCount: number;
  /** Per term and field, how many documents have the term in that field (BM25's document frequency, per field as MiniSearch has it). */
  private readonly fieldDocumentFrequencies: Int32Array;
  private readonly averageFieldLengths: Float64Array;

  constructor(data: TermIndexData) {
    this.data = data;
    const fieldCount = data.fields.length;
    this.fieldCount = fieldCount;
    const { terms, termStarts, postingFrequencies } = data;
    this.fieldDocumentFrequencies = fieldDocumentFrequencies(terms.length, termStarts, postingFrequencies, fieldCount);
    const documentCount = data.documentIds.length;
    const totals = new Float64Array(fieldCount);
    for (let doc = 0; doc < documentCount; doc++) {
      for (let field = 0; field < fieldCount; field++) {
        totals[field] = (totals[field] as number) + (data.fieldLengths[doc * fieldCount + field] as number);
      }
    }
    this.averageFieldLengths = totals.map((total) => (documentCount > 0 ? total / documentCount : 0));
  }

  get documentCount(): number {
    return this.data.documentIds.length;
  }

  /** How many documents contain a term (in any field). */
  documentFrequency(term: number): number {
    return (this.data.termStarts[term + 1] as number) - (this.data.termStarts[term] as number);
  }

  /** The term's number, or -1. */
  termNumber(term: string): number {
    const { terms } = this.data;
    const at = lowerBound(terms, term);
    return terms[at] === term ? at : -1;
  }

  /**
   * Documents that match query words, best first. Each word is a list of
   * folded forms (a Hebrew word and its forms without prefix letters), any of
   * which may match; a form also finds the terms it starts and terms a few
   * edits away, weighted lower, and capped (see {@link TermQueryOptions}).
   */
  search(words: readonly (readonly string[])[], options: TermQueryOptions): TermSearchResult {
    const documentCount = this.documentCount;
    const expansions = words.map((forms) => this.expand(forms, options));
    const scores = new Float64Array(documentCount);
    const wordsMatched = new Uint16Array(documentCount);
    // 0: not seen yet, 1: passes the filter, 2: filtered out.
    const filtered = options.filter ? new Uint8Array(documentCount) : undefined;
    const lastWord = new Int32Array(documentCount).fill(-1);
    const touched: number[] = [];
    const { fieldCount } = this;
    const { fields, documentIds } = this.data;
    const boosts = Float64Array.from(fields, (field) => options.boost[field] ?? 0);
    const idf = new Float64Array(fieldCount);
    const scoring: Scoring = {
      data: this.data,
      fieldCount,
      lengthScale: this.averageFieldLengths.map((average) => (average > 0 ? (K1 * B) / average : 0)),
      scores,
      wordsMatched,
      lastWord,
      touched,
      filtered,
      filter: options.filter,
    };

    expansions.forEach((expanded, word) => {
      for (const { term, weight } of expanded) {
        let anyField = false;
        for (let field = 0; field < fieldCount; field++) {
          const frequency = this.fieldDocumentFrequencies[term * fieldCount + field] as number;
          idf[field] =
            frequency === 0 || boosts[field] === 0
              ? 0
              : Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5)) *
                (boosts[field] as number) *
                weight;
          if (idf[field] !== 0) anyField = true;
        }
        if (anyField) scoreTerm(scoring, term, word, idf);
      }
    });

    const required = options.combineWith === 'AND' ? words.length : 1;
    const matching: number[] = [];
    for (const doc of touched) {
      if ((wordsMatched[doc] as number) >= required) {
        // More words matched rank higher (MiniSearch's "quality"), which matters for OR.
        scores[doc] = (scores[doc] as number) * (wordsMatched[doc] as number);
        matching.push(doc);
      }
    }
    const best = topDocuments(matching, scores, options.limit);
    const hits = best.map((doc) => ({
      id: documentIds[doc] as string,
      score: scores[doc] as number,
      match: this.matchOf(doc, expansions),
    }));
    return { hits, total: matching.length };
  }

  /**
   * Terms of the index within `share` edits per letter of one of the forms
   * (rounded, at most `maxEdits`), the form itself included, those most
   * documents have first: "did you mean" words. Like the query's fuzzy
   * expansion, only terms with the form's first letter are walked: at
   * 10,000 articles, the whole dictionary at three edits costs about 100 ms.
   */
  similarTerms(forms: readonly string[], share: number, maxEdits: number, limit: number): string[] {
    const found = new Map<number, number>();
    for (const form of forms) {
      const edits = Math.min(maxEdits, Math.round(form.length * share));
      for (const [term, distance] of this.termsWithin(form, edits)) {
        found.set(term, Math.min(distance, found.get(term) ?? distance));
      }
    }
    return [...found.keys()]
      .sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a) || a - b)
      .slice(0, limit)
      .map((term) => this.data.terms[term] as string);
  }

  /** What a word's forms expand to: exact terms, then capped prefix and fuzzy terms; one weight per term (the highest). */
  private expand(forms: readonly string[], options: TermQueryOptions): Expansion[] {
    const weights = new Map<number, number>();
    const add = (term: number, weight: number) => {
      if (weight > (weights.get(term) ?? 0)) weights.set(term, weight);
    };
    const { terms } = this.data;
    for (const form of forms) {
      const exact = this.termNumber(form);
      if (exact >= 0) add(exact, 1);
      if (form.length >= options.prefixFrom) {
        const from = lowerBound(terms, form);
        const to = lowerBound(terms, `${form}\uffff`, from);
        const candidates: number[] = [];
        for (let term = from; term < to; term++) if (term !== exact) candidates.push(term);
        for (const term of this.mostFrequent(candidates, options.maxExpansions)) {
          const distance = (terms[term] as string).length - form.length;
          const length = (terms[term] as string).length;
          add(term, (options.prefixWeight * length) / (length + 0.3 * distance));
        }
      }
      if (form.length >= options.fuzzyFrom) {
        const edits = Math.min(options.maxEdits, Math.round(form.length * options.fuzzyShare));
        // A term the form starts is a prefix match, not a typo (as in MiniSearch).
        const near = this.termsWithin(form, edits).filter(
          ([term, distance]) => distance > 0 && !(terms[term] as string).startsWith(form),
        );
        near.sort((a, b) => a[1] - b[1] || this.documentFrequency(b[0]) - this.documentFrequency(a[0]) || a[0] - b[0]);
        for (const [term, distance] of near.slice(0, options.maxExpansions)) {
          const length = (terms[term] as string).length;
          add(term, (options.fuzzyWeight * length) / (length + distance));
        }
      }
    }
    return [...weights].map(([term, weight]) => ({ term, weight }));
  }

  private mostFrequent(candidates: number[], limit: number): number[] {
    if (candidates.length <= limit) return candidates;
    return candidates.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a) || a - b).slice(0, limit);
  }

  /**
   * Terms at most `edits` edits (Levenshtein) from `form`, with their
   * distance. The sorted dictionary is walked as a trie: terms that share a
   * prefix with the previous one reuse its rows of the edit-distance table,
   * and once every cell of a row exceeds `edits`, every term with that prefix
   * is skipped at once (a binary search to the end of the prefix's range).
   */
  private termsWithin(form: string, edits: number): [number, number][] {
    const found: [number, number][] = [];
    const { terms } = this.data;
    // Only terms that start with the form's first character: a typo there is rarer than the cost of
    // walking the whole dictionary (tens of milliseconds at 10,000 articles, issue #6).
    const first = form.charAt(0);
    const rangeEnd = lowerBound(terms, `${first}\uffff`);
    const width = form.length + 1;
    const deepest = form.length + edits;
    const rows = new Int32Array((deepest + 1) * width);
    for (let j = 0; j < width; j++) rows[j] = j;
    let previous = '';
    // Rows 0..valid are those of `previous`'s first `valid` characters.
    let valid = 0;
    let t = lowerBound(terms, first);
    while (t < rangeEnd) {
      const term = terms[t] as string;
      let depth = 0;
      const limit = Math.min(valid, term.length);
      while (depth < limit && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      let pruned = -1;
      for (let d = depth + 1; d <= term.length; d++) {
        if (d > deepest) {
          pruned = d;
          break;
        }
        const code = term.charCodeAt(d - 1);
        const above = (d - 1) * width;
        const here = d * width;
        // Only the band |d - j| <= edits can stay within `edits`; cells outside it hold edits + 1.
        const low = Math.max(1, d - edits);
        const high = Math.min(width - 1, d + edits);
        rows[here] = d;
        if (low > 1) rows[here + low - 1] = edits + 1;
        if (high < width - 1) rows[here + high + 1] = edits + 1;
        let rowMinimum = d - edits <= 0 ? d : edits + 1;
        for (let j = low; j <= high; j++) {
          const substitution = (rows[above + j - 1] as number) + (code === form.charCodeAt(j - 1) ? 0 : 1);
          const deletion = (rows[above + j] as number) + 1;
          const insertion = (rows[here + j - 1] as number) + 1;
          let cell = substitution < deletion ? substitution : deletion;
          if (insertion < cell) cell = insertion;
          rows[here + j] = cell;
          if (cell < rowMinimum) rowMinimum = cell;
        }
        if (rowMinimum > edits) {
          pruned = d;
          break;
        }
      }
      previous = term;
      if (pruned >= 0) {
        valid = pruned - 1;
        // Every term that starts with the first `pruned` characters is too far.
        t = skipPrefix(terms, term, pruned, t + 1, rangeEnd);
        continue;
      }
      valid = term.length;
      // Outside the band the cell was not computed for this term, and the distance is too large anyway.
      if (Math.abs(term.length - form.length) <= edits) {
        const distance = rows[term.length * width + form.length] as number;
        if (distance <= edits) found.push([t, distance]);
      }
      t++;
    }
    return found;
  }

  /** For one document, the terms it matched and in which fields (only computed for the hits returned). */
  private matchOf(doc: number, expansions: readonly Expansion[][]): Record<string, string[]> {
    const match: Record<string, string[]> = {};
    const { terms, termStarts, postingDocuments, postingFrequencies, fields } = this.data;
    const { fieldCount } = this;
    for (const expanded of expansions) {
      for (const { term } of expanded) {
        const posting = binarySearch(postingDocuments, doc, termStarts[term] as number, termStarts[term + 1] as number);
        if (posting < 0) continue;
        const matchedFields = fields.filter(
          (_, field) => (postingFrequencies[posting * fieldCount + field] as number) > 0,
        );
        if (matchedFields.length > 0) match[terms[term] as string] = matchedFields;
      }
    }
    return match;
  }
}

function fieldDocumentFrequencies(
  termCount: number,
  termStarts: Int32Array,
  postingFrequencies: Uint8Array,
  fieldCount: number,
): Int32Array {
  const frequencies = new Int32Array(termCount * fieldCount);
  for (let t = 0; t < termCount; t++) {
    const end = termStarts[t + 1] as number;
    for (let posting = termStarts[t] as number; posting < end; posting++) {
      for (let field = 0; field < fieldCount; field++) {
        if (postingFrequencies[posting * fieldCount + field] !== 0) {
          frequencies[t * fieldCount + field] = (frequencies[t * fieldCount + field] as number) + 1;
        }
      }
    }
  }
  return frequencies;
}

/**
 * The first position from `from` whose term does not start with the first
 * `length` characters of `prefixOf`. Galloping, then binary search: the
 * skipped run is usually short, and this runs once per pruned trie branch.
 */
function skipPrefix(terms: readonly string[], prefixOf: string, length: number, from: number, end: number): number {
  const prefix = prefixOf.slice(0, length);
  const starts = (at: number) => {
    const term = terms[at] as string;
    return term.length >= length && term.startsWith(prefix);
  };
  let low = from;
  let probe = from;
  let step = 1;
  while (probe < end && starts(probe)) {
    low = probe + 1;
    probe = low + step;
    step *= 2;
  }
  let high = Math.min(probe, end);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What scoring one query accumulates, per document. */
interface Scoring {
  data: TermIndexData;
  fieldCount: number;
  /** Per field, BM25's `k1 · b / average field length`. */
  lengthScale: Float64Array;
  scores: Float64Array;
  wordsMatched: Uint16Array;
  /** The last query word that matched each document (-1: none yet). */
  lastWord: Int32Array;
  /** Documents with a score, in the order first scored. */
  touched: number[];
  /** Per document, 0: not checked yet, 1: passes the filter, 2: filtered out. */
  filtered: Uint8Array | undefined;
  filter: ((documentId: string) => boolean) | undefined;
}

/**
 * Adds one term's BM25 score to every document in its postings (the hot
 * loop of a query: a function of its own, so the engine optimizes it alone).
 * `idf` holds, per field, idf × field boost × expansion weight (0: skip the field).
 */
function scoreTerm(scoring: Scoring, term: number, word: number, idf: Float64Array): void {
  const { data, fieldCount, lengthScale, scores, wordsMatched, lastWord, touched, filtered, filter } = scoring;
  const { postingDocuments, postingFrequencies, fieldLengths } = data;
  const end = data.termStarts[term + 1] as number;
  for (let posting = data.termStarts[term] as number; posting < end; posting++) {
    const doc = postingDocuments[posting] as number;
    if (filtered && filter) {
      let state = filtered[doc] as number;
      if (state === 0) {
        state = filter(data.documentIds[doc] as string) ? 1 : 2;
        filtered[doc] = state;
      }
      if (state === 2) continue;
    }
    let score = 0;
    for (let field = 0; field < fieldCount; field++) {
      const frequency = postingFrequencies[posting * fieldCount + field] as number;
      const fieldIdf = idf[field] as number;
      if (frequency === 0 || fieldIdf === 0) continue;
      const length = fieldLengths[doc * fieldCount + field] as number;
      score +=
        fieldIdf * (D + (frequency * (K1 + 1)) / (frequency + K1 * (1 - B) + (lengthScale[field] as number) * length));
    }
    if (score === 0) continue;
    if (lastWord[doc] !== word) {
      if (lastWord[doc] === -1) touched.push(doc);
      lastWord[doc] = word;
      wordsMatched[doc] = (wordsMatched[doc] as number) + 1;
    }
    scores[doc] = (scores[doc] as number) + score;
  }
}

/** First position in sorted `terms` whose term is not below `term`. */
function lowerBound(terms: readonly string[], term: string, from = 0): number {
  let low = from;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

function binarySearch(values: Int32Array, value: number, from: number, to: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = values[middle] as number;
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The `limit` best documents, best first, without sorting all of them (a min-heap of the best so far). */
function topDocuments(documents: readonly number[], scores: Float64Array, limit: number): number[] {
  // Better: higher score, then lower document number.
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
  if (limit <= 0) return [];
  const heap: number[] = [];
  for (const doc of documents) {
    if (heap.length < limit) {
      heap.push(doc);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!better(heap[parent] as number, heap[child] as number)) break;
        [heap[parent], heap[child]] = [heap[child] as number, heap[parent] as number];
        child = parent;
      }
    } else if (better(doc, heap[0] as number)) {
      heap[0] = doc;
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let worst = parent;
        if (left < heap.length && better(heap[worst] as number, heap[left] as number)) worst = left;
        if (right < heap.length && better(heap[worst] as number, heap[right] as number)) worst = right;
        if (worst === parent) break;
        [heap[parent], heap[worst]] = [heap[worst] as number, heap[parent] as number];
        parent = worst;
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
