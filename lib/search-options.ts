import type { Options, SearchOptions } from 'minisearch';

/**
 * The options that build and load the MiniSearch indexes. One module shared
 * by the index build, the importer and the search UI: an index loaded with
 * other options than it was built with silently finds nothing.
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

// English function words carry no meaning in a query and make up a large part of the postings.
const STOP_WORDS = new Set(
  'a an and are as at be by for from had has have he her his in is it its of on or that the their they this to was were which will with would'.split(
    ' ',
  ),
);

// French elisions: "l'armée" is searched as "armée", "d'Israël" as "israel".
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/u;
// Arabic: the article and attached conjunctions/prepositions, so "الناقورة" and "بالناقورة" meet "ناقورة".
const ARABIC_PREFIX = /^(?:[وفبكل]?ال|لل)(?=\p{L}{2,})/u;
const ARABIC_KEEP = new Set(['الله']);

/**
 * Splits on anything that is not a letter, digit or mark, so Arabic, Hebrew
 * and French words survive whole. Apostrophes are kept inside words for the
 * elision rule, then dropped by {@link processSearchTerm}.
 */
export function tokenizeForSearch(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}'’]+/u).filter(Boolean);
}

/**
 * Folds a token: lower case, no Latin diacritics (é→e), no Arabic vowel marks
 * or tatweel, one form of alef and yeh, no Hebrew points; drops stop words.
 */
export function processSearchTerm(term: string): string | null {
  let folded = term
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي');
  folded = folded.replace(FRENCH_ELISION, '');
  if (!ARABIC_KEEP.has(folded)) folded = folded.replace(ARABIC_PREFIX, '');
  folded = folded.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  return folded;
}

const sharedOptions = {
  idField: 'id',
  tokenize: tokenizeForSearch,
  processTerm: processSearchTerm,
} as const;

/** Title first, then entity names, then body (issue #4). */
export const articleSearchDefaults: SearchOptions = {
  boost: { title: 4, entityNames: 2, text: 1 },
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  combineWith: 'AND',
};

export const articleSearchOptions: Options<ArticleSearchDocument> = {
  ...sharedOptions,
  fields: ['title', 'entityNames', 'text'],
  storeFields: [],
  searchOptions: articleSearchDefaults,
};

export const entitySearchOptions: Options<EntitySearchDocument> = {
  ...sharedOptions,
  fields: ['name', 'aliases', 'role'],
  storeFields: [],
  searchOptions: {
    boost: { name: 3, aliases: 2, role: 0.5 },
    prefix: (term) => term.length >= 2,
    fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
    combineWith: 'AND',
  },
};
