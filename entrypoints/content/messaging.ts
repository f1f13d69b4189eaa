import type { EntityCard } from '@/lib/corpus/entity-card';
import { sendToBackground } from '@/lib/extension/extension-messaging';
import type { AnnotatorConfig, BackgroundRequest } from '@/lib/extension/messages';

/**
 * The content script's side of messaging: everything it asks the background,
 * each answer checked before use by `sendToBackground` (the background is
 * trusted, but a stale or broken one must not crash a reader's page). An
 * undefined answer means the extension was reloaded or updated under us:
 * ctx.onInvalidated cleans up.
 */
export function requestAnnotatorConfig(): Promise<AnnotatorConfig | undefined> {
  return sendToBackground({ type: 'annotator/config' });
}

export async function requestEntityCard(entityId: string): Promise<EntityCard | undefined> {
  return (await sendToBackground({ type: 'entity/card', entityId })) ?? undefined;
}

/** Fire-and-forget notices; a failure only means the background is restarting. */
export function tell(request: BackgroundRequest): void {
  void sendToBackground(request);
}
