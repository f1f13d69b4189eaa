// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBackgroundService } from '@/entrypoints/background/service';
import { startAnnotating } from '@/entrypoints/content/annotate';
import type { AnnotationsSnapshot } from '@/lib/extension/messages';
import { DATABASE_NAME } from '@/lib/storage/database';
import { deliver, standInForBackgroundApis } from '../../support/fake-message-bus';

/**
 * The content script's lifecycle through WXT's fake browser, with the real
 * background service on the other end of the message bus: it starts on a
 * related page, takes everything off when its site is paused and comes back
 * when resumed (the background's refresh of the site's tabs), picks up a
 * new setting on refresh without starting over, answers nothing once its
 * context is invalidated (the extension was reloaded), and a new script then
 * starts afresh. The fake bus gives every message an empty sender, so each
 * context's sends are routed with the sender the browser would report.
 */

type Sender = Browser.runtime.MessageSender;

const NEWS_PAGE = 'https://www.naharnet.com/stories/en/1';
const RELATED = `
  <h1>Lebanon offers Israel direct talks</h1>
  <p>Lebanese President Joseph Aoun offered talks. Hezbollah called it a mistake.</p>
  <p>President Aoun spoke to Tom Barrack in Beirut. Hezbollah fired rockets.</p>
  <p>The talks would follow the first civilian meeting in Naqoura.</p>`;

function setPage(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}

describe('content script: start, pause, refresh, restart', () => {
  let tabId: number;
  let contentSender: Sender;
  let popup: Sender;
  /** What the content script told the background, in order. */
  let told: { type: string; relevant?: boolean; entityCount?: number }[];
  let contexts: ContentScriptContext[];

  const ask = (message: unknown) => deliver(message, popup);
  const snapshot = () => ask({ type: 'annotations/get' }) as Promise<AnnotationsSnapshot | 'no answer'>;
  const entityIds = async () => {
    const answer = await snapshot();
    return answer === 'no answer' ? answer : answer.entities.map((entity) => entity.id);
  };
  const start = async () => {
    const ctx = new ContentScriptContext('content');
    contexts.push(ctx);
    await startAnnotating(ctx);
    return ctx;
  };
  const lastUpdate = () => told.filter((message) => message.type === 'annotations/updated').at(-1);

  beforeEach(async () => {
    await Dexie.delete(DATABASE_NAME);
    standInForBackgroundApis();
    const tab = await fakeBrowser.tabs.create({ url: NEWS_PAGE });
    tabId = tab.id as number;
    const id = fakeBrowser.runtime.id;
    contentSender = { id, url: NEWS_PAGE, tab, frameId: 0 };
    popup = { id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const background: Sender = { id, url: fakeBrowser.runtime.getURL('/background.js') };
    told = [];
    contexts = [];
    // The content script's sends come from its tab; the background's reach the tab's content script.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
      told.push(message);
      return deliver(message, contentSender);
    }) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((to: number, message: unknown) =>
      to === tabId ? deliver(message, background) : Promise.reject(new Error('no content script'))) as never);

    createBackgroundService();
    setPage(RELATED);
  });

  afterEach(() => {
    for (const ctx of contexts) ctx.abort();
    document.body.replaceChildren();
  });

  it('starts on a related page: reads it, tells the background, answers the popup', async () => {
    await start();
    expect(told[0]).toEqual({ type: 'annotator/config' });
    expect(told.some((message) => message.type === 'matcher/scan')).toBe(true);
    expect(await entityIds()).toEqual(expect.arrayContaining(['hezbollah', 'joseph-aoun', 'naqoura']));
    expect(lastUpdate()).toMatchObject({ relevant: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe(String(lastUpdate()?.entityCount));
  });

  it('takes everything off when its site is paused, and annotates again when resumed', async () => {
    await start();
    const entities = await entityIds();
    // The popup's "Pause on this site": the background saves it and refreshes the site's tabs.
    expect(await ask({ type: 'site/pause', site: 'naharnet.com', paused: true })).toBe(true);
    expect(lastUpdate()).toEqual({ type: 'annotations/updated', relevant: false, entityCount: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    const paused = await snapshot();
    expect(paused).toMatchObject({ relevant: false, entities: [] });

    expect(await ask({ type: 'site/pause', site: 'naharnet.com', paused: false })).toBe(true);
    expect(await entityIds()).toEqual(entities);
    expect(lastUpdate()).toMatchObject({ relevant: true });
    // Resuming started a new session, which asks for the hover card's code again.
    expect(told.filter((message) => message.type === 'card/ui')).toHaveLength(2);
  });

  it('leaves its tab alone when another site is paused', async () => {
    await start();
    const before = told.length;
    await ask({ type: 'site/pause', site: 'example.com', paused: true });
    expect(told.length).toBe(before);
    expect(await entityIds()).toContain('hezbollah');
  });

  it('on refresh, applies the new settings to the same page without starting over', async () => {
    await start();
    expect(await entityIds()).toContain('hezbollah');
    // "Don't highlight this" in a card: the background records it for this site.
    expect(
      await deliver({ type: 'feedback/add', entityId: 'hezbollah', verdict: 'dont-highlight' }, contentSender),
    ).toBe(true);
    const count = (type: string) => told.filter((message) => message.type === type).length;
    expect(await ask({ type: 'annotator/refresh' })).toBe(true);
    expect(await entityIds()).not.toContain('hezbollah');
    expect(await entityIds()).toContain('joseph-aoun');
    // The same session took the new configuration (a new one would ask for the hover card's code again).
    expect(count('annotator/config')).toBe(2);
    expect(count('card/ui')).toBe(1);
  });

  it('starts without highlights when the background is away, and annotates once refreshed', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementationOnce((async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    await start();
    expect(lastUpdate()).toEqual({ type: 'annotations/updated', relevant: false, entityCount: 0 });
    expect(await snapshot()).toMatchObject({ relevant: false, entities: [] });
    await ask({ type: 'annotator/refresh' });
    expect(await entityIds()).toContain('hezbollah');
  });

  it('answers nothing once its context is invalidated, and a new script starts afresh', async () => {
    const ctx = await start();
    expect(await entityIds()).toContain('hezbollah');
    // The extension was reloaded: WXT invalidates the orphaned script's context.
    ctx.abort();
    expect(await snapshot()).toBe('no answer');
    expect(await ask({ type: 'annotator/refresh' })).toBe('no answer');
    // The new version's content script runs on the same page.
    await start();
    expect(await entityIds()).toEqual(expect.arrayContaining(['hezbollah', 'joseph-aoun']));
  });

  it('ignores requests that do not come from our own pages', async () => {
    await start();
    expect(await deliver({ type: 'annotations/get' }, contentSender)).toBe('no answer');
    expect(await deliver({ type: 'annotations/get' }, { ...popup, id: 'another-extension' })).toBe('no answer');
  });
});
