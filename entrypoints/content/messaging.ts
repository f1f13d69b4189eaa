import { annotatorConfigOf } from '@/lib/extension/content-message-guards';
import type { AnnotatorConfig, BackgroundRequest } from '@/lib/extension/messages';

/**
 * The content script's side of messaging: everything it asks the background,
 * each answer checked before use (the background is trusted, but a stale or
 * broken one must not crash a reader's page). Checked by hand, not with Zod,
 * to keep this script small (issue #13). It never asks for a card: the card
 * frame does (entrypoints/card).
 */
export async function requestAnnotatorConfig(): Promise<AnnotatorConfig | undefined> {
  try {
    return annotatorConfigOf(
      await browser.runtime.sendMessage({ type: 'annotator/config' } satisfies BackgroundRequest),
    );
  } catch {
    // The extension was reloaded or updated under us: ctx.onInvalidated cleans up.
    return undefined;
  }
}

/** Fire-and-forget notices; a failure only means the background is restarting. */
export function tell(request: BackgroundRequest): void {
  browser.runtime.sendMessage(request).catch(() => undefined);
}

/** Asks the background to add the hover card's code to this frame; resolves once it ran (or could not). */
export async function requestCardUi(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'card/ui' } satisfies BackgroundRequest);
  } catch {
    // The background is away (reloaded or updated); the page keeps its highlights without a card.
  }
}
