import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Highlighter, Mention } from '@/lib/page/highlighter';

/**
 * The meeting point of the content script and the hover card's code, which
 * the background adds to the same frame only once the page has highlights
 * (`entrypoints/card-ui.ts`, issue #13: unrelated pages never parse it, and
 * the content script stays within its size budget). Both run in the
 * extension's isolated world, so the page cannot see this global or call it.
 */
export const CARD_UI_GLOBAL = '__newsContextCardUi';

/** The path of the card's code in the build, for `scripting.executeScript`. */
export const CARD_UI_SCRIPT = '/card-ui.js';

/** What the content script asks of the hover card (implemented by `HoverCard`). */
export interface CardUi {
  readonly openMention: Mention | undefined;
  /** Starts watching the pointer and keys. */
  trackPointer(): void;
  /** Opens `mention`'s card pinned, with focus inside (keyboard command, popup). */
  show(mention: Mention): void;
  close(): void;
  /** The card page measured itself (relayed by the background). */
  setContentHeight(height: number): void;
  destroy(): void;
}

export interface CardUiModule {
  /** `pageDate` reads the page's publication date when a card opens (the card compares its sources with it). */
  createCardUi(ctx: ContentScriptContext, highlighter: Highlighter, pageDate: () => string | undefined): CardUi;
}

/** The card's code, once the background has added it to this frame. */
export function loadedCardUi(): CardUiModule | undefined {
  return (globalThis as { [CARD_UI_GLOBAL]?: CardUiModule })[CARD_UI_GLOBAL];
}
