import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asyncListener, sendToBackground, sendToTab } from '@/lib/extension/extension-messaging';

describe('asyncListener', () => {
  it('answers through sendResponse and keeps the channel open', async () => {
    const sendResponse = vi.fn();
    const listener = asyncListener(async (message) => ({ echo: message }));
    expect(listener('hi', {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ echo: 'hi' }));
  });

  it('leaves messages that are not its own to other listeners', () => {
    const sendResponse = vi.fn();
    expect(asyncListener(() => undefined)('other', {}, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('answers undefined when the handler fails, instead of leaving the sender waiting', async () => {
    const sendResponse = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    asyncListener(async () => {
      throw new Error('boom');
    })('x', {}, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });

  it('works as a runtime.onMessage listener with WXT’s fake browser', async () => {
    fakeBrowser.runtime.onMessage.addListener(asyncListener(async (message) => `got ${String(message)}`));
    await expect(fakeBrowser.runtime.sendMessage('ping')).resolves.toBe('got ping');
  });
});

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
