import { defineConfig } from 'wxt';
import { newsSiteMatchPatterns } from './lib/extension/news-sites';
import { HIGHLIGHT_CSS, HIGHLIGHT_STYLESHEET } from './lib/page/highlight-style';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The sources zip AMO asks for (issue #16) holds what rebuilds the add-on
  // (`npm ci && npm run build:firefox`), not our tests and their fixtures;
  // tests/release/ checks it.
  zip: { excludeSources: ['tests/**', 'test-results/**', 'playwright-report/**'] },
  hooks: {
    // Our highlight colours as a stylesheet the content script declares: the
    // browser adds it before the page's first style pass. Added later (by
    // `scripting.insertCSS` once a page had highlights), it made Chromium
    // restyle every element: 217–302 ms in one task on the 2 MB test page
    // (npm run bench). It holds only `::highlight(news-context-…)` rules, so
    // pages without highlights are styled exactly as before.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_STYLESHEET, contents: HIGHLIGHT_CSS });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.includes('content-scripts/content.js'))
          script.css = [...(script.css ?? []), HIGHLIGHT_STYLESHEET];
      }
    },
    // The extension pages' build only (scripts are single IIFE bundles): the
    // popup's first paint needs React and its own UI, not the corpus. Without
    // these groups, everything the pages share lands in one chunk with the
    // bundled index, Zod, Dexie and MiniSearch, and the popup waits for all of
    // it before it paints (issue #4: interactive within 150 ms). The corpus
    // now loads right after the first paint (entrypoints/popup/popup-app.tsx).
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entrypoint) => entrypoint.inputPath.endsWith('.html'))) return;
      viteConfig.build ??= {};
      viteConfig.build.rolldownOptions ??= {};
      viteConfig.build.rolldownOptions.output = {
        ...viteConfig.build.rolldownOptions.output,
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            // The popup's UI and the few light modules it renders with (none imports Zod, Dexie or the index).
            {
              name: 'popup-ui',
              test: (id) =>
                /[\\/]components[\\/](entity-card\.css|(entity-card|search-panel|search-results|search-filters|on-this-page)\.tsx$)/.test(
                  id,
                ) ||
                /[\\/]lib[\\/](model[\\/]format-date|search[\\/]search-filters|extension[\\/]reader-page-url|extension[\\/]news-sites)\.ts$/.test(
                  id,
                ) ||
                /node_modules[\\/](wxt|@wxt-dev[\\/]browser)[\\/]/.test(id),
              priority: 2,
            },
          ],
        },
      };
    },
  },
  manifest: ({ browser }) => {
    // The default news sites only. End-to-end tests run this same production
    // build on local pages by mapping news hosts to localhost in Chromium, so
    // no build ever needs localhost permissions (issue #3).
    const hosts = newsSiteMatchPatterns();
    return {
      name: 'News Context',
      description:
        'Background on the people, organisations, places and events in the news you read, from a local curated corpus. No server, no account.',
      // Least privilege (issue #14): no `tabs` (its "Read your browsing history" warning bought nothing: the hosts we
      // annotate are host permissions, the popup's tab comes with activeTab) and no `storage` (IndexedDB needs none). `contextMenus`
      // is "Add to News Context" on a selection (issue #11).
      // tests/unit/extension/manifest-permissions.test.ts fails when one is added; the README says what each is for.
      permissions: ['unlimitedStorage', 'scripting', 'activeTab', 'contextMenus'],
      host_permissions: hosts,
      optional_host_permissions: ['*://*/*'],
      action: { default_title: 'News Context' },
      // The card frame (issue #13): pages may frame card.html, only through the
      // per-session dynamic id, so a page cannot probe for the extension by URL.
      web_accessible_resources: [{ resources: ['card.html'], matches: ['*://*/*'], use_dynamic_url: true }],
      commands: {
        'next-mention': {
          suggested_key: { default: 'Alt+Shift+N' },
          description: 'Go to the next highlighted mention and open its card',
        },
        'previous-mention': {
          suggested_key: { default: 'Alt+Shift+P' },
          description: 'Go to the previous highlighted mention and open its card',
        },
      },
      ...(browser === 'firefox'
        ? {
            // Issue #16. Firefox gets WXT's default Manifest V2 build: its
            // background is a persistent page, so the bundled index is loaded
            // once and stays loaded, where MV3 (an event page in Firefox)
            // would load it again after every idle unload; AMO keeps
            // accepting MV2 with no end date, and every API we use (scripting,
            // the Highlight API, optional host permissions) works there.
            browser_specific_settings: {
              gecko: {
                id: 'news-context@newscontext.dev',
                // 140 (ESR): the first release that reads data_collection_permissions.
                strict_min_version: '140.0',
                // Nothing leaves the browser (public/privacy.html; the e2e tests check for requests).
                data_collection_permissions: { required: ['none'] },
              },
              // Firefox for Android reads data_collection_permissions from 142.
              gecko_android: { strict_min_version: '142.0' },
            },
            // Firefox's MV2 build takes optional host permissions here.
            optional_permissions: ['*://*/*'],
          }
        : {
            // Issue #16: the CSS Custom Highlight API (Chrome 105) is the
            // newest API we need; scripting.registerContentScripts is 96.
            minimum_chrome_version: '105',
          }),
    };
  },
});
