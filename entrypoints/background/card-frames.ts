import type { Browser } from 'wxt/browser';
import type { EntityCard } from '@/lib/corpus/entity-card';
import type { MessageSender } from '@/lib/extension/extension-messaging';
import {
  CARD_FRAME_PORT,
  type CardFrameMessage,
  type CardHostRequest,
  cardFrameMessage,
} from '@/lib/extension/messages';
import { readerPageLink } from '@/lib/extension/reader-page-url';
import { timelineUrl } from '@/lib/extension/timeline-page-url';
import type { ArticleDraft } from '@/lib/import/import-sources';
import type { FeedbackVerdict } from '@/lib/model/settings';
import { isWebPageUrl, siteOf } from '@/lib/model/settings';

/**
 * The background's side of the card frame (issue #13). The content script
 * says which entity to show (`card/open`); the card page, an extension-origin
 * frame in the same tab, connects a port and receives the card, so the text
 * of the card (imported excerpts included) never passes through the page's
 * process in a place the page's scripts can reach. The frame's size and
 * actions come back over the port and are relayed to the content script of
 * the frame's tab. The entity an action applies to is the one the
 * background showed, never the frame's word.
 */
export interface CardFrameDeps {
  entityCard(entityId: string): Promise<EntityCard | null | undefined>;
  addFeedback(entityId: string, verdict: FeedbackVerdict, sender: MessageSender): Promise<void>;
  /** Imports a page's article read by the card frame; answers one sentence for the card. */
  importPage(draft: ArticleDraft): Promise<string>;
}

interface TabCard {
  entityId: string;
  pinned: boolean;
  /** The page's date, as the content script read it (issues #12, #15). */
  pageDate?: string;
  /** Where the shown card's "See on the timeline" leads: the point the background put on it. */
  timelinePoint?: { pointId: string; date: string };
  /** The content script's frame, to relay the card frame's size and actions to. */
  frameId: number;
  port?: Browser.runtime.Port;
  /**
   * The card for `entityId`, started when the content script asked for it
   * (`card/open`), before the frame exists: the frame's page loads while the
   * card is built, and gets it the moment its port connects.
   */
  prepared?: { entityId: string; card: Promise<EntityCard | null> };
}

