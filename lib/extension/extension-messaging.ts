/**
 * The receiving side of messages between our contexts: handlers wrapped in
 * `asyncListener`, which adapts them to the `runtime.onMessage` contract that
 * both Chrome and Firefox honour: call `sendResponse` and return `true` to
 * keep the channel open. (Returning a promise works in Firefox but not in
 * every Chrome we support.) Senders use `send-message.ts`. This file imports
 * no schema, so the content script can use it and stay free of Zod.
 */
import type { Browser } from 'wxt/browser';

export type MessageSender = Browser.runtime.MessageSender;

/**
 * Wraps a handler that returns `undefined` for "not mine" (another listener
 * may answer) or a value/promise to send back.
 *
 * @example browser.runtime.onMessage.addListener(asyncListener((message, sender) => handle(message, sender)));
 */
export function asyncListener(
  handler: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
): (message: unknown, sender: MessageSender, sendResponse: (response?: unknown) => void) => boolean {
  return (message, sender, sendResponse) => {
    const result = handler(message, sender);
    if (result === undefined) return false;
    result.then(
      (value) => sendResponse(value),
      (error: unknown) => {
        console.error('News Context: a message handler failed', error);
        sendResponse(undefined);
      },
    );
    return true;
  };
}
