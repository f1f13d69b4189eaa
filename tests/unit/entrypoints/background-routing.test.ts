import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundService } from '@/entrypoints/background/service';
import { type BackgroundRequest, backgroundResponses } from '@/lib/extension/messages';
import { DATABASE_NAME, NewsContextDatabase, type StoredArticle } from '@/lib/storage/database';
import { deliver, standInForBackgroundApis } from '../../support/fake-message-bus';

/**
 * The background's wiring, through WXT's fake browser: every request type,
 * sent by each kind of sender, gets the answer the table below says, and
 * every answer fits the request → response map. The fake browser leaves a few
 * APIs unimplemented (scripting, commands, permissions); those are stood in
 * for with spies on the fake itself, and what they were asked is checked.
 */

type Sender = Browser.runtime.MessageSender;

const NEWS_PAGE = 'https://www.naharnet.com/stories/en/1';
const OTHER_PAGE = 'https://example.com/recipes';

function senders(): Record<string, Sender> {
  const id = fakeBrowser.runtime.id;
  return {
    'extension page': { id, url: fakeBrowser.runtime.getURL('/options.html') },
    'content script on a news site': { id, url: NEWS_PAGE, tab: tab(7, NEWS_PAGE), frameId: 0 },
    'content script elsewhere': { id, url: OTHER_PAGE, tab: tab(8, OTHER_PAGE), frameId: 0 },
    'another extension': { id: 'someone-else', url: NEWS_PAGE, tab: tab(9, NEWS_PAGE), frameId: 0 },
  };
}

function tab(id: number, url: string): Browser.tabs.Tab {
  return {
    id,
    url,
    index: 0,
    windowId: 1,
    active: true,
    pinned: false,
    highlighted: false,
    incognito: false,
  } as Browser.tabs.Tab;
}

const requests: BackgroundRequest[] = [
  { type: 'index/status' },
  { type: 'annotator/config' },
  { type: 'entity/card', entityId: 'hezbollah' },
  { type: 'annotations/updated', relevant: true, entityCount: 3 },
  { type: 'feedback/add', entityId: 'hezbollah', verdict: 'not-this' },
  { type: 'reader/open', articleId: 'a1' },
  { type: 'site/state', site: 'naharnet.com' },
  { type: 'site/pause', site: 'naharnet.com', paused: false },
  { type: 'site/annotate', site: 'example.com', enabled: true },
  { type: 'catalog/changed' },
  { type: 'matcher/scan', texts: ['Hezbollah and Israel'] },
  { type: 'matcher/resolve', chunks: [[]] },
  { type: 'card/open', entityId: 'hezbollah', pinned: false },
  { type: 'card/closed' },
  { type: 'card/ui' },
];

/**
 * Which requests each sender may make (issue #14: a content script reaches no
 * further than its own tab; settings and the corpus belong to our pages).
 * Anything else is ignored: no answer at all.
 */
const TAB_REQUESTS: BackgroundRequest['type'][] = [
  'annotator/config',
  'entity/card',
  'annotations/updated',
  'feedback/add',
  'reader/open',
  'matcher/scan',
  'matcher/resolve',
  'card/open',
  'card/closed',
  'card/ui',
];
const ALLOWED: Record<string, BackgroundRequest['type'][]> = {
  'extension page': [
    'index/status',
    'annotator/config',
    'entity/card',
    'reader/open',
    'site/state',
    'site/pause',
    'site/annotate',
    'catalog/changed',
  ],
  'content script on a news site': TAB_REQUESTS,
  'content script elsewhere': TAB_REQUESTS,
  'another extension': [],
};

const send = deliver;

describe('background routing', () => {
  let executeScript: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    // Each test starts from an empty database, as a fresh install does.
    await Dexie.delete(DATABASE_NAME);
    ({ executeScript } = standInForBackgroundApis());
    createBackgroundService();
  });

  for (const [senderName, sender] of Object.entries(senders())) {
    for (const request of requests) {
      const allowed = ALLOWED[senderName]?.includes(request.type) ?? false;
      it(`${senderName} → ${request.type}: ${allowed ? 'answered' : 'ignored'}`, async () => {
        const answer = await send(request, sender);
        if (!allowed) {
          expect(answer).toBe('no answer');
          return;
        }
        expect(backgroundResponses[request.type].safeParse(answer).success).toBe(true);
      });
    }
  }

  it('drops malformed and unknown messages without answering', async () => {
    const page = senders()['extension page'] as Sender;
    expect(await send({ type: 'site/pause', site: 'naharnet.com' }, page)).toBe('no answer');
    expect(await send({ type: 'entity/delete', entityId: 'x' }, page)).toBe('no answer');
  });

  it('keeps the badge per tab', async () => {
    const onNews = senders()['content script on a news site'] as Sender;
    await send({ type: 'annotations/updated', relevant: true, entityCount: 4 }, onNews);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
    await send({ type: 'annotations/updated', relevant: false, entityCount: 4 }, onNews);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('adds the card’s code to the asking frame only (issue #13: pages without highlights never load it)', async () => {
    const inFrame = { ...(senders()['content script on a news site'] as Sender), frameId: 3 };
    expect(await send({ type: 'card/ui' }, inFrame)).toBe(true);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/card-ui.js'] });
  });

  it('records feedback for the site the browser reports, not one the message names', async () => {
    const onNews = senders()['content script on a news site'] as Sender;
    await send({ type: 'feedback/add', entityId: 'hezbollah', verdict: 'not-this' }, onNews);
    const config = (await send({ type: 'annotator/config' }, onNews)) as { suppressed: string[] };
    expect(config.suppressed).toContain('hezbollah');
    const elsewhere = (await send({ type: 'annotator/config' }, senders()['content script elsewhere'] as Sender)) as {
      suppressed: string[];
    };
    expect(elsewhere.suppressed).not.toContain('hezbollah');
  });

  it('opens the reader page next to the sender’s tab', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await send(
      { type: 'reader/open', articleId: 'a1', start: 2, end: 5 },
      senders()['content script on a news site'] as Sender,
    );
    expect(created).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `${fakeBrowser.runtime.getURL('/reader.html')}#article=a1&start=2&end=5`,
        openerTabId: 7,
        index: 1,
      }),
    );
  });

  it('purges deleted articles older than a week when the browser starts, keeping the rest (issue #14)', async () => {
    const db = new NewsContextDatabase();
    const day = 24 * 60 * 60 * 1000;
    const article = { id: 'a1', title: 'Old' } as StoredArticle;
    await db.trash.bulkAdd([
      { articleId: 'old', deletedAt: Date.now() - 8 * day, article: { ...article, id: 'old' } },
      { articleId: 'recent', deletedAt: Date.now() - day, article: { ...article, id: 'recent' } },
    ]);
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await db.trash.toCollection().primaryKeys()).toEqual(['recent']);
    db.close();
  });
});
