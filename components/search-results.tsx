/**
 * The popup's search results (issue #4): entities first, as small cards
 * (name, role) that expand to the hover card's content, then articles with
 * their outlet, date (as precise as we know it) and a snippet with the
 * matched words marked. Everything from the corpus is React text; marks are
 * `<mark>` elements around text parts, never markup.
 *
 * Keyboard: ↑ and ↓ move between results (each result is one focusable
 * control), Enter opens the focused one, Escape asks the search box to clear.
 */
import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { EntityCardView, KIND_LABELS } from '@/components/entity-card';
import type { CardExcerpt, EntityCard, EntityRef } from '@/lib/corpus/entity-card';
import { formatPartialDate } from '@/lib/model/format-date';
import type { ArticleResult, EntityHit } from '@/lib/search/corpus-search';
import type { TextPart } from '@/lib/search/search-snippet';

/** Where the reader page opens: an article, at a passage. */
export interface ReaderTarget {
  articleId: string;
  start?: number;
  end?: number;
}

/** Text with its matched parts in `<mark>`. */
export function MarkedText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered.
          <mark key={index} className="nc-match">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

export interface ResultListProps {
  entities: readonly EntityHit[];
  articles: readonly ArticleResult[];
  /** Heading of the article section ("Articles", "Latest in the corpus"…). */
  articleHeading: string;
  /** Shown under the heading (e.g. "No article has every word…"). */
  articleNote?: string;
  loadCard(entityId: string): Promise<EntityCard | undefined>;
  readerHref(target: ReaderTarget): string;
  onOpenArticle(target: ReaderTarget): void;
  /** "Articles mentioning X": narrows the articles to one entity. */
  onFilterByEntity?(entityId: string): void;
  /** A related entity chosen in an expanded card. */
  onSelectEntity?(entity: EntityRef): void;
  /** Escape in the list, or ↑ from its first result: back to the search box. */
  onLeave?(reason: 'escape' | 'up'): void;
  /** Rendered after the articles (a "Show more" button). */
  footer?: React.ReactNode;
}

/** Entities listed before "Show more". */
const ENTITIES_SHOWN = 3;

/** Focus moves between these: an entity's head and an article's link. */
const ITEM_SELECTOR = '[data-result-item]';

/**
 * Entities, then articles. Expanding an entity loads its card; only one is
 * expanded at a time, so the list stays short enough to scan.
 */
export function ResultList(props: ResultListProps) {
  const { entities, articles, articleHeading, articleNote, footer } = props;
  const [expanded, setExpanded] = useState<string | undefined>(undefined);
  const [allEntities, setAllEntities] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const entitiesId = useId();
  const articlesId = useId();

  // A new result set closes a card opened for the previous one.
  const entityKey = entities.map((hit) => hit.entity.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of entities resets the expansion.
  useEffect(() => {
    setExpanded(undefined);
    setAllEntities(false);
  }, [entityKey]);
  // A few entities, so the articles stay in view; the rest on request.
  const shownEntities = allEntities ? entities : entities.slice(0, ENTITIES_SHOWN);
  const hiddenEntities = entities.length - shownEntities.length;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onLeave?.('escape');
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []);
    if (items.length === 0) return;
    // The focus may be inside an expanded card: count from the result that holds it.
    const current = items.findIndex((item) => item.closest('li')?.contains(document.activeElement));
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'ArrowDown') next = Math.min(items.length - 1, current + 1);
    else next = current - 1;
    event.preventDefault();
    if (next < 0) props.onLeave?.('up');
    else items[next]?.focus();
  };

  return (
    // The list handles arrow keys for the focusable results inside it; it is not itself a control.
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard navigation between the results it contains.
    <div className="nc-results" ref={list} onKeyDown={onKeyDown}>
      {entities.length > 0 && (
        <section aria-labelledby={entitiesId}>
          <h2 className="nc-section-heading" id={entitiesId}>
            Entities
          </h2>
          <ul className="nc-hits">
            {shownEntities.map((hit) => (
              <EntityHitItem
                key={hit.entity.id}
                hit={hit}
                expanded={expanded === hit.entity.id}
                onToggle={() => setExpanded(expanded === hit.entity.id ? undefined : hit.entity.id)}
                loadCard={props.loadCard}
                onOpenExcerpt={(excerpt) =>
                  props.onOpenArticle({ articleId: excerpt.articleId, start: excerpt.start, end: excerpt.end })
                }
                onFilterByEntity={props.onFilterByEntity}
                onSelectEntity={props.onSelectEntity}
              />
            ))}
          </ul>
          {hiddenEntities > 0 && (
            <button type="button" className="nc-link-button nc-hits-more" onClick={() => setAllEntities(true)}>
              {hiddenEntities === 1 ? 'Show 1 more entity' : `Show ${hiddenEntities} more entities`}
            </button>
          )}
        </section>
      )}
      {articles.length > 0 && (
        <section aria-labelledby={articlesId}>
          <h2 className="nc-section-heading" id={articlesId}>
            {articleHeading}
          </h2>
          {articleNote && <p className="nc-section-note">{articleNote}</p>}
          <ul className="nc-result-list">
            {articles.map((result) => (
              <ArticleResultItem
                key={result.article.id}
                result={result}
                readerHref={props.readerHref}
                onOpen={props.onOpenArticle}
              />
            ))}
          </ul>
          {footer}
        </section>
      )}
    </div>
  );
}

