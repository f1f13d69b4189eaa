/**
 * The sending side of messages between our contexts: `sendToBackground` and
 * `sendToTab`, typed by the request → response maps in messages.ts and
 * checking every answer against them. Our pages and the background use it;
 * the content script does not (it carries no Zod, issue #13) and checks its
 * few answers with `content-message-guards.ts`.
 */
import {
  type BackgroundRequest,
  type BackgroundResponse,
  backgroundResponses,
  type ContentRequest,
  type ContentResponse,
  contentResponses,
} from './messages';

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
