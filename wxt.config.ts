import { defineConfig } from 'wxt';
import { newsSiteMatchPatterns } from './lib/news-sites';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => {
    // The default news sites only. End-to-end tests run this same production
    // build on local pages by mapping news hosts to localhost in Chromium, so
    // no build ever needs localhost permissions (issue #3).
    const hosts = newsSiteMatchPatterns();
    return {
      name: 'News Context',
      description:
        'Background on the people, organisations, places and events in the news you read, from a local curated corpus. No server, no account.',
      permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'tabs'],
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
