import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asyncListener } from '@/lib/extension/extension-messaging';
import { sendToBackground, sendToTab } from '@/lib/extension/send-message';

describe('sendToBackground and sendToTab', () => {
  it('returns the answer when it fits the request’s response schema', async () => {
    fakeBrowser.runtime.onMessage.addListener(
      asyncListener(async (message) =>
        (message as { type: string }).type === 'site/state'
          ? { site: 'naharnet.com', paused: true, defaultSite: true, extraSite: false }
          : undefined,
      ),
    );
    await expect(sendToBackground({ type: 'site/state', site: 'naharnet.com' })).resolves.toEqual({
      site: 'naharnet.com',
      paused: true,
      defaultSite: true,
      extraSite: false,
    });
  });

  it('returns undefined for an answer of the wrong shape, and when nobody answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(asyncListener(async () => ({ site: 'naharnet.com' })));
    await expect(sendToBackground({ type: 'site/state', site: 'naharnet.com' })).resolves.toBeUndefined();
    fakeBrowser.reset();
    await expect(sendToBackground({ type: 'index/status' })).resolves.toBeUndefined();
  });

  it('asks the tab’s top frame and checks its answer', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.naharnet.com/stories/en/1' });
    // The fake browser has no content scripts to answer; stand in for the one in the tab.
    let answer: unknown = true;
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => answer) as never);
    await expect(sendToTab(tab.id as number, { type: 'mention/step', direction: 1 })).resolves.toBe(true);
    expect(sent).toHaveBeenCalledWith(tab.id, { type: 'mention/step', direction: 1 }, { frameId: 0 });
    answer = { url: 'x' };
    await expect(sendToTab(tab.id as number, { type: 'annotations/get' })).resolves.toBeUndefined();
  });
});
