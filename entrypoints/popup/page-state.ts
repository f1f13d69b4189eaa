/**
 * What the popup needs to know about the page it was opened on: which tab
 * that is, what our content script found there, and the site's state. Loaded
 * after the popup's first paint (it brings the message schemas with it).
 */
import type { Browser } from 'wxt/browser';
import type { PageStatus } from '@/components/on-this-page';
import { newsSiteMatchPatterns } from '@/lib/extension/news-sites';
import { sendToBackground, sendToTab } from '@/lib/extension/send-message';
import { isWebPageUrl, siteOf } from '@/lib/model/settings';

type Tab = Browser.tabs.Tab;

function isOwnPage(url: string | undefined): boolean {
  return !url || url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The tab the popup is about: the `?tab=<tabId>` query parameter when given
 * (tests, and opening popup.html as a page for a given tab); otherwise the
 * active tab of the current window; and when that is one of our own pages
 * (popup.html opened in a tab), the most recently used web page of the window.
 */
export async function findPageTab(search = location.search): Promise<Tab | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param)).catch(() => undefined);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active && !isOwnPage(active.url)) return active;
  const others = (await browser.tabs.query({ currentWindow: true })).filter(
    (tab) => !isOwnPage(tab.url) && isWebPageUrl(tab.url),
  );
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** The content script's answer for the tab, or null when none answers (we do not run there). */
export async function readAnnotations(tabId: number) {
  return (await sendToTab(tabId, { type: 'annotations/get' })) ?? null;
}

/** Everything "On this page" shows about `tab`. */
export async function readPage(tab: Tab | undefined): Promise<PageStatus> {
  if (tab?.id === undefined || !isWebPageUrl(tab.url)) return { state: 'unsupported' };
  const site = siteOf(tab.url ?? '');
  const [snapshot, siteState, permitted] = await Promise.all([
    readAnnotations(tab.id),
    sendToBackground({ type: 'site/state', site }).then((state) => state ?? null),
    browser.permissions.contains({ origins: newsSiteMatchPatterns([site]) }).catch(() => false),
  ]);
  return { state: 'ready', site, snapshot, siteState, permitted };
}

/** After injecting the content script: wait (up to ~3 s) until it answers, so the list shows what it found. */
export async function waitForAnnotator(tabId: number): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await readAnnotations(tabId)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
