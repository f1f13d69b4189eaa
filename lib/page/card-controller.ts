/**
 * When a card opens and closes: the pointer state machine behind the hover
 * card (issue #13), kept apart from how the card is drawn so the page's card
 * frame and the reader page can share it and it can be tested on its own.
 *
 * It follows WCAG 1.4.13: the card opens after the pointer rests on a
 * mention, it can be hovered (moving onto it keeps it open), it stays until
 * the reader leaves both the mention and the card, and Escape dismisses it
 * without moving the pointer (it then stays closed until the pointer moves to
 * another mention). A press outside the card closes it too, as a click
 * outside closes a dialog. A card opened from the keyboard is pinned: only
 * Escape, its close button, a press outside it or another mention close it.
 *
 * Its two hosts are the page's card frame (`entrypoints/content/hover-card.ts`)
 * and the reader page (`entrypoints/reader/reader-card.tsx`): same timings,
 * same rules, one implementation (issue #10).
 *
 * Only trusted input counts: a page script can dispatch `pointermove` or
 * `keydown` events, but `isTrusted` is false on them, so they neither open
 * nor close a card.
 */

/** The input the controller reads from a pointer or key event. */
export interface TrustedInput {
  readonly isTrusted: boolean;
}

export interface PointerInput extends TrustedInput {
  readonly clientX: number;
  readonly clientY: number;
}

export interface CardControllerHost<Mention> {
  /** The mention under a viewport point, if any. */
  hitTest(x: number, y: number): Mention | undefined;
  /** Show (or switch) the card for `mention`; `pinned` when opened from the keyboard. */
  open(mention: Mention, pinned: boolean): void;
  /** Take the card off the page. */
  close(): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

export interface CardTimings {
  /** How long the pointer rests on a mention before its card opens. */
  restMs: number;
  /** How long the pointer may take to travel from the mention onto the card. */
  leaveGraceMs: number;
}

export const DEFAULT_CARD_TIMINGS: CardTimings = { restMs: 350, leaveGraceMs: 400 };

export class CardController<Mention> {
  private shown: { mention: Mention; pinned: boolean } | undefined;
  private restingOn: Mention | undefined;
  /** After Escape, the card stays closed until the pointer moves to another mention. */
  private dismissedFor: Mention | undefined;
  private pointerOverCard = false;
  private restTimer: number | undefined;
  private leaveTimer: number | undefined;

  constructor(
    private readonly host: CardControllerHost<Mention>,
    private readonly timings: CardTimings = DEFAULT_CARD_TIMINGS,
  ) {}

  get openMention(): Mention | undefined {
    return this.shown?.mention;
  }

  get isPinned(): boolean {
    return this.shown?.pinned === true;
  }

  /** The pointer is at a viewport point (call at most once a frame). Untrusted input is ignored. */
  pointerAt(input: PointerInput): void {
    if (!input.isTrusted || this.pointerOverCard) return;
    const hit = this.host.hitTest(input.clientX, input.clientY);
    if (hit !== undefined && hit === this.shown?.mention) {
      this.cancelLeave();
      return;
    }
    if (hit !== this.restingOn) {
      this.restingOn = hit;
      this.host.clearTimeout(this.restTimer);
      this.restTimer = undefined;
      if (hit !== undefined && hit !== this.dismissedFor) {
        this.restTimer = this.host.setTimeout(() => {
          this.restTimer = undefined;
          if (this.restingOn === hit && !this.pointerOverCard) this.show(hit, false);
        }, this.timings.restMs);
      }
      if (hit !== this.dismissedFor) this.dismissedFor = undefined;
    }
    if (hit === undefined) this.scheduleLeave();
  }

  /** The pointer entered or left the card itself. Untrusted input is ignored. */
  pointerOnCard(over: boolean, input: TrustedInput): void {
    if (!input.isTrusted || over === this.pointerOverCard) return;
    this.pointerOverCard = over;
    if (over) this.cancelLeave();
    else this.scheduleLeave();
  }

  /** A key went down on the page; returns whether the controller used it (Escape with a card open). */
  keyDown(input: TrustedInput & { readonly key: string }): boolean {
    if (!input.isTrusted || input.key !== 'Escape' || !this.shown) return false;
    this.close();
    return true;
  }

  /**
   * The reader pressed somewhere that is not the card (the host knows where
   * its card is). Untrusted input is ignored, so a page script cannot close
   * the card either.
   */
  pressOutside(input: TrustedInput): void {
    if (!input.isTrusted || !this.shown) return;
    this.close();
  }

  /** Opens the card of `mention` (pinned from the keyboard or the popup). */
  show(mention: Mention, pinned: boolean): void {
    this.clearTimers();
    this.dismissedFor = undefined;
    this.shown = { mention, pinned };
    this.host.open(mention, pinned);
  }

  /** Closes the card (Escape, its close button, an action); the pointer must move to another mention to reopen. */
  close(): void {
    this.clearTimers();
    if (this.shown) this.dismissedFor = this.shown.mention;
    const wasShown = this.shown !== undefined;
    this.shown = undefined;
    this.pointerOverCard = false;
    if (wasShown) this.host.close();
  }

  /** Stops every timer; the host removes what it drew. */
  destroy(): void {
    this.close();
  }

  private scheduleLeave(): void {
    if (!this.shown || this.shown.pinned || this.pointerOverCard || this.leaveTimer !== undefined) return;
    this.leaveTimer = this.host.setTimeout(() => {
      this.leaveTimer = undefined;
      if (!this.pointerOverCard && this.shown && !this.shown.pinned) this.close();
    }, this.timings.leaveGraceMs);
  }

  private cancelLeave(): void {
    this.host.clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
  }

  private clearTimers(): void {
    this.host.clearTimeout(this.restTimer);
    this.restTimer = undefined;
    this.cancelLeave();
  }
}

/**
 * A `pointermove` listener for `controller` that hit-tests at most once a
 * frame however fast the pointer moves, and only for trusted events (a page
 * script's synthetic `pointermove` cannot open a card, issue #13).
 *
 * @example document.addEventListener('pointermove', pointerPerFrame(controller, requestAnimationFrame), { passive: true });
 */
export function pointerPerFrame<Mention>(
  controller: CardController<Mention>,
  requestFrame: (callback: () => void) => unknown,
): (event: PointerInput) => void {
  let last: PointerInput | undefined;
  let requested = false;
  return (event) => {
    if (!event.isTrusted) return;
    last = event;
    if (requested) return;
    requested = true;
    requestFrame(() => {
      requested = false;
      if (last) controller.pointerAt(last);
    });
  };
}
