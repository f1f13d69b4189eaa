/**
 * The one place messages cross between our contexts. Senders use
 * `sendToBackground` and `sendToTab`, typed and checked by the request →
 * response maps in messages.ts; receivers wrap their handlers in
 * `asyncListener`, which adapts them to the `runtime.onMessage` contract that
 * both Chrome and Firefox honour: call `sendResponse` and return `true` to
 * keep the channel open. (Returning a promise works in Firefox but not in
 * every Chrome we support.)
 */
import type { Browser } from 'wxt/browser';
import {
  type BackgroundRequest,
  type BackgroundResponse,
  backgroundResponses,
  type ContentRequest,
  type ContentResponse,
  contentResponses,
} from './messages';

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

/**
 * Asks the background, typed by the request → response map: the answer is
 * checked against `backgroundResponses` and is `undefined` when the background
 * cannot answer (restarting, updated under us) or answers something else.
 *
 * @example const state = await sendToBackground({ type: 'site/state', site: 'naharnet.com' });
 */
export async function sendToBackground<Request extends BackgroundRequest>(
  request: Request,
): Promise<BackgroundResponse<Request['type']> | undefined> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(request);
    const parsed = backgroundResponses[request.type as Request['type']].safeParse(answer);
    return parsed.success ? (parsed.data as BackgroundResponse<Request['type']>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks our content script in a tab's top frame, typed by `contentResponses`;
 * `undefined` when none answers there (we do not run on that page) or the
 * answer does not fit.
 */
export async function sendToTab<Request extends ContentRequest>(
  tabId: number,
  request: Request,
): Promise<ContentResponse<Request['type']> | undefined> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
    const parsed = contentResponses[request.type as Request['type']].safeParse(answer);
    return parsed.success ? (parsed.data as ContentResponse<Request['type']>) : undefined;
  } catch {
    return undefined;
  }
}
