import type { Options, SearchOptions } from 'minisearch';
import type { TermAnalyzer, TermQueryOptions } from './term-index';

/**
 * The options that build and query the search indexes: the article index
 * (`lib/search/term-index.ts`) and the entity index (MiniSearch). One module shared
 * by the index build, the importer and the search UI: an index queried with
 * other folding than it was built with silently finds nothing. Changing the
 * tokenizer or the term folding here changes what an index contains: rebuild
 * the bundled one (`npm run build:index`) and bump
 * `SEARCH_SEGMENT_FORMAT_VERSION` in `lib/search/search-segments.ts`, so that stored
 * segments of imported articles are rebuilt too.
 */

/** What the article index stores per document: only ids; metadata comes from the articles themselves. */
export interface ArticleSearchDocument {
  id: string;
  title: string;
  /** Names and aliases of the entities the article mentions, so "Hizbulah" finds articles about Hezbollah. */
  entityNames: string;
  text: string;
}

export interface EntitySearchDocument {
  id: string;
  name: string;
  aliases: string;
  role: string;
}

/** One word of a text, with its offsets: what the snippet builder marks. */
export interface SearchToken {
  text: string;
  start: number;
  end: number;
}

// Function words carry no meaning in a query and make up a large part of the
// postings. English, a few French and Arabic ones (folded forms). Not "un"
// (the UN), not "us" (the US), not "la" alone is risky enough to leave out.
const STOP_WORDS = new Set([
  ...'a an and are as at be by for from had has have he her his in is it its of on or that the their they this to was were which will with would'.split(
    ' ',
  ),
  ...'le les des du et au aux dans par pour sur qui que est une'.split(' '),
  // Not علي: folded, "على" (on) is spelled like the name Ali.
  ...'في من الي عن ان او مع هذا هذه التي الذي'.split(' '),
]);

