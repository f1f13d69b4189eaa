import { useEffect, useMemo, useRef, useState } from 'react';
import { loadBundledIndex } from '@/lib/bundled-index';
import type { IndexedArticle } from '@/lib/corpus-index';
import { formatPartialDate } from '@/lib/format-date';
import { parseReaderHash } from '@/lib/reader-url';

/**
 * The reader page: one article of the corpus, with its metadata and a link
 * to the original, scrolled to the passage a card quoted.
 */
export function ReaderApp() {
  const [hash, setHash] = useState(() => parseReaderHash(location.hash));
  useEffect(() => {
    const onHash = () => setHash(parseReaderHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const article = useMemo(
    () => loadBundledIndex().index.articles.find((candidate) => candidate.id === hash.articleId),
    [hash.articleId],
  );
  useEffect(() => {
    document.title = article ? `${article.title} · News Context` : 'News Context reader';
  }, [article]);

  if (!article) {
    return (
      <main className="nc-reader">
        <h1>Article not found</h1>
        <p>This article is not in the corpus. It may have been deleted.</p>
      </main>
    );
  }
  return <ArticleView article={article} start={hash.start} end={hash.end} />;
}

function ArticleView({ article, start, end }: { article: IndexedArticle; start?: number; end?: number }) {
  const passage = useRef<HTMLElement>(null);
  const paragraphs = useMemo(() => splitWithOffsets(article.text), [article.text]);
  useEffect(() => {
    passage.current?.scrollIntoView({ block: 'center' });
    passage.current?.focus({ preventScroll: true });
  }, []);

  return (
    <main className="nc-reader">
      <article>
        <header className="nc-reader-head">
          <p className="nc-reader-outlet">
            {article.outlet === 'unknown' ? 'Outlet unknown' : article.outlet}
            {' · '}
            <time dateTime={article.published.date ?? undefined}>
              {formatPartialDate(article.published.date, article.published.precision)}
            </time>
            {article.published.basis === 'inferred' && <span className="nc-reader-inferred"> (date inferred)</span>}
          </p>
          <h1 dir="auto">{article.title}</h1>
          {article.titleSource === 'ours' && (
            <p className="nc-reader-note">Headline written by News Context; the source has none.</p>
          )}
          {article.byline !== 'unknown' && <p className="nc-reader-byline">By {article.byline}</p>}
          {article.url && (
            <p>
              <a href={article.url} rel="noreferrer noopener" target="_blank">
                Read the original
              </a>
            </p>
          )}
        </header>
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
      </article>
    </main>
  );
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
