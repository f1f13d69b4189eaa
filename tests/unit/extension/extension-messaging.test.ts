import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asyncListener } from '@/lib/extension/extension-messaging';

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
