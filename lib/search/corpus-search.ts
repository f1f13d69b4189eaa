/**
 * Search over the corpus, seed and imported (issue #4): entities that match
 * the query first, then articles, with filters, snippets, suggestions when
 * nothing matches, and the articles that share entities with one article.
 *
 * The engines stay behind this module's small API (`CorpusSearch.view` for
 * the UI, which returns plain data and so can run wherever the index lives;
 * `search`, `describe`, `browse`, `related`). Design for 10,000 imported
 * articles (issue #6):
 * - Articles are searched with our own index (`lib/search/term-index.ts`): postings
 *   in typed arrays, prefixes and typos expanded to a capped number of terms.
 *   Entities, a few hundred, keep MiniSearch.
 * - Search keeps no article text in memory: summaries (id, title, outlet,
 *   date, entity ids) and postings only. Text is fetched for the few results
 *   shown, to cut their snippets.
 * - Imported articles are indexed at import time and persisted in segments
 *   (`lib/search/search-segments.ts`); a popup loads them, it never re-indexes.
 *   Segments are merged into one index at load, so a query walks one term
 *   dictionary and scores with corpus-wide statistics.
 * - Filters are applied while scoring, not after; only the best hits are
 *   ranked in full (a heap), and only they get their matched terms.
 *
 * Pure: no DOM, no extension APIs, no IndexedDB: the segments of imported
 * articles are read and written by `lib/storage/imported-search-index.ts`.
 */
