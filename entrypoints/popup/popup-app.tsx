/**
 * The toolbar popup (issue #4): search the corpus, and see what is on the
 * current page. It wires the components to the extension: the corpus (loaded
 * in this page, see lib/extension/corpus-session.ts), the tab it was opened
 * on, the background (site state, cards) and the content script
 * (`annotations/get`, `mention/show-entity`).
 *
 * Which tab is "this page": the `?tab=<tabId>` query parameter when given
 * (tests, and opening popup.html as a page for a given tab); otherwise the
 * active tab of the current window; and when that is one of our own pages
 * (popup.html opened in a tab), the most recently used web page of the window.
 *
 * The first paint carries only the UI: the search box is enabled and focused
 * at once, and the corpus (bundled index, search engine, database) loads
 * right after; a query typed meanwhile runs as soon as it is ready.
 *
 * It records its own timings on `<html>` for the end-to-end tests and the
 * closing note of the issue, in ms from the popup's navigation start:
 * `data-ready-ms` (the search box takes input), `data-search-ready-ms` (the
 * bundled index is loaded: results can show) and, after each search,
 * `data-search-ms` (engine and snippets) and `data-input-ms` (key press to
 * results on screen).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Browser } from 'wxt/browser';
import { annotatesSite, OnThisPage, type PageStatus } from '@/components/on-this-page';
import { type RunSearch, SearchPanel, type SearchTiming } from '@/components/search-panel';
import type { ReaderTarget } from '@/components/search-results';
import { newsSiteMatchPatterns } from '@/lib/extension/news-sites';
import { readerPageLink } from '@/lib/extension/reader-page-url';

type Tab = Browser.tabs.Tab;
type PanelName = 'search' | 'page';

// The corpus (index, engine, database) and the page state (message schemas)
// load after the first paint: the search box takes input at once.
const corpusSession = () => import('@/lib/extension/corpus-session');
const pageState = () => import('./page-state');
const messaging = () => import('@/lib/extension/send-message');

const loadCard = (entityId: string) => corpusSession().then((session) => session.loadEntityCard(entityId));

function record(name: string, ms: number | undefined): void {
  if (ms !== undefined) document.documentElement.dataset[name] = ms.toFixed(1);
}

export function PopupApp() {
  const [runSearch, setRunSearch] = useState<RunSearch | undefined>(undefined);
  const [panel, setPanel] = useState<PanelName>('search');
  const [pageTab, setPageTab] = useState<Tab | undefined>(undefined);
  const [page, setPage] = useState<PageStatus>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [importMessage, setImportMessage] = useState<string | undefined>(undefined);
  const openedAsTab = useRef<boolean | undefined>(undefined);
  const tabsId = useId();

  useEffect(() => {
    // Not destructured: WXT auto-imports names exported by components/, and a
    // bare `loadCorpus` here would become a static import of the whole corpus.
    void corpusSession().then(async (session) => {
      const bundled = session.bundledSearch();
      setRunSearch(() => bundled.view.bind(bundled));
      record('searchReadyMs', performance.now());
      // The reader's own entities and imported articles join the bundled corpus when IndexedDB answers.
      const { search } = await session.loadCorpus();
      if (search !== bundled) setRunSearch(() => search.view.bind(search));
    });
    void browser.tabs.getCurrent().then((tab) => {
      openedAsTab.current = tab !== undefined;
    });
    void pageState().then(async ({ findPageTab, readPage }) => {
      const tab = await findPageTab();
      setPageTab(tab);
      setPage(await readPage(tab));
    });
  }, []);

  const refreshPage = useCallback(async () => setPage(await (await pageState()).readPage(pageTab)), [pageTab]);

  const openArticle = useCallback(
    async (target: ReaderTarget) => {
      await browser.tabs.create({
        url: readerPageLink(target),
        ...(pageTab?.id !== undefined ? { index: pageTab.index + 1, openerTabId: pageTab.id } : {}),
      });
      // A real popup closes once the reader opens; popup.html opened as a page stays.
      if (openedAsTab.current === false) window.close();
    },
    [pageTab],
  );

  const onTiming = useCallback((timing: SearchTiming) => {
    record('searchMs', timing.searchMs);
    record('inputMs', timing.inputToResultsMs);
  }, []);

  const onReady = useCallback(() => record('readyMs', performance.now()), []);

  const onAnnotate = (enabled: boolean) => {
    if (page.state !== 'ready' || pageTab?.id === undefined) return;
    const { site } = page;
    const tabId = pageTab.id;
    const origins = newsSiteMatchPatterns([site]);
    setBusy(true);
    const done = () => refreshPage().finally(() => setBusy(false));
    if (enabled) {
      // Requested in the click's own task: browsers grant optional permissions only during a user gesture.
      void browser.permissions
        .request({ origins })
        .then(async (granted) => {
          if (!granted) return;
          await (await messaging()).sendToBackground({ type: 'site/annotate', site, enabled: true });
          // Mark this page now, without a reload; later visits get the registered content script.
          await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
          await (await pageState()).waitForAnnotator(tabId);
        })
        .catch((error: unknown) => console.error('News Context: could not turn the site on', error))
        .finally(done);
    } else {
      void messaging()
        .then(({ sendToBackground }) => sendToBackground({ type: 'site/annotate', site, enabled: false }))
        .then(() => browser.permissions.remove({ origins }))
        .catch(() => false)
        .finally(done);
    }
  };

  const onPause = (paused: boolean) => {
    if (page.state !== 'ready') return;
    setBusy(true);
    void messaging()
      .then(({ sendToBackground }) => sendToBackground({ type: 'site/pause', site: page.site, paused }))
      .then(refreshPage)
      .finally(() => setBusy(false));
  };

  const onImportPage = () => {
    if (pageTab?.id === undefined || !pageTab.url) return;
    setImportMessage('Importing…');
    const tabId = pageTab.id;
    const url = pageTab.url;
    void import('./import-page')
      .then(({ importPage }) => importPage(tabId, url))
      .then(setImportMessage)
      .catch((error: unknown) => setImportMessage(`Could not import this page: ${(error as Error).message}`));
  };

  const onShowEntity = (entityId: string) => {
    if (pageTab?.id === undefined) return;
    const tabId = pageTab.id;
    void messaging()
      .then(({ sendToTab }) => sendToTab(tabId, { type: 'mention/show-entity', entityId }))
      .then((shown) => {
        // No content script answered (it was unloaded, or never ran): show what the page has now.
        if (shown === undefined) refreshPage();
      });
  };

  const entityCount =
    page.state === 'ready' && page.snapshot?.relevant && annotatesSite(page) && !page.siteState?.paused
      ? page.snapshot.entities.length
      : 0;

  const onTabKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = panel === 'search' ? 'page' : 'search';
    setPanel(next);
    document.getElementById(`${tabsId}-${next}-tab`)?.focus();
  };

  return (
    <div className="nc-popup">
      <header className="nc-popup-head">
        <h1 className="nc-brand">
          <span className="nc-brand-mark" aria-hidden="true" />
          News Context
        </h1>
        <div className="nc-tabs" role="tablist" aria-label="Panels">
          {(['search', 'page'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${tabsId}-${name}-tab`}
              aria-selected={panel === name}
              aria-controls={`${tabsId}-${name}-panel`}
              tabIndex={panel === name ? 0 : -1}
              className="nc-tab"
              onClick={() => setPanel(name)}
              onKeyDown={onTabKeyDown}
            >
              {name === 'search' ? 'Search' : 'On this page'}
              {name === 'page' && entityCount > 0 && <span className="nc-count">{entityCount}</span>}
            </button>
          ))}
        </div>
        {/* The timeline of events and statements (issue #15), in a tab of its own. */}
        <a className="nc-popup-timeline" href={browser.runtime.getURL('/timeline.html')} target="_blank" rel="noopener">
          Timeline
        </a>
      </header>
      <main className="nc-popup-body">
        <div
          role="tabpanel"
          id={`${tabsId}-search-panel`}
          aria-labelledby={`${tabsId}-search-tab`}
          hidden={panel !== 'search'}
        >
          <SearchPanel
            runSearch={runSearch}
            loadCard={loadCard}
            readerHref={readerPageLink}
            onOpenArticle={(target) => void openArticle(target)}
            onReady={onReady}
            onTiming={onTiming}
          />
        </div>
        <div
          role="tabpanel"
          id={`${tabsId}-page-panel`}
          aria-labelledby={`${tabsId}-page-tab`}
          hidden={panel !== 'page'}
        >
          <OnThisPage
            status={page}
            busy={busy}
            onAnnotate={onAnnotate}
            onPause={onPause}
            onShowEntity={onShowEntity}
            onImportPage={onImportPage}
            importMessage={importMessage}
          />
        </div>
      </main>
    </div>
  );
}
