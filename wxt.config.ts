import { defineConfig } from 'wxt';
import { newsSiteMatchPatterns } from './lib/news-sites';

// Test builds (`wxt build --mode test`) may also run on localhost; the
// production build never does (issue #3).
const LOCALHOST_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser, mode }) => {
    const hosts = newsSiteMatchPatterns();
    if (mode === 'test') hosts.push(...LOCALHOST_PATTERNS);
    return {
      name: 'News Context',
      description:
        'Background on the people, organisations, places and events in the news you read, from a local curated corpus. No server, no account.',
      permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'tabs'],
      host_permissions: hosts,
      optional_host_permissions: ['*://*/*'],
      action: { default_title: 'News Context' },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: { id: 'news-context@example.org', strict_min_version: '128.0' },
            },
          }
        : {}),
    };
  },
});
