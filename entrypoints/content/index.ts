import { newsSiteMatchPatterns } from '@/lib/extension/news-sites';
import { startAnnotating } from './annotate';

export default defineContentScript({
  matches: newsSiteMatchPatterns(),
  runAt: 'document_idle',
  // Card CSS is passed to the shadow root as a string: no web-accessible CSS file for pages to probe.
  cssInjectionMode: 'manual',
  // WXT's legacy `window.postMessage` start-up ping would be a message channel the page can see (issue #3).
  noScriptStartedPostMessage: true,
  main(ctx) {
    return startAnnotating(ctx);
  },
});
