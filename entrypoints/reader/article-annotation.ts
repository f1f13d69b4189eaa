import { useEffect, useState } from 'react';
import { loadCorpus, openDatabase } from '@/lib/extension/corpus-session';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { Highlighter } from '@/lib/page/highlighter';
import { type AnnotationSnapshot, PageAnnotator } from '@/lib/page/page-annotator';
import { readSettings } from '@/lib/storage/settings-store';

/** Elements the annotator leaves alone: metadata, the side column, the card. */
export const SKIP_ATTRIBUTE = 'data-nc-skip';

export interface ArticleAnnotation {
  highlighter: Highlighter | undefined;
  /** Entities found in the article, most mentioned first. */
  entities: AnnotationSnapshot['entities'];
}

/**
 * Marks the entities of the article on the reader page with the content
 * script's own pipeline (matcher, annotator, highlighter) and the same
 * entities and settings, so the reader sees what a news page would show.
 * Runs again when the article changes; torn down with the page.
 */
export function useArticleAnnotation(articleId: string | undefined): ArticleAnnotation {
  const [state, setState] = useState<ArticleAnnotation>({ highlighter: undefined, entities: [] });

  useEffect(() => {
    if (!articleId) return;
    let disposed = false;
    let annotator: PageAnnotator | undefined;
    let highlighter: Highlighter | undefined;
    void (async () => {
      const [{ catalog }, settings] = await Promise.all([
        loadCorpus(),
        readSettings(openDatabase()).catch(() => DEFAULT_SETTINGS),
      ]);
      if (disposed) return;
      highlighter = new Highlighter(document);
      const current = highlighter;
      annotator = new PageAnnotator({
        doc: document,
        matcher: catalog.newsPageMatcher(),
        entities: new Map(catalog.annotationEntities().map((entity) => [entity.id, entity])),
        highlighter: current,
        highlightMode: settings.highlightMode,
        skip: (element) => element.hasAttribute(SKIP_ATTRIBUTE),
        onUpdate: (snapshot) => {
          if (!disposed) setState({ highlighter: current, entities: snapshot.entities });
        },
      });
      await annotator.start();
      if (!disposed) setState({ highlighter: current, entities: annotator.snapshot().entities });
    })();
    return () => {
      disposed = true;
      annotator?.destroy();
      highlighter?.destroy();
      setState({ highlighter: undefined, entities: [] });
    };
  }, [articleId]);

  return state;
}
