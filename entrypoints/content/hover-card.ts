import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardController, pointerPerFrame } from '@/lib/page/card-controller';
import type { Highlighter, Mention } from '@/lib/page/highlighter';
import { CardFrame } from './card-frame';
import type { CardUi } from './card-ui-contract';
import { tell } from './messaging';

/**
 * The hover card on the page: the pointer state machine
 * (`lib/page/card-controller.ts`) wired to real, trusted events and to the
 * card frame (`card-frame.ts`). Part of `card-ui.js`, which only pages with
 * highlights load: unrelated pages pay nothing for it.
 */
export class HoverCard implements CardUi {
  private readonly controller: CardController<Mention>;
  private readonly frame: CardFrame;
  private pointerTracking = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly highlighter: Highlighter,
    /** The page's date, sent with each card so the card can compare it with its sources. */
    private readonly pageDate: () => string | undefined = () => undefined,
  ) {
    this.frame = new CardFrame(ctx, {
      pointerOnFrame: (over, event) => this.controller.pointerOnCard(over, event),
    });
    this.controller = new CardController<Mention>({
      hitTest: (x, y) => highlighter.hitTest(x, y) ?? undefined,
      open: (mention, pinned) => {
        this.highlighter.setActive(mention);
        const pageDate = this.pageDate();
        tell({ type: 'card/open', entityId: mention.entityId, pinned, ...(pageDate ? { pageDate } : {}) });
        this.frame.show(mention.range, pinned);
      },
      close: () => {
        this.highlighter.setActive(null);
        this.frame.remove();
        tell({ type: 'card/closed' });
      },
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    });
    ctx.onInvalidated(() => this.destroy());
  }

  get openMention(): Mention | undefined {
    return this.controller.openMention;
  }

  /** Starts watching the pointer; called once the page has highlights. */
  trackPointer(): void {
    if (this.pointerTracking) return;
    this.pointerTracking = true;
    const onPointerMove = pointerPerFrame(this.controller, requestAnimationFrame);
    this.ctx.addEventListener(document, 'pointermove', (event) => onPointerMove(event as PointerEvent), {
      passive: true,
      capture: true,
    });
    // The card's own presses happen inside its frame and never reach this document: every press here is outside it.
    this.ctx.addEventListener(document, 'pointerdown', (event) => this.controller.pressOutside(event), {
      passive: true,
      capture: true,
    });
    this.ctx.addEventListener(
      window,
      'keydown',
      (event) => {
        if (this.controller.keyDown(event as KeyboardEvent)) event.stopPropagation();
      },
      { capture: true },
    );
    this.ctx.addEventListener(window, 'scroll', () => this.frame.place(), { passive: true, capture: true });
    this.ctx.addEventListener(window, 'resize', () => this.frame.place(), { passive: true });
  }

  /** Opens `mention`'s card pinned, with focus inside (keyboard command, popup). */
  show(mention: Mention): void {
    this.controller.show(mention, true);
  }

  close(): void {
    this.controller.close();
  }

  /** The card page measured itself (relayed by the background). */
  setContentHeight(height: number): void {
    if (this.controller.openMention) this.frame.setContentHeight(height);
  }

  destroy(): void {
    this.controller.destroy();
    this.frame.remove();
  }
}
