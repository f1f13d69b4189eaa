/**
 * Our contexts talking over WXT's fake browser, as the tests of the
 * background's routing and of the content script's lifecycle need it: the
 * fake's `sendMessage` gives every message an empty sender, so a test
 * delivers each message with the sender the browser would report, and
 * stands in for the APIs the fake leaves out before the real background
 * service starts.
 */
import { vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Delivers `message` to every `runtime.onMessage` listener as coming from `sender`; 'no answer' if none answered. */
export async function deliver(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  let answer: unknown = 'no answer';
  await new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger(message, sender, (response: unknown) => {
        answer = response;
        resolve();
      })
      .then((kept: unknown[]) => {
        if (!kept.includes(true)) resolve();
      });
  });
  return answer;
}

/**
 * Spies on the fake for the APIs it leaves unimplemented that the background
 * service uses (commands, permissions, ports, scripting); returns the
 * `executeScript` stand-in so a test can check what it was asked.
 */
export function standInForBackgroundApis() {
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
  // The APIs' overloads (callback or promise) defeat inference; these stand-ins are the promise forms.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation((async () => []) as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async () => undefined) as never);
  const executeScript = vi.fn(async () => []);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript as never);
  return { executeScript };
}
