/**
 * "Add to News Context" on selected text (issue #11): the selection and its
 * page travel to the options page in its address (no message, no storage),
 * where the Entities tab opens "New entity" prefilled. The name is checked
 * there, where the knowledge base is at hand, so a bad selection gets the
 * same clear message as a typed name.
 */

/** The context menu item's id. */
export const ADD_SELECTION_MENU_ID = 'add-to-news-context';

/** A selection longer than this is cut before it travels: the form refuses anything past 120 characters anyway. */
const MAX_CARRIED_CHARS = 2000;

export interface SelectionDraft {
  name: string;
  pageUrl?: string;
}

/**
 * The options page's address for a selection: `options.html?new-entity=…&page=…#entities`.
 *
 * @example newEntityUrl('/options.html', 'Simon Karam', 'https://example.org/a') // '/options.html?new-entity=Simon+Karam&page=https%3A%2F%2Fexample.org%2Fa#entities'
 */
export function newEntityUrl(optionsUrl: string, selection: string, pageUrl?: string): string {
  const params = new URLSearchParams({
    'new-entity': selection.replace(/\s+/g, ' ').trim().slice(0, MAX_CARRIED_CHARS),
  });
  if (pageUrl && /^https?:/i.test(pageUrl)) params.set('page', pageUrl);
  return `${optionsUrl}?${params.toString()}#entities`;
}

/** The selection an options page address carries, or undefined when it carries none. */
export function selectionDraftFrom(search: string): SelectionDraft | undefined {
  const params = new URLSearchParams(search);
  const name = params.get('new-entity');
  if (name === null) return undefined;
  const pageUrl = params.get('page') ?? undefined;
  return { name, ...(pageUrl && /^https?:/i.test(pageUrl) ? { pageUrl } : {}) };
}

/**
 * Adds "Add “…” to News Context" to the context menu of selected text; a
 * click opens the options page with the selection. Call once from the
 * background's main.
 */
export function registerAddSelectionMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: ADD_SELECTION_MENU_ID,
      title: 'Add “%s” to News Context',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== ADD_SELECTION_MENU_ID || !info.selectionText?.trim()) return;
    void browser.tabs.create({
      url: newEntityUrl(browser.runtime.getURL('/options.html'), info.selectionText, info.pageUrl),
    });
  });
}