interface EntityHitItemProps {
  hit: EntityHit;
  expanded: boolean;
  onToggle(): void;
  loadCard(entityId: string): Promise<EntityCard | undefined>;
  onOpenExcerpt(excerpt: CardExcerpt): void;
  onFilterByEntity?(entityId: string): void;
  onSelectEntity?(entity: EntityRef): void;
}

/** An entity as a small card: kind, name and role; expands to its full card. */
function EntityHitItem(props: EntityHitItemProps) {
  const { hit, expanded } = props;
  const { entity } = hit;
  const panelId = useId();
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);

  useEffect(() => {
    if (!expanded || card !== undefined) return;
    let current = true;
    props.loadCard(entity.id).then(
      (loaded) => current && setCard(loaded ?? null),
      () => current && setCard(null),
    );
    return () => {
      current = false;
    };
  }, [expanded, card, entity.id, props.loadCard]);

  const articles = hit.articleCount === 1 ? '1 article' : `${hit.articleCount} articles`;
  return (
    <li className={`nc-hit nc-kind-${entity.kind}`}>
      <button
        type="button"
        className="nc-hit-head"
        data-result-item=""
        aria-expanded={expanded}
        aria-controls={expanded ? panelId : undefined}
        onClick={props.onToggle}
      >
        <span className="nc-dot" aria-hidden="true" />
        <span className="nc-hit-text">
          <span className="nc-hit-name" dir="auto">
            {entity.name}
          </span>
          <span className="nc-hit-role" dir="auto">
            {entity.role}
          </span>
        </span>
        <span className="nc-hit-meta">
          <span className="nc-visually-hidden">{KIND_LABELS[entity.kind]}, </span>
          {hit.articleCount > 0 ? articles : ''}
        </span>
        <span className="nc-chevron" aria-hidden="true" />
      </button>
      {expanded && (
        <div className="nc-hit-panel" id={panelId}>
          {card === undefined && (
            <p className="nc-hit-status" role="status">
              Loading…
            </p>
          )}
          {card === null && <p className="nc-hit-status">No card for {entity.name}.</p>}
          {card && (
            <EntityCardView
              card={card}
              compact
              headingLevel={3}
              onOpenExcerpt={props.onOpenExcerpt}
              onSelectRelated={(relatedId) => {
                const related = card.related.find((candidate) => candidate.id === relatedId);
                if (related) props.onSelectEntity?.(related);
              }}
            />
          )}
          {props.onFilterByEntity && hit.articleCount > 0 && (
            <button type="button" className="nc-link-button" onClick={() => props.onFilterByEntity?.(entity.id)}>
              Show the {articles} that mention {entity.name}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** One article: title, outlet and date, snippet; opens the reader at the quoted passage. */
function ArticleResultItem(props: {
  result: ArticleResult;
  readerHref(target: ReaderTarget): string;
  onOpen(target: ReaderTarget): void;
}) {
  const { result } = props;
  const { article, snippet } = result;
  const titleId = useId();
  const detailsId = useId();
  const target: ReaderTarget = {
    articleId: article.id,
    ...(snippet.parts.length > 0 ? { start: snippet.passage[0], end: snippet.passage[1] } : {}),
  };
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A plain click opens the reader our way (next to the current tab); modified clicks keep the browser's meaning.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    props.onOpen(target);
  };
  const outlet = article.outlet === 'unknown' ? 'Outlet unknown' : article.outlet;
  const date = formatPartialDate(article.published.date, article.published.precision);
  return (
    <li className="nc-result">
      <a
        className="nc-result-link"
        href={props.readerHref(target)}
        target="_blank"
        rel="noopener"
        data-result-item=""
        aria-labelledby={titleId}
        aria-describedby={detailsId}
        onClick={onClick}
      >
        <span className="nc-result-title" id={titleId} dir="auto">
          <MarkedText parts={result.title} />
        </span>
        <span id={detailsId} className="nc-result-details">
          <span className="nc-result-meta">
            <span dir="auto">{outlet}</span>
            <span aria-hidden="true"> · </span>
            {article.published.date && article.published.precision !== 'unknown' ? (
              <time dateTime={article.published.date}>{date}</time>
            ) : (
              <span>{date}</span>
            )}
            {article.origin === 'import' && <span className="nc-badge">Imported</span>}
          </span>
          {snippet.parts.length > 0 && (
            <span className="nc-snippet" dir="auto">
              {snippet.cutBefore && '… '}
              <MarkedText parts={snippet.parts} />
              {snippet.cutAfter && ' …'}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
