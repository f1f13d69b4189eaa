/**
 * The popup's search tab (issue #4): as-you-type search of the corpus, with
 * filters, the empty states (entities to start from; close alternatives
 * when nothing matches) and the keyboard: ↓ from the box into the results,
 * Enter in the box opens the best article, Escape clears.
 */
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { FilterPanel } from '@/components/search-filters';
import { type ReaderTarget, ResultList } from '@/components/search-results';
import type { EntityCard } from '@/lib/corpus/entity-card';
import type { EntityHit, SearchLimits, SearchView } from '@/lib/search/corpus-search';
import { activeFilterCount, filtersArticles, type SearchFilters } from '@/lib/search/search-filters';

/** How long a search took, for the popup's own measurements (issue #4 asks for the figures). */
export interface SearchTiming {
  query: string;
  /** The engine: ranking plus snippets. */
  searchMs: number;
  /** From the key press to the results on screen (committed by React). */
  inputToResultsMs?: number;
}

/** Runs a search where the index lives (`CorpusSearch.view`), returning plain data. */
export type RunSearch = (query: string, filters: SearchFilters, limits: SearchLimits) => Promise<SearchView>;

export interface SearchPanelProps {
  /** Undefined while the corpus loads: the box takes input at once, and results follow when it is ready. */
  runSearch: RunSearch | undefined;
  loadCard(entityId: string): Promise<EntityCard | undefined>;
  readerHref(target: ReaderTarget): string;
  onOpenArticle(target: ReaderTarget): void;
  /** Called once the search box is enabled and focused with the index ready. */
  onReady?(): void;
  onTiming?(timing: SearchTiming): void;
  initialQuery?: string;
}

const PAGE_SIZE = 20;

type View = SearchView;

