import { candidateChunksOf, matchChunksOf } from '@/lib/extension/content-message-guards';
import type { BackgroundRequest } from '@/lib/extension/messages';
import type { RemoteMatcher } from '@/lib/page/page-annotator';

/**
 * The page's matcher, which runs in the background worker (issue #13): the
 * content script ships text blocks and candidates, checks the answers by hand
 * and gets empty results when the background is away (reloaded or updated;
 * ctx.onInvalidated then cleans up).
 */
export const backgroundMatcher: RemoteMatcher = {
  remote: true,
  async scan(texts) {
    const answer = await ask({ type: 'matcher/scan', texts: [...texts] });
    return candidateChunksOf(answer, texts.length) ?? texts.map(() => []);
  },
  async resolve(chunks, pageDate) {
    // Plain data, sent as is (the readonly markers are only the compiler's).
    const request = { type: 'matcher/resolve', chunks, ...(pageDate ? { pageDate } : {}) };
    const answer = await ask(request as unknown as BackgroundRequest);
    return matchChunksOf(answer, chunks.length) ?? chunks.map(() => []);
  },
};

async function ask(request: BackgroundRequest): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(request);
  } catch {
    return undefined;
  }
}