export function createCardFrames(deps: CardFrameDeps) {
  const tabs = new Map<number, TabCard>();

  /** Starts building the tab's card (once per entity shown); `push` sends it when the frame's port is there. */
  function prepare(state: TabCard): Promise<EntityCard | null> {
    if (state.prepared?.entityId !== state.entityId) {
      const card = deps.entityCard(state.entityId).then((built) => built ?? null);
      // Built ahead of a frame that may never connect (the card closed first): not an unhandled rejection.
      card.catch(() => undefined);
      state.prepared = { entityId: state.entityId, card };
    }
    return state.prepared.card;
  }

  async function push(tabId: number): Promise<void> {
    const state = tabs.get(tabId);
    // A frame that connected before the content script said what to show waits for `open`.
    if (!state?.entityId) return;
    const card$ = prepare(state);
    if (!state.port) return;
    const { entityId, pinned, port, pageDate } = state;
    const card = await card$;
    // Another mention may have been chosen while the card was being built.
    if (tabs.get(tabId)?.entityId !== entityId || tabs.get(tabId)?.port !== port) return;
    state.timelinePoint = card?.onTimeline
      ? { pointId: card.onTimeline.pointId, date: card.onTimeline.date }
      : undefined;
    port.postMessage({
      type: 'card/show',
      entityId,
      pinned,
      card,
      ...(pageDate ? { pageDate: { date: pageDate, precision: pageDate.length > 7 ? 'day' : 'month' } } : {}),
    });
  }

  function relay(tabId: number, request: CardHostRequest): void {
    const state = tabs.get(tabId);
    if (!state) return;
    browser.tabs.sendMessage(tabId, request, { frameId: state.frameId }).catch(() => undefined);
  }

  async function onFrameMessage(tabId: number, message: CardFrameMessage, sender: MessageSender): Promise<void> {
    const state = tabs.get(tabId);
    if (!state) return;
    switch (message.type) {
      case 'frame/size':
        relay(tabId, { type: 'card/size', height: message.height });
        return;
      case 'frame/close':
        relay(tabId, { type: 'card/close' });
        return;
      case 'frame/feedback':
        await deps.addFeedback(state.entityId, message.verdict, sender);
        relay(tabId, { type: 'card/suppress', entityId: state.entityId });
        return;
      case 'frame/related':
        state.entityId = message.entityId;
        state.pinned = true;
        await push(tabId);
        return;
      case 'frame/open-excerpt':
        await browser.tabs.create({
          url: readerPageLink(message),
          index: sender.tab?.index === undefined ? undefined : sender.tab.index + 1,
          openerTabId: tabId,
        });
        return;
      case 'frame/open-timeline': {
        // Issue #15: the timeline at the card's latest mention, its year opened by month, as the reader page's cards do.
        const point = state.timelinePoint;
        if (!point) return;
        await browser.tabs.create({
          url: timelineUrl(browser.runtime.getURL('/timeline.html'), {
            zoom: 'month',
            focus: point.date.slice(0, 4),
            pointId: point.pointId,
          }),
          index: sender.tab?.index === undefined ? undefined : sender.tab.index + 1,
          openerTabId: tabId,
        });
        return;
      }
      case 'frame/import-page': {
        // The page as the browser has it now, read in the content script's frame; the card frame imports it
        // (it has a DOM to parse it in and writes the reader's database, as the popup's "Import this page" does).
        const url = sender.tab?.url;
        if (!url || !state.port) return;
        const [injection] = await browser.scripting.executeScript({
          target: { tabId, frameIds: [state.frameId] },
          func: () => new XMLSerializer().serializeToString(document),
        });
        const html = typeof injection?.result === 'string' ? injection.result : '';
        state.port.postMessage({ type: 'card/page', url, html });
        return;
      }
      case 'frame/import-draft': {
        // The address is the browser's view of the tab, not the frame's word (nor the page's canonical link).
        const url = sender.tab?.url;
        const port = state.port;
        if (!url || !isWebPageUrl(url) || !port) return;
        const { type: _type, ...fields } = message;
        const draft: ArticleDraft = { ...fields, file: siteOf(url) || 'This page', at: [], origin: 'page', url };
        const status = await deps
          .importPage(draft)
          .catch((error: unknown) => `Could not import this page: ${(error as Error).message}`);
        port.postMessage({ type: 'card/imported', status });
        return;
      }
    }
  }

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CARD_FRAME_PORT) return;
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    if (!sender || tabId === undefined || !isCardPage(sender)) {
      port.disconnect();
      return;
    }
    const state = tabs.get(tabId);
    if (state) {
      state.port?.disconnect();
      state.port = port;
    } else tabs.set(tabId, { entityId: '', pinned: false, frameId: 0, port });
    port.onMessage.addListener((raw: unknown) => {
      const message = cardFrameMessage.safeParse(raw);
      if (!message.success) return;
      void onFrameMessage(tabId, message.data, sender);
    });
    port.onDisconnect.addListener(() => {
      const current = tabs.get(tabId);
      if (current?.port === port) current.port = undefined;
    });
    void push(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

  return {
    /** Content script: show `entityId` in this tab's card frame. */
    open(entityId: string, pinned: boolean, sender: MessageSender, pageDate?: string): boolean {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      const state = tabs.get(tabId);
      if (state) Object.assign(state, { entityId, pinned, frameId: sender.frameId ?? 0, pageDate });
      else tabs.set(tabId, { entityId, pinned, frameId: sender.frameId ?? 0, pageDate });
      void push(tabId);
      return true;
    },
    /** The corpus changed (an import, from this card or elsewhere): every open card is built again. */
    refresh(): void {
      for (const [tabId, state] of tabs) {
        state.prepared = undefined;
        void push(tabId);
      }
    },
    /** Content script: the card and its frame are gone. */
    closed(sender: MessageSender): boolean {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      tabs.get(tabId)?.port?.disconnect();
      tabs.delete(tabId);
      return true;
    },
  };
}

/** The sender is our card page in a tab (not a content script, whose URL is the web page's). */
function isCardPage(sender: MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === new URL(browser.runtime.getURL('/')).protocol && url.pathname === '/card.html';
  } catch {
    return false;
  }
}