export function SearchPanel(props: SearchPanelProps) {
  const { runSearch, onTiming } = props;
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [showFilters, setShowFilters] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [view, setView] = useState<View | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const typedAt = useRef<number | undefined>(undefined);
  const pendingTiming = useRef<SearchTiming | undefined>(undefined);
  const inputId = useId();
  const filtersId = useId();
  const statusId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the panel first shows.
  useEffect(() => {
    input.current?.focus();
    props.onReady?.();
  }, []);

  // A new query starts from the first page again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on query or filter change only.
  useEffect(() => setLimit(PAGE_SIZE), [query, filters]);

  useEffect(() => {
    if (!runSearch) return;
    let current = true;
    const started = performance.now();
    runSearch(query, filters, { articles: limit }).then(
      (next) => {
        if (!current) return;
        pendingTiming.current = { query, searchMs: performance.now() - started };
        setView(next);
      },
      (error: unknown) => console.error('News Context: search failed', error),
    );
    return () => {
      current = false;
    };
  }, [runSearch, query, filters, limit]);

  useLayoutEffect(() => {
    const timing = pendingTiming.current;
    if (!timing || !view) return;
    pendingTiming.current = undefined;
    const inputToResultsMs = typedAt.current === undefined ? undefined : performance.now() - typedAt.current;
    typedAt.current = undefined;
    onTiming?.({ ...timing, ...(inputToResultsMs === undefined ? {} : { inputToResultsMs }) });
  }, [view, onTiming]);

  const clear = () => {
    setQuery('');
    input.current?.focus();
  };

  const firstResult = () => body.current?.querySelector<HTMLElement>('[data-result-item]');

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      const first = firstResult();
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const best = view?.articles[0];
      if (best && view?.mode === 'results') {
        const { passage } = best.snippet;
        props.onOpenArticle({
          articleId: best.article.id,
          ...(best.snippet.parts.length > 0 ? { start: passage[0], end: passage[1] } : {}),
        });
      }
    } else if (event.key === 'Escape' && query) {
      // Clear first; a second Escape (empty box) is left to the browser, which closes the popup.
      event.preventDefault();
      event.stopPropagation();
      clear();
    }
  };

  const filterCount = activeFilterCount(filters);
  const status = runSearch ? describeView(view) : 'Loading the corpus…';

  return (
    <div className="nc-search">
      <div className="nc-search-bar">
        <label htmlFor={inputId} className="nc-visually-hidden">
          Search the corpus
        </label>
        <span className="nc-search-icon" aria-hidden="true" />
        <input
          ref={input}
          id={inputId}
          className="nc-search-input"
          type="search"
          placeholder="Search names, places, events…"
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          value={query}
          aria-describedby={statusId}
          onChange={(event) => {
            typedAt.current = performance.now();
            setQuery(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className={`nc-filter-toggle${filterCount > 0 ? ' nc-filter-toggle--active' : ''}`}
          aria-label={filterCount > 0 ? `Filters, ${filterCount} on` : 'Filters'}
          aria-expanded={showFilters}
          aria-controls={filtersId}
          onClick={() => setShowFilters(!showFilters)}
        >
          Filters
          {filterCount > 0 && (
            <span className="nc-count" aria-hidden="true">
              {filterCount}
            </span>
          )}
        </button>
      </div>
      <div id={filtersId} hidden={!showFilters}>
        {showFilters && (
          <FilterPanel
            filters={filters}
            onChange={setFilters}
            entities={view?.choices.entities ?? []}
            outlets={view?.choices.outlets ?? []}
          />
        )}
      </div>
      <p id={statusId} className="nc-status" role="status">
        {status}
      </p>
      <div ref={body}>
        {view && (
          <SearchBody
            view={view}
            {...props}
            filterCount={filterCount}
            onQuery={(next) => {
              typedAt.current = performance.now();
              setQuery(next);
              input.current?.focus();
            }}
            onFilters={setFilters}
            filters={filters}
            onLeave={() => input.current?.focus()}
            onClear={clear}
            onMore={() => setLimit(limit + PAGE_SIZE)}
          />
        )}
      </div>
    </div>
  );
}

interface SearchBodyProps extends SearchPanelProps {
  view: View;
  filters: SearchFilters;
  filterCount: number;
  onQuery(query: string): void;
  onFilters(filters: SearchFilters): void;
  onLeave(): void;
  onClear(): void;
  onMore(): void;
}

function SearchBody(props: SearchBodyProps) {
  const { view } = props;
  const startingId = useId();
  const more =
    view.articleTotal > view.articles.length ? (
      <button type="button" className="nc-more-button" onClick={props.onMore}>
        Show more articles ({view.articleTotal - view.articles.length} left)
      </button>
    ) : undefined;
  const list = (entities: EntityHit[], heading: string, note?: string) => (
    <ResultList
      entities={entities}
      articles={view.articles}
      articleHeading={heading}
      articleNote={note}
      loadCard={props.loadCard}
      readerHref={props.readerHref}
      onOpenArticle={props.onOpenArticle}
      onFilterByEntity={(entityId) => {
        props.onFilters({ ...props.filters, entityId });
      }}
      onSelectEntity={(entity) => props.onQuery(entity.name)}
      onLeave={(reason) => (reason === 'escape' ? props.onClear() : props.onLeave())}
      footer={more}
    />
  );

  if (view.mode === 'start') {
    return (
      <div className="nc-search-body">
        {view.starting.length > 0 && (
          <section className="nc-starting" aria-labelledby={startingId}>
            <h2 className="nc-section-heading" id={startingId}>
              Start from an entity
            </h2>
            <ul className="nc-picks">
              {view.starting.map((entity) => (
                <li key={entity.id}>
                  <button
                    type="button"
                    className={`nc-pick nc-kind-${entity.kind}`}
                    onClick={() => props.onQuery(entity.name)}
                  >
                    <span className="nc-dot" aria-hidden="true" />
                    <span dir="auto">{entity.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {list([], view.filtered ? 'Articles' : 'Latest in the corpus')}
        {view.filtered && view.articles.length === 0 && <NoArticles onClear={() => props.onFilters({})} />}
      </div>
    );
  }

  if (view.entities.length === 0 && view.articles.length === 0) {
    return (
      <div className="nc-search-body nc-empty-state">
        <p className="nc-empty-title">
          Nothing in the corpus matches “<span dir="auto">{view.query.trim()}</span>”
          {props.filterCount > 0 ? ' with these filters.' : '.'}
        </p>
        {view.suggestions.length > 0 && (
          <>
            <p className="nc-empty-hint">Did you mean</p>
            <ul className="nc-picks">
              {view.suggestions.map((suggestion) => (
                <li key={suggestion}>
                  <button type="button" className="nc-pick" onClick={() => props.onQuery(suggestion)}>
                    <span dir="auto">{suggestion}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {props.filterCount > 0 && (
          <button type="button" className="nc-link-button" onClick={() => props.onFilters({})}>
            Clear the filters
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="nc-search-body">
      {list(
        view.entities,
        'Articles',
        view.partial ? 'No article has every word; these have some of them.' : undefined,
      )}
      {view.articles.length === 0 && filtersArticles(props.filters) && (
        <NoArticles onClear={() => props.onFilters({})} />
      )}
    </div>
  );
}

function NoArticles({ onClear }: { onClear(): void }) {
  return (
    <p className="nc-section-note">
      No article matches these filters.{' '}
      <button type="button" className="nc-link-button" onClick={onClear}>
        Clear the filters
      </button>
    </p>
  );
}

/** The live status line: what the list below shows, read out by screen readers as it changes. */
function describeView(view: View | undefined): string {
  if (!view) return '';
  const articles = (count: number) => (count === 1 ? '1 article' : `${count} articles`);
  if (view.mode === 'start') return view.filtered ? `${articles(view.articleTotal)} match the filters` : '';
  if (view.entities.length === 0 && view.articles.length === 0) return 'No results';
  const parts = [];
  if (view.entities.length > 0)
    parts.push(view.entities.length === 1 ? '1 entity' : `${view.entities.length} entities`);
  parts.push(articles(view.articleTotal));
  return parts.join(', ');
}