import MiniSearch, { type AsPlainObject, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { CorpusIndex, MentionGroup } from '../model/index-schema';
import type { Entity, EntityKind } from '../model/knowledge-base';
import { entitySearchDocument } from './search-documents';
import { filtersArticles, publishedWithin, type SearchFilters } from './search-filters';
import {
  articleQueryDefaults,
  type EntitySearchDocument,
  entitySearchOptions,
  searchTermForms,
  tokenizeForSearch,
} from './search-options';
import { type ArticleSummary, articleSummary, type SearchSegment } from './search-segments';
import { buildSnippet, emphasize, matchedSpans, type Snippet, type TextPart, type TextSpan } from './search-snippet';
import { decodeTermIndex, mergeTermIndexes, type TermHit, TermIndex, type TermIndexData } from './term-index';

export type { ArticleSummary, SearchFilters };

/** An entity whose name, alias or role matches the query. */
export interface EntityHit {
  entity: Entity;
  score: number;
  /** Articles of the corpus that mention it. */
  articleCount: number;
}

/** An article that matches the query. */
export interface ArticleHit {
  article: ArticleSummary;
  score: number;
  /** Index terms that matched (folded, after prefix and fuzzy expansion), with the fields they matched in. */
  match: Readonly<Record<string, readonly string[]>>;
  /**
   * Entities the article was found through by name only: the query names
   * them (they are among the entity matches), the article mentions them, and
   * the words matched only in the article's entity names ("Hizbulah" finds an
   * article that says "Hezbollah"). Their mentions are marked in the snippet.
   */
  viaEntities: readonly string[];
}

/** An article hit with what the result list shows: its title and a snippet, matched words marked. */
export interface ArticleResult extends ArticleHit {
  title: TextPart[];
  snippet: Snippet;
}

export interface SearchResults {
  query: string;
  /** Whether the query had any word to search for (else: the empty state). */
  searched: boolean;
  entities: EntityHit[];
  /** The best articles, at most `limit`. */
  articles: ArticleHit[];
  /** How many articles matched in all, after filters. */
  articleTotal: number;
  /** No article had every word: these have some of them. */
  partial: boolean;
  /** When nothing matched: queries that would (entity names, corpus words close to the query). */
  suggestions: string[];
}

/** The choices of the filters: entities some article mentions, and the corpus's outlets. */
export interface FilterChoices {
  entities: { id: string; name: string; kind: EntityKind }[];
  outlets: string[];
}

/**
 * Everything the search UI shows for a query and filters, as plain data: it
 * can be computed where the index lives and sent as a message.
 */
export type SearchView =
  | {
      /** No query yet: entities to start from, and the latest articles (or those the filters let through). */
      mode: 'start';
      starting: Entity[];
      articles: ArticleResult[];
      articleTotal: number;
      filtered: boolean;
      choices: FilterChoices;
    }
  | {
      mode: 'results';
      query: string;
      entities: EntityHit[];
      articles: ArticleResult[];
      articleTotal: number;
      partial: boolean;
      suggestions: string[];
      choices: FilterChoices;
    };

export interface SearchLimits {
  articles?: number;
  entities?: number;
}

/** Where the text and mentions of articles come from, to cut snippets (imported ones live in IndexedDB). */
export interface ArticleSources {
  texts(articleIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  mentions(articleIds: readonly string[]): Promise<ReadonlyMap<string, readonly MentionGroup[]>>;
}

/** An article that shares entities with another one ("Also mentioned in"). */
export interface RelatedArticle {
  article: ArticleSummary;
  /** The shared entities, most telling first. */
  shared: Entity[];
  score: number;
}

export interface CorpusSearchInputs {
  /** The bundled index. */
  index: CorpusIndex;
  /** Every entity, bundled and the reader's own (same id wins); defaults to the bundled ones. */
  entities?: readonly Entity[];
  /** Segments of imported articles (`loadSearchSegments`). */
  segments?: readonly SearchSegment[];
  /** Text and mentions of imported articles; bundled ones are read from `index`. */
  importedSources?: ArticleSources;
}

// Searches run on terms that are already tokenized and folded (see `parseQuery`).
const PREPARED_TERMS: SearchOptions = { tokenize: (term) => [term], processTerm: (term) => term };
// Looser than a query: about one edit in 2.5 letters, up to three.
const SUGGESTION_SHARE = 0.4;
const SUGGESTION_MAX_EDITS = 3;
const SUGGESTION_FUZZINESS: SearchOptions = {
  fuzzy: SUGGESTION_SHARE,
  maxFuzzy: SUGGESTION_MAX_EDITS,
  prefix: false,
  combineWith: 'OR',
};

/**
 * The words of a query for the article index: each word's folded forms (a
 * Hebrew word has several). Empty when no word is left.
 *
 * @example queryWords('Randa Slim') // [['randa'], ['slim']]
 */
export function queryWords(query: string): string[][] {
  const words: string[][] = [];
  for (const token of tokenizeForSearch(query)) {
    const forms = searchTermForms(token);
    if (forms.length > 0) words.push(forms);
  }
  return words;
}

// The bundled article index, decoded once per loaded index (the popup builds two searches over it).
const decodedBundles = new WeakMap<CorpusIndex, TermIndexData>();

function bundledArticleIndex(index: CorpusIndex): TermIndexData {
  let decoded = decodedBundles.get(index);
  if (!decoded) {
    decoded = decodeTermIndex(index.search.articles, 'data/index.json (search.articles)');
    decodedBundles.set(index, decoded);
  }
  return decoded;
}

/**
 * The words of a query as a MiniSearch query: every word must match (AND);
 * a word with several folded forms (a Hebrew word with its prefixes) matches
 * by any of them (OR). Null when no word is left (empty, or stop words only).
 *
 * @example parseQuery('Randa Slim') // { combineWith: 'AND', queries: ['randa', 'slim'] }
 */
export function parseQuery(query: string, combineWith: 'AND' | 'OR' = 'AND'): Query | null {
  const words: Query[] = queryWords(query).map((forms) =>
    forms.length === 1 ? (forms[0] as string) : { combineWith: 'OR', queries: forms },
  );
  return words.length === 0 ? null : { combineWith, queries: words };
}

/**
 * The corpus as search sees it. Build one per context and keep it: the
 * bundled part is loaded from its serialized form, never re-indexed.
 *
 * @example const search = new CorpusSearch({ index: loadBundledIndex().index });
 * search.search('Naqoura').articles[0]?.article.id // 'naqoura-civilian-talks-2025'
 */
export class CorpusSearch {
  /** Entities by id (bundled, overridden by the reader's own). */
  readonly entityById: ReadonlyMap<string, Entity>;
  private readonly articleIndex: TermIndex;
  private readonly entityIndex: MiniSearch<EntitySearchDocument>;
  private readonly summaries = new Map<string, ArticleSummary>();
  private readonly articlesByEntity = new Map<string, string[]>();
  private readonly bundledText: Map<string, string>;
  private readonly bundledMentions = new Map<string, MentionGroup[]>();
  private readonly importedSources?: ArticleSources;
  private readonly entityTerms = new Map<string, ReadonlySet<string>>();
  private choices: FilterChoices | undefined;

  constructor({ index, entities = index.entities, segments = [], importedSources }: CorpusSearchInputs) {
    this.importedSources = importedSources;
    this.entityById = new Map(entities.map((entity) => [entity.id, entity]));
    this.bundledText = new Map(index.articles.map((article) => [article.id, article.text]));
    for (const group of index.mentions) {
      const list = this.bundledMentions.get(group.articleId) ?? [];
      list.push(group);
      this.bundledMentions.set(group.articleId, list);
    }
    for (const article of index.articles) {
      this.addSummary(articleSummary(article, this.bundledMentions.get(article.id) ?? []));
    }
    for (const segment of segments) for (const summary of segment.articles) this.addSummary(summary);

    const bundledArticles = bundledArticleIndex(index);
    this.articleIndex = new TermIndex(
      segments.length === 0
        ? bundledArticles
        : mergeTermIndexes([bundledArticles, ...segments.map((segment) => segment.search)]),
    );

    this.entityIndex = MiniSearch.loadJS<EntitySearchDocument>(
      index.search.entities as AsPlainObject,
      entitySearchOptions,
    );
    // The reader's own entities and edits: a handful, indexed here rather than stored.
    const bundled = new Map(index.entities.map((entity) => [entity.id, entity]));
    for (const entity of entities) {
      if (bundled.get(entity.id) === entity) continue;
      if (this.entityIndex.has(entity.id)) this.entityIndex.discard(entity.id);
      this.entityIndex.add(entitySearchDocument(entity));
    }
  }

  /** Articles in the corpus, seed and imported. */
  get articleCount(): number {
    return this.summaries.size;
  }

  summary(articleId: string): ArticleSummary | undefined {
    return this.summaries.get(articleId);
  }

  /**
   * Entities, then articles, for a query typed so far. Filters narrow both
   * (see `SearchFilters`). When no article has every word, articles with
   * some of them are returned and `partial` is set; when nothing matches at
   * all, `suggestions` lists queries that would.
   *
   * @example search.search('Hizbulah').entities[0]?.entity.id // 'hezbollah'
   */
  search(query: string, filters: SearchFilters = {}, limits: SearchLimits = {}): SearchResults {
    const articleLimit = limits.articles ?? 20;
    const entityLimit = limits.entities ?? 5;
    const parsed = parseQuery(query);
    if (!parsed) {
      return { query, searched: false, entities: [], articles: [], articleTotal: 0, partial: false, suggestions: [] };
    }

    const entityResults = this.entityIndex.search(parsed, { ...PREPARED_TERMS, ...this.entityFilter(filters) });
    const entities = entityResults.slice(0, entityLimit).map((result) => this.entityHit(result));
    // Every entity the query names, whatever the kind filter: the articles found through them.
    const named = new Set(
      (filters.kind
        ? this.entityIndex.search(parsed, { ...PREPARED_TERMS, ...this.entityFilter({}) })
        : entityResults
      ).map((result) => result.id as string),
    );

    const words = queryWords(query);
    const articleQuery = { ...articleQueryDefaults, limit: articleLimit, filter: this.articleFilter(filters) };
    let partial = false;
    let found = this.articleIndex.search(words, articleQuery);
    if (found.total === 0 && words.length > 1) {
      found = this.articleIndex.search(words, { ...articleQuery, combineWith: 'OR' });
      partial = found.total > 0;
    }
    const articles = found.hits.map((hit) => this.articleHit(hit, named));
    const suggestions =
      entities.length === 0 && articles.length === 0 ? this.suggest(query, filters) : ([] as string[]);
    return { query, searched: true, entities, articles, articleTotal: found.total, partial, suggestions };
  }

  /**
   * Titles and snippets for article hits, matched words marked: words of the
   * query (folded, so "Israel" marks "Israël"), and the mentions of an entity
   * the article was found by through one of its names ("Hizbulah" marks
   * "Hezbollah").
   */
  async describe(hits: readonly ArticleHit[]): Promise<ArticleResult[]> {
    const ids = hits.map((hit) => hit.article.id);
    const importedIds = ids.filter((id) => !this.bundledText.has(id));
    const [importedTexts, importedMentions] =
      importedIds.length > 0 && this.importedSources
        ? await Promise.all([this.importedSources.texts(importedIds), this.importedSources.mentions(importedIds)])
        : [new Map<string, string>(), new Map<string, readonly MentionGroup[]>()];
    return hits.map((hit) => {
      const id = hit.article.id;
      const text = this.bundledText.get(id) ?? importedTexts.get(id) ?? '';
      const mentions = this.bundledMentions.get(id) ?? importedMentions.get(id) ?? [];
      const terms = new Set(Object.keys(hit.match));
      const extraSpans: TextSpan[] = mentions
        .filter((group) => hit.viaEntities.includes(group.entityId))
        .flatMap((group) => group.spans);
      return {
        ...hit,
        title: emphasize(hit.article.title, matchedSpans(hit.article.title, terms)),
        snippet: buildSnippet(text, matchedSpans(text, terms, extraSpans)),
      };
    });
  }

  /**
   * What the search UI shows (see {@link SearchView}): for a query, its
   * entities and described articles; without one, entities to start from and
   * the latest articles (or, with filters, the articles they let through).
   *
   * @example (await search.view('Naqoura')).mode // 'results'
   */
  async view(query: string, filters: SearchFilters = {}, limits: SearchLimits = {}): Promise<SearchView> {
    const choices = this.filterChoices();
    const results = this.search(query, filters, limits);
    if (results.searched) {
      const { entities, articleTotal, partial, suggestions } = results;
      const articles = await this.describe(results.articles);
      return { mode: 'results', query, entities, articles, articleTotal, partial, suggestions, choices };
    }
    const filtered = filtersArticles(filters);
    const browsed = this.browse(filters, filtered ? (limits.articles ?? 20) : 5);
    const articles = await this.describe(
      browsed.articles.map((article) => ({ article, score: 0, match: {}, viaEntities: [] })),
    );
    return {
      mode: 'start',
      starting: this.startingEntities(8, filters.kind),
      articles,
      articleTotal: filtered ? browsed.total : articles.length,
      filtered,
      choices,
    };
  }

  /** The filters' choices, worked out once. */
  filterChoices(): FilterChoices {
    this.choices ??= {
      entities: this.filterableEntities().map(({ id, name, kind }) => ({ id, name, kind })),
      outlets: this.outlets(),
    };
    return this.choices;
  }

  /** Articles for an empty query: those the filters let through, newest first. */
  browse(filters: SearchFilters = {}, limit = 20): { articles: ArticleSummary[]; total: number } {
    const pass = this.articlePredicate(filters);
    const all = [...this.summaries.values()].filter((article) => !pass || pass(article));
    all.sort(compareNewestFirst);
    return { articles: all.slice(0, limit), total: all.length };
  }

  /**
   * Entities to start from, for an empty query: specific ones (not countries
   * or outlets) mentioned by the most articles, then most mentioned.
   */
  startingEntities(limit = 8, kind?: EntityKind): Entity[] {
    const mentionCount = new Map<string, number>();
    for (const summary of this.summaries.values()) {
      for (const [entityId, count] of summary.entities) {
        mentionCount.set(entityId, (mentionCount.get(entityId) ?? 0) + count);
      }
    }
    return [...this.articlesByEntity.keys()]
      .map((id) => this.entityById.get(id))
      .filter((entity): entity is Entity => !!entity && entity.specificity === 'specific')
      .filter((entity) => !kind || entity.kind === kind)
      .sort(
        (a, b) =>
          (this.articlesByEntity.get(b.id)?.length ?? 0) - (this.articlesByEntity.get(a.id)?.length ?? 0) ||
          (mentionCount.get(b.id) ?? 0) - (mentionCount.get(a.id) ?? 0) ||
          a.name.localeCompare(b.name),
      )
      .slice(0, limit);
  }

  /** Entities that at least one article mentions, by name: the choices of the entity filter. */
  filterableEntities(kind?: EntityKind): Entity[] {
    return [...this.articlesByEntity.keys()]
      .map((id) => this.entityById.get(id))
      .filter((entity): entity is Entity => !!entity && (!kind || entity.kind === kind))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Outlets of the corpus, by name, "unknown" last: the choices of the outlet filter. */
  outlets(): string[] {
    const outlets = new Set([...this.summaries.values()].map((summary) => summary.outlet));
    return [...outlets].sort((a, b) => Number(a === 'unknown') - Number(b === 'unknown') || a.localeCompare(b));
  }

  /** How many articles mention an entity. */
  articleCountOf(entityId: string): number {
    return this.articlesByEntity.get(entityId)?.length ?? 0;
  }

  /**
   * Other articles that share entities with `articleId`, most shared first.
   * An entity counts more the fewer articles mention it; general entities
   * (countries, capitals, outlets) do not count: every article shares them.
   */
  related(articleId: string, limit = 5): RelatedArticle[] {
    const article = this.summaries.get(articleId);
    if (!article) return [];
    const total = this.summaries.size;
    const scores = new Map<string, { score: number; shared: Entity[] }>();
    for (const [entityId] of article.entities) {
      const entity = this.entityById.get(entityId);
      const mentioning = this.articlesByEntity.get(entityId) ?? [];
      if (!entity || entity.specificity === 'general') continue;
      const weight = Math.log(1 + total / mentioning.length);
      for (const otherId of mentioning) {
        if (otherId === articleId) continue;
        const entry = scores.get(otherId) ?? { score: 0, shared: [] };
        entry.score += weight;
        entry.shared.push(entity);
        scores.set(otherId, entry);
      }
    }
    return [...scores]
      .map(([id, entry]) => ({ article: this.summaries.get(id) as ArticleSummary, ...entry }))
      .sort((a, b) => b.score - a.score || compareNewestFirst(a.article, b.article))
      .slice(0, limit);
  }

  // ---------------------------------------------------------------------------

  private addSummary(summary: ArticleSummary): void {
    // The bundled corpus is added first and wins over an import of the same id.
    if (this.summaries.has(summary.id)) return;
    this.summaries.set(summary.id, summary);
    for (const [entityId] of summary.entities) {
      const list = this.articlesByEntity.get(entityId) ?? [];
      list.push(summary.id);
      this.articlesByEntity.set(entityId, list);
    }
  }

  private entityHit(result: SearchResult): EntityHit {
    const entity = this.entityById.get(result.id) as Entity;
    return { entity, score: result.score, articleCount: this.articleCountOf(entity.id) };
  }

  private articleHit(result: TermHit, named: ReadonlySet<string>): ArticleHit {
    const article = this.summaries.get(result.id) as ArticleSummary;
    const byNameOnly = Object.entries(result.match)
      .filter(([, fields]) => fields.length === 1 && fields[0] === 'entityNames')
      .map(([term]) => term);
    const viaEntities =
      byNameOnly.length === 0
        ? []
        : article.entities
            .map(([entityId]) => entityId)
            .filter((entityId) => named.has(entityId))
            .filter((entityId) => byNameOnly.some((term) => this.termsOfEntity(entityId).has(term)));
    return { article, score: result.score, match: result.match, viaEntities };
  }

  private entityFilter(filters: SearchFilters): SearchOptions {
    const { kind } = filters;
    return {
      // Entities dropped from the index lazily (MiniSearch `discard`) or unknown here are never returned.
      boostDocument: (id: string) => {
        const entity = this.entityById.get(id);
        return entity && (!kind || entity.kind === kind) ? 1 : 0;
      },
    };
  }

  private articleFilter(filters: SearchFilters): ((articleId: string) => boolean) | undefined {
    const pass = this.articlePredicate(filters);
    if (!pass) return undefined;
    // Applied while scoring: a filtered-out article is never scored.
    return (id: string) => pass(this.summaries.get(id) as ArticleSummary);
  }

  private articlePredicate(filters: SearchFilters): ((article: ArticleSummary) => boolean) | undefined {
    if (!filtersArticles(filters)) return undefined;
    const { entityId, outlet, from, to } = filters;
    return (article) =>
      article !== undefined &&
      (!entityId || article.entities.some(([id]) => id === entityId)) &&
      (!outlet || article.outlet === outlet) &&
      publishedWithin(article.published, from, to);
  }

  /**
   * Queries that would find something: names of entities close to the query
   * (more fuzziness, any word), then corpus words close to each word.
   */
  private suggest(query: string, filters: SearchFilters): string[] {
    const loose = parseQuery(query, 'OR');
    if (!loose) return [];
    const suggestions = new Map<string, string>();
    const add = (suggestion: string) => {
      const key = suggestion.toLowerCase();
      if (!suggestions.has(key) && key !== query.trim().toLowerCase()) suggestions.set(key, suggestion);
    };
    const options = { ...PREPARED_TERMS, ...SUGGESTION_FUZZINESS };
    // Names and aliases only: a role that mentions the word is no "did you mean".
    const entityOptions = { ...options, ...this.entityFilter(filters), fields: ['name', 'aliases'] };
    const suggestedEntities = this.entityIndex
      .search(loose, entityOptions)
      .slice(0, 3)
      .map((result) => this.entityById.get(result.id))
      .filter((entity): entity is Entity => entity !== undefined);
    for (const entity of suggestedEntities) add(entity.name);
    // A word of the corpus for each word of the query: the one most articles share.
    const words = queryWords(query);
    const alternatives = words.map((forms) =>
      this.articleIndex
        .similarTerms(forms, SUGGESTION_SHARE, SUGGESTION_MAX_EDITS, 10)
        .filter((term) => !suggestedEntities.some((entity) => this.termsOfEntity(entity.id).has(term))),
    );
    if (alternatives.every((list) => list.length > 0)) add(alternatives.map((list) => list[0]).join(' '));
    if (words.length === 1) for (const term of alternatives[0]?.slice(1, 3) ?? []) add(term);
    return [...suggestions.values()].slice(0, 5);
  }

  /** The folded words of an entity's name and aliases: how to tell which entity an `entityNames` match was. */
  private termsOfEntity(entityId: string): ReadonlySet<string> {
    let terms = this.entityTerms.get(entityId);
    if (!terms) {
      const entity = this.entityById.get(entityId);
      const names = entity ? [entity.name, ...entity.aliases.map((alias) => alias.text)].join(' ') : '';
      terms = new Set(tokenizeForSearch(names).flatMap(searchTermForms));
      this.entityTerms.set(entityId, terms);
    }
    return terms;
  }
}

/** Newest first; undated last; then by title, so the order is stable. */
function compareNewestFirst(a: ArticleSummary, b: ArticleSummary): number {
  const dateA = a.published.precision === 'unknown' ? null : a.published.date;
  const dateB = b.published.precision === 'unknown' ? null : b.published.date;
  if (dateA !== dateB) {
    if (dateA === null) return 1;
    if (dateB === null) return -1;
    return dateA < dateB ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}
