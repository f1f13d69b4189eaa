import { defineConfig } from 'wxt';
import { newsSiteMatchPatterns } from './lib/extension/news-sites';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
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
      // annotate are host permissions, the popup's tab comes with activeTab) and no `storage` (IndexedDB needs none).
      // tests/unit/extension/manifest-permissions.test.ts fails when one is added; the README says what each is for.
      permissions: ['unlimitedStorage', 'scripting', 'activeTab'],
      host_permissions: hosts,
      optional_host_permissions: ['*://*/*'],
      action: { default_title: 'News Context' },
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
            browser_specific_settings: {
              gecko: { id: 'news-context@example.org', strict_min_version: '128.0' },
            },
            // Firefox's MV2 build takes optional host permissions here.
            optional_permissions: ['*://*/*'],
          }
        : {}),
    };
  },
});
