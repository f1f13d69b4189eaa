import type { z } from 'zod';
import { type EntityCard, entityCardSchema } from '@/lib/corpus/entity-card';
import { type AnnotatorConfig, annotatorConfigResponse, type BackgroundRequest } from '@/lib/extension/messages';

/**
 * The content script's side of messaging: everything it asks the background,
 * each answer validated before use (the background is trusted, but a stale
 * or broken one must not crash a reader's page).
 */
async function ask<Schema extends z.ZodType>(
  request: BackgroundRequest,
  schema: Schema,
): Promise<z.output<Schema> | undefined> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(request);
    const parsed = schema.safeParse(answer);
    return parsed.success ? parsed.data : undefined;
  } catch {
    // The extension was reloaded or updated under us: ctx.onInvalidated cleans up.
    return undefined;
  }
}

export function requestAnnotatorConfig(): Promise<AnnotatorConfig | undefined> {
  return ask({ type: 'annotator/config' }, annotatorConfigResponse);
}

export function requestEntityCard(entityId: string): Promise<EntityCard | undefined> {
  return ask({ type: 'entity/card', entityId }, entityCardSchema.nullable()).then((card) => card ?? undefined);
}

/** Fire-and-forget notices; a failure only means the background is restarting. */
export function tell(request: BackgroundRequest): void {
  browser.runtime.sendMessage(request).catch(() => undefined);
}
