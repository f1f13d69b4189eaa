/**
 * "Add to News Context" on selected text (issue #11): the selection and its
 * page travel to the options page in its address (no message, no storage),
 * where the Entities tab opens "New entity" prefilled. The name is checked
 * there, where the knowledge base is at hand, so a bad selection gets the
 * same clear message as a typed name.
 *
 * The address also carries the tab and frame, so the form can read what the
 * selection was said in: its sentence, the page's outlet and date. The
 * context menu click grants `activeTab` on that tab until it navigates, so
 * the options page may read it as the popup's "Import this page" does; the
 * same read lets the reader import the page's article with the new entity,
 * which gives its card a dated excerpt with its outlet.
 */
import { siteOf } from '../model/settings';
import { readPageDate } from '../page/page-date';
import { sentenceAround } from '../text/sentence-around';

/** The context menu item's id. */
export const ADD_SELECTION_MENU_ID = 'add-to-news-context';

/** A selection longer than this is cut before it travels: the form refuses anything past 120 characters anyway. */
const MAX_CARRIED_CHARS = 2000;
/** The block read around a selection, each side: a paragraph, not the page. */
const MAX_BLOCK_CHARS = 4000;

export interface SelectionDraft {
  name: string;
  pageUrl?: string;
  /** The tab and frame the selection was made in, to read its sentence, outlet and date. */
  tabId?: number;
  frameId?: number;
}

/**
 * The options page's address for a selection: `options.html?new-entity=…&page=…&tab=…#entities`.
 *
 * @example newEntityUrl('/options.html', 'Simon Karam', 'https://example.org/a') // '/options.html?new-entity=Simon+Karam&page=https%3A%2F%2Fexample.org%2Fa#entities'
 */
export function newEntityUrl(
  optionsUrl: string,
  selection: string,
  pageUrl?: string,
  where?: { tabId?: number; frameId?: number },
): string {
  const params = new URLSearchParams({
    'new-entity': selection.replace(/\s+/g, ' ').trim().slice(0, MAX_CARRIED_CHARS),
  });
  if (pageUrl && /^https?:/i.test(pageUrl)) params.set('page', pageUrl);
  if (where?.tabId !== undefined && where.tabId >= 0) params.set('tab', String(where.tabId));
  if (where?.frameId !== undefined && where.frameId >= 0) params.set('frame', String(where.frameId));
  return `${optionsUrl}?${params.toString()}#entities`;
}

const wholeNumber = (value: string | null) => (value !== null && /^\d{1,10}$/.test(value) ? Number(value) : undefined);

/** The selection an options page address carries, or undefined when it carries none. */
export function selectionDraftFrom(search: string): SelectionDraft | undefined {
  const params = new URLSearchParams(search);
  const name = params.get('new-entity');
  if (name === null) return undefined;
  const pageUrl = params.get('page') ?? undefined;
  const tabId = wholeNumber(params.get('tab'));
  const frameId = wholeNumber(params.get('frame'));
  return {
    name,
    ...(pageUrl && /^https?:/i.test(pageUrl) ? { pageUrl } : {}),
    ...(tabId !== undefined ? { tabId } : {}),
    ...(frameId !== undefined ? { frameId } : {}),
  };
}

/** What the page around a selection gives the new entity. */
export interface SelectionContext {
  /** The sentence the selection was made in, as the page writes it. */
  sentence?: string;
  outlet?: string;
  /** The page's stated date (`YYYY-MM-DD` or `YYYY-MM`). */
  date?: string;
  title?: string;
}

/** What the tab sends back: its document serialized, and the text of the block holding the selection. */
export interface SelectionPage {
  html: string;
  block: string;
  /** Where the selection starts in `block`, or -1 when it was not found there. */
  offset: number;
  selection: string;
}

function isSelectionPage(value: unknown): value is SelectionPage {
  if (!value || typeof value !== 'object') return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.html === 'string' &&
    typeof page.block === 'string' &&
    typeof page.offset === 'number' &&
    typeof page.selection === 'string'
  );
}

/**
 * Reads the selection's page from its tab (the `activeTab` grant of the
 * context menu click). Undefined when the tab navigated, closed, or cannot
 * be read.
 */
export async function readSelectionPage(tabId: number, frameId = 0): Promise<SelectionPage | undefined> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      args: [MAX_BLOCK_CHARS],
      // Runs in the page, so it is self-contained: it only collects text; the page's document is parsed here, inert.
      func: (maxBlock: number) => {
        const selected = getSelection();
        const selection = selected?.toString() ?? '';
        let node: Node | null = selected && selected.rangeCount > 0 ? selected.getRangeAt(0).startContainer : null;
        while (
          node &&
          !(node instanceof HTMLElement && /^(P|LI|BLOCKQUOTE|TD|DD|H[1-6]|ARTICLE|BODY)$/.test(node.tagName))
        )
          node = node.parentNode;
        const whole = (node as HTMLElement | null)?.innerText ?? '';
        const at = whole.indexOf(selection.trim());
        const from = Math.max(0, at - maxBlock);
        return {
          html: new XMLSerializer().serializeToString(document),
          block: whole.slice(from, Math.max(at, 0) + selection.length + maxBlock),
          offset: at < 0 ? -1 : at - from,
          selection: selection.trim(),
        };
      },
    });
    return isSelectionPage(injection?.result) ? injection.result : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sentence, outlet, date and title of a selection's page: the date as
 * the corpus reads a page's date (`readPageDate`), the outlet as Open Graph
 * states it, else the site.
 *
 * @example selectionContext(page, new DOMParser().parseFromString(page.html, 'text/html'), url).sentence
 */
export function selectionContext(page: SelectionPage, doc: Document, pageUrl?: string): SelectionContext {
  const meta = (property: string) =>
    doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content')?.trim();
  const outlet = meta('og:site_name') || meta('application-name') || (pageUrl ? siteOf(pageUrl) : undefined);
  const date = readPageDate(doc)?.date;
  const title = meta('og:title') || doc.title.trim() || undefined;
  let sentence: string | undefined;
  if (page.offset >= 0 && page.selection) {
    const [start, end] = sentenceAround(page.block, page.offset, page.offset + page.selection.length, 600);
    sentence = page.block.slice(start, end).replace(/\s+/g, ' ').trim() || undefined;
  }
  return {
    ...(sentence ? { sentence } : {}),
    ...(outlet ? { outlet } : {}),
    ...(date ? { date } : {}),
    ...(title ? { title } : {}),
  };
}

/**
 * The background a new entity starts with: where it was first seen, dated,
 * with its sentence, so it keeps its source even when the page is not imported.
 *
 * @example firstSeenBackground({ sentence: 'Karam led the delegation.', outlet: 'Naharnet', date: '2025-12-03' }, url)
 */
export function firstSeenBackground(context: SelectionContext, pageUrl?: string): string {
  const source = [context.outlet, context.date].filter(Boolean).join(', ');
  const where = source ? `First seen in ${source}` : 'First seen';
  const quote = context.sentence ? `: “${context.sentence}”` : '';
  const link = pageUrl ? ` (${pageUrl})` : '';
  return `${where}${quote}${link}`.slice(0, 1200);
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
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_SELECTION_MENU_ID || !info.selectionText?.trim()) return;
    void browser.tabs.create({
      url: newEntityUrl(browser.runtime.getURL('/options.html'), info.selectionText, info.pageUrl, {
        tabId: tab?.id,
        frameId: info.frameId,
      }),
    });
  });
}
