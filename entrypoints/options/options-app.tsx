import { type KeyboardEvent, useCallback, useRef, useState } from 'react';
import { ArticlesPanel } from './articles-panel';
import { CandidatesPanel } from './candidates-panel';
import { EntitiesPanel } from './entities-panel';
import { HiddenPanel } from './hidden-panel';
import { ImportPanel } from './import-panel';
import { StoragePanel } from './storage-panel';
import { useCandidates } from './use-candidates';
import { useCorpus } from './use-corpus';

const TABS = [
  { id: 'import', label: 'Import' },
  { id: 'candidates', label: 'New entities' },
  { id: 'entities', label: 'Entities' },
  { id: 'articles', label: 'Your articles' },
  { id: 'hidden', label: 'Hidden' },
  { id: 'storage', label: 'Storage' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * The options page (issue #5): import articles, review the entities they
 * name, edit entities, manage imported articles and their trash, show hidden
 * entities again (issue #14), see storage. Everything
 * stays in this browser.
 */
export function OptionsApp() {
  const corpus = useCorpus();
  const candidates = useCandidates(corpus);
  const [tab, setTab] = useState<TabId>(() => tabFromHash());
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  const select = useCallback((next: TabId, focus = false) => {
    setTab(next);
    history.replaceState(null, '', `#${next}`);
    if (focus) tabRefs.current.get(next)?.focus();
  }, []);

  // Arrow keys move between tabs, as in every tab list (WAI-ARIA).
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const position = TABS.findIndex((entry) => entry.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select((event.key === 'Home' ? TABS[0] : TABS[TABS.length - 1])?.id ?? 'import', true);
    } else if (step) {
      event.preventDefault();
      select((TABS[(position + step + TABS.length) % TABS.length] as (typeof TABS)[number]).id, true);
    }
  };

  const pending = candidates.scan.candidates.length;

  return (
    <div className="opt-page">
      <header className="opt-header">
        <div className="opt-brand">
          <span className="opt-logo" aria-hidden="true">
            NC
          </span>
          <div>
            <h1>News Context</h1>
            <p className="opt-tagline">
              Your articles and entities. Everything stays in this browser.{' '}
              {/* The privacy policy the stores link to (issue #16), shipped as public/privacy.html. */}
              <a href="/privacy.html" target="_blank" rel="noopener">
                Privacy policy
              </a>
            </p>
          </div>
        </div>
        <div className="opt-tabs" role="tablist" aria-label="Sections">
          {TABS.map((entry) => (
            <button
              key={entry.id}
              ref={(element) => {
                if (element) tabRefs.current.set(entry.id, element);
              }}
              type="button"
              role="tab"
              id={`opt-tab-${entry.id}`}
              aria-selected={tab === entry.id}
              aria-controls={`opt-panel-${entry.id}`}
              tabIndex={tab === entry.id ? 0 : -1}
              className="opt-tab"
              onClick={() => select(entry.id)}
              onKeyDown={onTabKey}
            >
              {entry.label}
              {entry.id === 'candidates' && pending > 0 && (
                <span className="opt-count">
                  {pending}
                  <span className="opt-visually-hidden"> to review</span>
                </span>
              )}
            </button>
          ))}
        </div>
      </header>
      <main
        className="opt-main"
        role="tabpanel"
        id={`opt-panel-${tab}`}
        aria-labelledby={`opt-tab-${tab}`}
        tabIndex={-1}
      >
        {!corpus.catalog ? (
          <p className="opt-muted">Opening your corpus…</p>
        ) : tab === 'import' ? (
          <ImportPanel
            corpus={corpus}
            onImported={(articleIds) => {
              // Every imported article, not only the new ones: pending candidates stay, and counts add up (issue #11).
              if (articleIds.length) void candidates.look();
            }}
            onReviewCandidates={() => select('candidates')}
            candidateCount={pending}
            lookingForCandidates={candidates.scan.progress !== undefined}
          />
        ) : tab === 'candidates' ? (
          <CandidatesPanel corpus={corpus} candidates={candidates} />
        ) : tab === 'entities' ? (
          <EntitiesPanel
            corpus={corpus}
            // A deleted entity frees the proposal it came from; its Undo takes it back (issue #14).
            onProposalsChanged={(catalog) => void candidates.look(catalog)}
          />
        ) : tab === 'articles' ? (
          <ArticlesPanel corpus={corpus} />
        ) : tab === 'hidden' ? (
          <HiddenPanel corpus={corpus} />
        ) : (
          <StoragePanel corpus={corpus} />
        )}
      </main>
    </div>
  );
}

function tabFromHash(): TabId {
  const wanted = location.hash.slice(1);
  return TABS.find((entry) => entry.id === wanted)?.id ?? 'import';
}
