import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCardFrames } from '@/entrypoints/background/card-frames';
import type { EntityCard } from '@/lib/corpus/entity-card';
import { CARD_FRAME_PORT } from '@/lib/extension/messages';
import type { ArticleDraft } from '@/lib/import/import-sources';

/**
 * The background's side of the hover card's frame (issues #13, #15), through WXT's fake browser.
 * The fake has no message ports, so the frame's port is a small stand-in that records what the
 * background posts and lets the test post what the frame would.
 */

const NEWS_PAGE = 'https://www.naharnet.com/stories/en/2026/05/04/strikes';

function tab(id: number, url: string): Browser.tabs.Tab {
  return {
    id,
    url,
    index: 3,
    windowId: 1,
    active: true,
    pinned: false,
    highlighted: false,
    incognito: false,
  } as Browser.tabs.Tab;
}

const contentScript = { id: fakeBrowser.runtime.id, url: NEWS_PAGE, tab: tab(7, NEWS_PAGE), frameId: 0 };

interface FramePort {
  port: Browser.runtime.Port;
  posted: unknown[];
  send(message: unknown): Promise<void>;
}

function framePort(): FramePort {
  const listeners: ((message: unknown) => unknown)[] = [];
  const posted: unknown[] = [];
  const port = {
    name: CARD_FRAME_PORT,
    sender: { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/card.html'), tab: tab(7, NEWS_PAGE) },
    postMessage: (message: unknown) => posted.push(message),
    disconnect: () => undefined,
    onMessage: { addListener: (listener: (message: unknown) => unknown) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    posted,
    async send(message) {
      for (const listener of listeners) listener(message);
      // The background answers asynchronously; let its promises settle.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const card = {
  id: 'lebanese-health-ministry',
  name: 'Lebanese Health Ministry',
  kind: 'organisation',
  role: '',
  background: '',
  excerpts: [],
  related: [],
  excerptTotal: 0,
  onTimeline: { pointId: 'courier-1:0', date: '2024-09-24', precision: 'day', before: [], after: [] },
} satisfies EntityCard;

describe('card frames', () => {
  let connect: (port: Browser.runtime.Port) => void;
  let imported: ArticleDraft[];
  let frames: ReturnType<typeof createCardFrames>;

  beforeEach(() => {
    fakeBrowser.reset();
    imported = [];
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(((listener: typeof connect) => {
      connect = listener;
    }) as never);
    frames = createCardFrames({
      entityCard: async () => card,
      addFeedback: async () => undefined,
      importPage: async (draft) => {
        imported.push(draft);
        return 'Imported “Strikes”.';
      },
    });
  });

  async function openFrame(pageDate?: string): Promise<FramePort> {
    frames.open(card.id, false, contentScript, pageDate);
    const frame = framePort();
    connect(frame.port);
    await vi.waitFor(() => expect(frame.posted).toHaveLength(1));
    return frame;
  }

  it("sends the card with the page's date and the precision its form gives", async () => {
    const day = await openFrame('2026-05-04');
    expect(day.posted[0]).toMatchObject({ type: 'card/show', pageDate: { date: '2026-05-04', precision: 'day' } });
    const month = await openFrame('2026-05');
    expect(month.posted[0]).toMatchObject({ pageDate: { date: '2026-05', precision: 'month' } });
    const none = await openFrame();
    expect(none.posted[0]).not.toHaveProperty('pageDate');
  });

  it('builds the card when the content script asks, before the frame connects, and sends it on connect', async () => {
    const builds: string[] = [];
    let finish: (built: EntityCard) => void = () => undefined;
    frames = createCardFrames({
      entityCard: (entityId) => {
        builds.push(entityId);
        return new Promise<EntityCard>((resolve) => {
          finish = resolve;
        });
      },
      addFeedback: async () => undefined,
      importPage: async () => '',
    });
    // A frame from an earlier card connects before `card/open`: nothing to build yet.
    const early = framePort();
    connect(early.port);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(builds).toEqual([]);
    frames.closed(contentScript);

    frames.open(card.id, false, contentScript, '2026-05-04');
    expect(builds).toEqual([card.id]);
    const frame = framePort();
    connect(frame.port);
    finish(card);
    await vi.waitFor(() => expect(frame.posted).toHaveLength(1));
    expect(frame.posted[0]).toMatchObject({ type: 'card/show', entityId: card.id, card });
    // Built once: the frame's connection used the card started by `open`.
    expect(builds).toEqual([card.id]);
  });

  it('opens the timeline at the point it put on the card, next to the news tab', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const frame = await openFrame('2026-05-04');
    await frame.send({ type: 'frame/open-timeline', pointId: 'chosen-by-the-frame' });
    expect(created).not.toHaveBeenCalled();
    await frame.send({ type: 'frame/open-timeline' });
    expect(created).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL('/timeline.html#zoom=month&focus=2024&point=courier-1%3A0'),
      index: 4,
      openerTabId: 7,
    });
  });

  it("imports the frame's draft under the tab's own address and tells the frame what happened", async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockImplementation((async () => [{ frameId: 0, result: '<html><body><p>Page</p></body></html>' }]) as never);
    const frame = await openFrame('2026-05-04');
    await frame.send({ type: 'frame/import-page' });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7, frameIds: [0] } }));
    expect(frame.posted[1]).toEqual({
      type: 'card/page',
      url: NEWS_PAGE,
      html: '<html><body><p>Page</p></body></html>',
    });

    await frame.send({
      type: 'frame/import-draft',
      text: 'Hezbollah said…',
      title: 'Strikes',
      url: 'https://elsewhere/',
    });
    expect(imported).toEqual([]);
    await frame.send({ type: 'frame/import-draft', text: 'Hezbollah said…', title: 'Strikes' });
    expect(imported).toEqual([
      { text: 'Hezbollah said…', title: 'Strikes', file: 'naharnet.com', at: [], origin: 'page', url: NEWS_PAGE },
    ]);
    expect(frame.posted[2]).toEqual({ type: 'card/imported', status: 'Imported “Strikes”.' });
  });

  it('builds open cards again when the corpus changes', async () => {
    const frame = await openFrame('2026-05-04');
    frames.refresh();
    await vi.waitFor(() => expect(frame.posted).toHaveLength(2));
    expect(frame.posted[1]).toMatchObject({ type: 'card/show', entityId: card.id });
  });
});
