import { newsSiteMatchPatterns } from '@/lib/extension/news-sites';
import { HIGHLIGHT_STYLESHEET } from '@/lib/page/highlight-style';

const SCRIPT_ID = 'news-context-extra-sites';

/**
 * Registers the content script on the sites the reader opted into ("Annotate
 * this site"), for which they granted an optional host permission. Sites
 * whose permission was since withdrawn are left out.
 */
export async function syncSiteScripts(extraSites: readonly string[]): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const granted: string[] = [];
  for (const pattern of newsSiteMatchPatterns(extraSites)) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted,
      js: ['content-scripts/content.js'],
      // As on the default sites (wxt.config.ts): the colours are there before the page's first style pass.
      css: [HIGHLIGHT_STYLESHEET],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
