import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { KIND_LABELS } from '@/components/entity-card';
import type { CardExcerpt } from '@/lib/corpus/entity-card';
import { loadArticle, loadCorpus, loadEntityCard } from '@/lib/extension/corpus-session';
import { parseReaderHash, readerPageLink, readerUrl } from '@/lib/extension/reader-page-url';
import { formatPartialDate } from '@/lib/model/format-date';
import type { IndexedArticle } from '@/lib/model/index-schema';
import { HIGHLIGHT_CSS } from '@/lib/page/highlight-style';
import type { RelatedArticle } from '@/lib/search/corpus-search';
import { SKIP_ATTRIBUTE, useArticleAnnotation } from './article-annotation';
import { useReaderCards } from './reader-card';

/**
 * The reader page (issue #4): one article of the corpus, seed or imported,
 * with its entities marked by the same matcher and cards as news pages, its
 * metadata and a link to the original, and the other articles that share
 * its entities. Opens scrolled to a passage (`#article=ID&start=N&end=M`):
 * where a card's "Read the full article" and the popup's results land.
 */
export function ReaderApp() {
  const [hash, setHash] = useState(() => parseReaderHash(location.hash));
  useEffect(() => {
    const onHash = () => setHash(parseReaderHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const [loaded, setLoaded] = useState<{ id: string | undefined; article: IndexedArticle | undefined } | undefined>();
  useEffect(() => {
    let current = true;
    const id = hash.articleId;
    if (!id) setLoaded({ id, article: undefined });
    else void loadArticle(id).then((article) => current && setLoaded({ id, article }));
    return () => {
      current = false;
    };
  }, [hash.articleId]);

  const article = loaded?.id === hash.articleId ? loaded?.article : undefined;
  useEffect(() => {
    document.title = article ? `${article.title} · News Context` : 'News Context reader';
  }, [article]);

  if (!loaded || loaded.id !== hash.articleId) {
    return (
      <main className="nc-reader">
        <p className="nc-reader-status" role="status">
          Opening the article…
        </p>
      </main>
    );
  }
  if (!article) {
    return (
      <main className="nc-reader">
        <h1>Article not found</h1>
        <p>This article is not in the corpus. It may have been deleted.</p>
      </main>
    );
  }
  // Keyed by passage too: a new excerpt of the same article scrolls again.
  return <ArticleView key={`${article.id}:${hash.start}`} article={article} start={hash.start} end={hash.end} />;
}

function ArticleView({ article, start, end }: { article: IndexedArticle; start?: number; end?: number }) {
  const passage = useRef<HTMLElement>(null);
  const paragraphs = useMemo(() => splitWithOffsets(article.text), [article.text]);
  const { highlighter, entities } = useArticleAnnotation(article.id);
  const [related, setRelated] = useState<RelatedArticle[] | undefined>(undefined);
  const entitiesId = useId();
  const relatedId = useId();

  useLayoutEffect(() => {
    passage.current?.scrollIntoView({ block: 'center' });
    passage.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    let current = true;
    void loadCorpus().then(({ search }) => current && setRelated(search.related(article.id, 5)));
    return () => {
      current = false;
    };
  }, [article.id]);

  const openExcerpt = useCallback((excerpt: CardExcerpt) => {
    location.hash = readerUrl('', excerpt);
  }, []);
  const cards = useReaderCards(highlighter, loadEntityCard, openExcerpt);
  const skip = { [SKIP_ATTRIBUTE]: '' };
  const outlet = article.outlet === 'unknown' ? 'Outlet unknown' : article.outlet;

  return (
    <div className="nc-reader-layout">
      <style>{HIGHLIGHT_CSS}</style>
      <main className="nc-reader">
        <article lang={article.language}>
          <header className="nc-reader-head">
            <p className="nc-reader-outlet" {...skip}>
              <span dir="auto">{outlet}</span>
              {' · '}
              {article.published.date ? (
                <time dateTime={article.published.date}>
                  {formatPartialDate(article.published.date, article.published.precision)}
                </time>
              ) : (
                'Undated'
              )}
              {article.published.basis === 'inferred' && (
                <span className="nc-reader-inferred" title={article.published.reason}>
                  {' '}
                  (date inferred)
                </span>
              )}
              {article.origin === 'import' && <span className="nc-reader-badge">Imported</span>}
            </p>
            <h1 dir="auto">{article.title}</h1>
            <div {...skip}>
              {article.titleSource === 'ours' && (
                <p className="nc-reader-note">Headline written by News Context; the source has none.</p>
              )}
              {article.byline !== 'unknown' && (
                <p className="nc-reader-byline" dir="auto">
                  By {article.byline}
                </p>
              )}
              {article.published.basis === 'inferred' && (
                <details className="nc-reader-why">
                  <summary>Why this date?</summary>
                  <p dir="auto">{article.published.reason}</p>
                </details>
              )}
              {article.url && (
                <p className="nc-reader-original">
                  <a href={article.url} rel="noreferrer noopener" target="_blank">
                    Read the original
                    <span className="nc-visually-hidden"> (opens the source site)</span>
                  </a>
                </p>
              )}
            </div>
          </header>
          <div className="nc-reader-text" dir="auto">
            {paragraphs.map((paragraph) => {
              const hasPassage = start !== undefined && start >= paragraph.start && start < paragraph.end;
              if (!hasPassage || start === undefined) {
                return (
                  <p key={paragraph.start} dir="auto">
                    {paragraph.text}
                  </p>
                );
              }
              const from = start - paragraph.start;
              const to = Math.min(paragraph.text.length, (end ?? paragraph.end) - paragraph.start);
              return (
                <p key={paragraph.start} dir="auto">
                  {paragraph.text.slice(0, from)}
                  <mark ref={passage} tabIndex={-1} className="nc-reader-passage">
                    {paragraph.text.slice(from, to)}
                  </mark>
                  {paragraph.text.slice(to)}
                </p>
              );
            })}
          </div>
        </article>
      </main>

      <aside className="nc-reader-aside" {...skip}>
        {/* Issue #15: this article's statements among the others, on one time axis. */}
        <p className="nc-reader-timeline">
          <a href={browser.runtime.getURL('/timeline.html')}>Open the timeline</a>
        </p>
        <section aria-labelledby={relatedId}>
          <h2 className="nc-reader-aside-heading" id={relatedId}>
            Also mentioned in
          </h2>
          {related === undefined ? null : related.length === 0 ? (
            <p className="nc-reader-note">No other article shares its people, places or events.</p>
          ) : (
            <ul className="nc-reader-related">
              {related.map((entry) => (
                <li key={entry.article.id}>
                  <a href={readerPageLink({ articleId: entry.article.id })} className="nc-reader-related-link">
                    <span className="nc-reader-related-title" dir="auto">
                      {entry.article.title}
                    </span>
                    <span className="nc-reader-related-meta">
                      <span dir="auto">
                        {entry.article.outlet === 'unknown' ? 'Outlet unknown' : entry.article.outlet}
                      </span>
                      {' · '}
                      {formatPartialDate(entry.article.published.date, entry.article.published.precision)}
                    </span>
                    <span className="nc-reader-related-shared">
                      Shares {listNames(entry.shared.map((entity) => entity.name))}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        {entities.length > 0 && (
          <section aria-labelledby={entitiesId}>
            <h2 className="nc-reader-aside-heading" id={entitiesId}>
              In this article
            </h2>
            <ul className="nc-reader-entities">
              {entities.map((entity) => (
                <li key={entity.id} className={`nc-kind-${entity.kind}`}>
                  <button
                    type="button"
                    className="nc-reader-entity"
                    title={`Go to ${entity.name} in the text`}
                    onClick={(event) => cards.revealEntity(entity.id, event.currentTarget)}
                  >
                    <span className="nc-dot" aria-hidden="true" />
                    <span className="nc-reader-entity-name" dir="auto">
                      {entity.name}
                    </span>
                    <span className="nc-visually-hidden">, {KIND_LABELS[entity.kind]}, </span>
                    <span className="nc-reader-entity-count">
                      {entity.count}
                      <span className="nc-visually-hidden">{entity.count === 1 ? ' mention' : ' mentions'}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
      {cards.layer}
    </div>
  );
}

/** "A, B and 3 more": the first few names, then a count. */
function listNames(names: readonly string[], shown = 3): string {
  const head = names.slice(0, shown);
  const rest = names.length - head.length;
  if (rest > 0) return `${head.join(', ')} and ${rest} more`;
  if (head.length <= 1) return head.join('');
  return `${head.slice(0, -1).join(', ')} and ${head[head.length - 1]}`;
}

/** Paragraphs of a cleaned article with their offsets, so excerpt offsets can be found in them. */
function splitWithOffsets(text: string): { start: number; end: number; text: string }[] {
  const paragraphs: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    paragraphs.push({ start, end: start + part.length, text: part });
    start += part.length + 2;
  }
  return paragraphs;
}