// A word: letters, digits and marks in any script, with the invisible joiners
// some scripts use inside words; an apostrophe, a Hebrew geresh or gershayim
// (כ"ץ, ארה"ב) or a quote between two word characters keeps the word whole.
const WORD =
  /(?:[\p{L}\p{N}\p{M}\u00AD\u2060]|\u200C|\u200D)+(?:['’ʼ׳״"](?:[\p{L}\p{N}\p{M}\u00AD\u2060]|\u200C|\u200D)+)*/gu;

// French elisions: "l'armée" is searched as "armée", "d'Israël" as "israel".
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’ʼ](?=\p{L})/u;
// Arabic: the article with the conjunctions and prepositions that attach to it,
// so "الناقورة", "بالناقورة" and "والناقورة" all meet "ناقورة".
const ARABIC_PREFIX = /^(?:[وف]?[بكل]?ال|[وف]?لل)(?=[\u0620-\u064A]{2,})/u;
const ARABIC_KEEP = new Set(['الله']);
// Hebrew: one-letter prefixes (ו and, ה the, ב in, ל to, מ from, ש that, כ as)
// attach to the word. Which ones are prefixes cannot be told without a
// dictionary, so a word is indexed as written and without one or two of
// them; a query word is searched in all those forms.
const HEBREW_PREFIX_LETTERS = new Set(['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ']);
const HEBREW_WORD = /^[\u05D0-\u05EA]+$/u;
const LATIN_WORD = /^[a-z0-9]+$/;

/**
 * Splits a text into words, so Arabic, Hebrew and French words survive whole.
 *
 * @example tokenizeForSearch("l'armée d'Israël, כ\"ץ") // ["l'armée", "d'Israël", 'כ"ץ']
 */
export function tokenizeForSearch(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with their offsets, split exactly as {@link tokenizeForSearch} does. */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * Folds a word into the form(s) it is indexed and searched under: lower
 * case, no Latin diacritics (é→e), no Arabic vowel marks or tatweel, one form
 * of alef, yeh and teh marbuta, no Hebrew points, no elided French article,
 * no Arabic article; a Hebrew word also without its prefix letters. Returns
 * null for stop words.
 *
 * @example processSearchTerm('Israël') // 'israel'
 * @example processSearchTerm('بالناقورة') // 'ناقورة'
 */
export function processSearchTerm(term: string): string | string[] | null {
  // Most words in an English article are plain ASCII: skip the Unicode work.
  const lower = term.toLowerCase();
  if (LATIN_WORD.test(lower)) return STOP_WORDS.has(lower) ? null : lower;
  let folded = lower
    .normalize('NFKD')
    .replace(/[\p{M}\u0640\u00AD\u2060]|\u200C|\u200D/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه');
  folded = folded.replace(FRENCH_ELISION, '');
  if (STOP_WORDS.has(folded)) return null;
  if (!ARABIC_KEEP.has(folded)) folded = folded.replace(ARABIC_PREFIX, '');
  folded = folded.replace(/['’ʼ]s$/u, '').replace(/['’ʼ׳״"]/gu, '');
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  if (HEBREW_WORD.test(folded)) {
    const forms = [folded];
    let rest = folded;
    for (let stripped = 0; stripped < 2 && rest.length > 3 && HEBREW_PREFIX_LETTERS.has(rest.charAt(0)); stripped++) {
      rest = rest.slice(1);
      forms.push(rest);
    }
    return forms.length === 1 ? folded : forms;
  }
  return folded;
}

/**
 * The folded forms of one word as a list (none for a stop word): the shape
 * every caller outside MiniSearch wants from {@link processSearchTerm}.
 *
 * @example searchTermForms('Israël') // ['israel']
 * @example searchTermForms('the') // []
 */
export function searchTermForms(term: string): string[] {
  const forms = processSearchTerm(term);
  return forms === null ? [] : typeof forms === 'string' ? [forms] : forms;
}

const sharedOptions = {
  idField: 'id',
  tokenize: tokenizeForSearch,
  processTerm: processSearchTerm,
} as const;

/**
 * Prefix search from the second letter typed (as-you-type), and fuzzy search
 * from the fourth, one edit per four letters (`fuzzyShare` 0.25), never more
 * than two ({@link MAX_EDITS}):
 * "Hizbulah" finds "Hizbullah" (one edit), a typo in a long name still
 * matches, and short words do not match half the vocabulary.
 */
const prefix = (term: string) => term.length >= 2;
const fuzzyFor = (share: number) => (term: string) => (term.length >= 4 ? share : false);
const MAX_EDITS = 2;

/** The article index's fields, in the order `articleSearchFields` gives their texts. */
export const articleIndexFields = ['title', 'entityNames', 'text'] as const;

/** A document's texts in the order of {@link articleIndexFields}. */
export function articleSearchFields({ title, entityNames, text }: ArticleSearchDocument): string[] {
  return [title, entityNames, text];
}

/** How article texts become index terms (indexing and queries alike). */
export const articleAnalyzer: TermAnalyzer = { tokenize: tokenizeForSearch, processTerm: processSearchTerm };

/**
 * Title first, then entity names, then body (issue #4); prefixes and typos as
 * for entities, with MiniSearch's weights for them. A prefix or a typo
 * expands to at most 64 terms, the most frequent first (issue #6): a
 * two-letter prefix must not walk half the vocabulary of 10,000 articles.
 */
export const articleQueryDefaults: Omit<TermQueryOptions, 'limit' | 'filter'> = {
  boost: { title: 4, entityNames: 2, text: 1 },
  combineWith: 'AND',
  prefixFrom: 2,
  fuzzyFrom: 4,
  fuzzyShare: 0.25,
  maxEdits: MAX_EDITS,
  prefixWeight: 0.375,
  fuzzyWeight: 0.45,
  maxExpansions: 64,
};

/** Name first, then aliases; the role ("President of Lebanon") helps a little. */
export const entitySearchDefaults: SearchOptions = {
  boost: { name: 3, aliases: 2, role: 0.5 },
  prefix,
  fuzzy: fuzzyFor(0.25),
  maxFuzzy: MAX_EDITS,
  combineWith: 'AND',
};

export const entitySearchOptions: Options<EntitySearchDocument> = {
  ...sharedOptions,
  fields: ['name', 'aliases', 'role'],
  storeFields: [],
  searchOptions: entitySearchDefaults,
};
