/**
 * The popup's "On this page" tab (issue #4): the entities found on the
 * active tab with their counts, and the site switches ("Annotate this site",
 * "Pause on this site"). Presentational: the popup gathers the state and
 * does the work (messages, permissions).
 */
import { useId } from 'react';
import { KIND_LABELS } from '@/components/entity-card';
import type { AnnotationsSnapshot, SiteState } from '@/lib/extension/messages';

/** What the popup knows about the page it was opened on. */
export type PageStatus =
  | { state: 'loading' }
  /** A page we cannot run on (the browser's own pages, other extensions, files). */
  | { state: 'unsupported' }
  | {
      state: 'ready';
      site: string;
      /** Null when no content script answered: we do not run on this site (yet). */
      snapshot: AnnotationsSnapshot | null;
      siteState: SiteState | null;
      /** The optional host permission for this site was granted. */
      permitted: boolean;
    };

export interface OnThisPageProps {
  status: PageStatus;
  /** A switch is being applied (the page is being annotated again). */
  busy?: boolean;
  onAnnotate(enabled: boolean): void;
  onPause(paused: boolean): void;
  onShowEntity(entityId: string): void;
  /** "Import this page": adds the article in this tab to the reader's corpus. */
  onImportPage?(): void;
  /** What the last import said (imported, duplicate, or why not). */
  importMessage?: string;
}

/** Whether we annotate the site: a default news site, or one the reader turned on and permitted. */
export function annotatesSite(status: Extract<PageStatus, { state: 'ready' }>): boolean {
  const site = status.siteState;
  return Boolean(site && (site.defaultSite || (site.extraSite && status.permitted)));
}

export function OnThisPage({
  status,
  busy = false,
  onAnnotate,
  onPause,
  onShowEntity,
  onImportPage,
  importMessage,
}: OnThisPageProps) {
  const listId = useId();
  const annotateNoteId = useId();
  if (status.state === 'loading') {
    return (
      <p className="nc-page-message" role="status">
        Looking at this page…
      </p>
    );
  }
  if (status.state === 'unsupported') {
    return (
      <div className="nc-page">
        <p className="nc-page-message">
          News Context works on web pages. Open a news article, then open this panel again.
        </p>
      </div>
    );
  }

  const { site, snapshot, siteState } = status;
  const annotating = annotatesSite(status);
  const paused = siteState?.paused ?? false;
  const defaultSite = siteState?.defaultSite ?? false;
  // A paused page may still answer with what it found before: show nothing then.
  const entities = annotating && !paused && snapshot?.relevant ? snapshot.entities : [];
  const mentionTotal = entities.reduce((sum, entity) => sum + entity.count, 0);

  let summary: string;
  if (!annotating) summary = 'News Context does not run on this site. Turn it on to mark the entities it knows.';
  else if (paused) summary = 'Paused on this site: nothing is marked.';
  else if (!snapshot) summary = busy ? 'Reading the page…' : 'Reload the page to mark its entities.';
  else if (!snapshot.relevant) summary = 'This page does not seem to be about the story, so nothing is marked.';
  else
    summary = `${entities.length === 1 ? '1 entity' : `${entities.length} entities`}, ${mentionTotal === 1 ? '1 mention' : `${mentionTotal} mentions`}`;

  return (
    <div className="nc-page" aria-busy={busy}>
      <div className="nc-page-head">
        <p className="nc-page-site" dir="auto">
          {site}
        </p>
        <p className="nc-page-summary" role="status">
          {summary}
        </p>
      </div>

      <div className="nc-switches">
        <label className="nc-switch">
          <input
            type="checkbox"
            role="switch"
            checked={annotating}
            aria-checked={annotating}
            disabled={defaultSite || busy}
            aria-describedby={defaultSite ? annotateNoteId : undefined}
            onChange={(event) => onAnnotate(event.target.checked)}
          />
          <span className="nc-switch-track" aria-hidden="true" />
          <span className="nc-switch-label">Annotate this site</span>
          {defaultSite && (
            <span className="nc-switch-note" id={annotateNoteId}>
              On for news sites
            </span>
          )}
        </label>
        <label className="nc-switch">
          <input
            type="checkbox"
            role="switch"
            checked={paused}
            aria-checked={paused}
            disabled={!annotating || busy}
            onChange={(event) => onPause(event.target.checked)}
          />
          <span className="nc-switch-track" aria-hidden="true" />
          <span className="nc-switch-label">Pause on this site</span>
        </label>
      </div>

      {onImportPage && (
        <div className="nc-import-page">
          <button
            type="button"
            className="nc-filter-toggle"
            onClick={onImportPage}
            disabled={importMessage === 'Importing…'}
          >
            Import this page
          </button>
          <p className="nc-import-message" role="status" dir="auto">
            {importMessage ?? 'Add this article to your corpus: it becomes searchable and quoted in cards.'}
          </p>
        </div>
      )}

      {entities.length > 0 && (
        <section aria-labelledby={listId}>
          <h2 className="nc-section-heading" id={listId}>
            Entities on this page
          </h2>
          <ul className="nc-page-entities">
            {entities.map((entity) => (
              <li key={entity.id} className={`nc-kind-${entity.kind}`}>
                <button
                  type="button"
                  className="nc-page-entity"
                  title={`Go to the next mention of ${entity.name}`}
                  onClick={() => onShowEntity(entity.id)}
                >
                  <span className="nc-dot" aria-hidden="true" />
                  <span className="nc-page-entity-name" dir="auto">
                    {entity.name}
                  </span>
                  <span className="nc-page-entity-kind">{KIND_LABELS[entity.kind]}</span>
                  <span className="nc-page-entity-count">
                    {entity.count}
                    <span className="nc-visually-hidden">{entity.count === 1 ? ' mention' : ' mentions'}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
