import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type CardFeedback, EntityCardView } from '@/components/entity-card';
import cardCss from '@/components/entity-card.css?inline';
import type { CardExcerpt, EntityCard } from '@/lib/corpus/entity-card';
import type { Highlighter, Mention } from '@/lib/page/highlighter';
import { OWN_UI_TAG } from '@/lib/page/text-ranges';
import hoverCss from './hover-card.css?inline';

/**
 * The hover card on the page: opens when the pointer rests on a highlight
 * or a keyboard command moves to a mention, and follows WCAG 1.4.13: it can
 * be dismissed (Escape, ×) without moving the pointer, it can be hovered
 * (moving onto it keeps it open), and it stays until the reader leaves both
 * the mention and the card, dismisses it, or picks another mention.
 *
 * It lives in a closed shadow root that is added to the page only while a
 * card is shown, so pages with nothing to show get no node from us.
 */
export interface CardControllerOptions {
  loadCard(entityId: string): Promise<EntityCard | undefined>;
  onFeedback(entityId: string, verdict: CardFeedback): void;
  onOpenExcerpt(excerpt: CardExcerpt): void;
}

// How long the pointer rests on a highlight before the card opens, and how
// long it may take to travel from the highlight onto the card.
const REST_MS = 350;
const LEAVE_GRACE_MS = 400;

interface ShownCard {
  mention: Mention;
  entityId: string;
  card: EntityCard | undefined;
  loading: boolean;
  /** Opened from the keyboard: focus moves into it, and it stays until dismissed. */
  pinned: boolean;
}

export class CardController {
  private ui: ShadowRootContentScriptUi<Root> | undefined;
  private uiPromise: Promise<ShadowRootContentScriptUi<Root>> | undefined;
  private shown: ShownCard | undefined;
  private restTimer: number | undefined;
  private leaveTimer: number | undefined;
  private restingOn: Mention | undefined;
  /** After Escape, the card stays closed until the pointer moves to another mention. */
  private dismissedFor: Mention | undefined;
  private pointerOverCard = false;
  private pointerTracking = false;
  private frameRequested = false;
  private lastPointer = { x: 0, y: 0 };
  private loadToken = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly highlighter: Highlighter,
    private readonly options: CardControllerOptions,
  ) {
    ctx.onInvalidated(() => this.destroy());
  }

  get openMention(): Mention | undefined {
    return this.shown?.mention;
  }

  /** Starts watching the pointer; called once the page has highlights, so unrelated pages pay nothing. */
  trackPointer(): void {
    if (this.pointerTracking) return;
    this.pointerTracking = true;
    this.ctx.addEventListener(document, 'pointermove', (event) => this.onPointerMove(event as PointerEvent), {
      passive: true,
      capture: true,
    });
    this.ctx.addEventListener(window, 'keydown', (event) => this.onKeyDown(event as KeyboardEvent), { capture: true });
    this.ctx.addEventListener(window, 'scroll', () => this.reposition(), { passive: true, capture: true });
    this.ctx.addEventListener(window, 'resize', () => this.reposition(), { passive: true });
  }

  /** Opens the card of `mention` (from the keyboard or the popup: pinned, with focus inside). */
  async show(mention: Mention, pinned: boolean): Promise<void> {
    this.clearTimers();
    this.dismissedFor = undefined;
    this.highlighter.setActive(mention);
    const token = ++this.loadToken;
    this.shown = { mention, entityId: mention.entityId, card: undefined, loading: true, pinned };
    await this.render();
    const card = await this.options.loadCard(mention.entityId);
    if (token !== this.loadToken || !this.shown) return;
    this.shown = { ...this.shown, card, loading: false };
    await this.render();
  }

  /** Shows another entity's card in place (a related entity was chosen). */
  private async showRelated(entityId: string): Promise<void> {
    if (!this.shown) return;
    const token = ++this.loadToken;
    this.shown = { ...this.shown, entityId, card: undefined, loading: true, pinned: true };
    await this.render();
    const card = await this.options.loadCard(entityId);
    if (token !== this.loadToken || !this.shown) return;
    this.shown = { ...this.shown, card, loading: false };
    await this.render();
  }

  close(): void {
    this.clearTimers();
    this.loadToken++;
    if (this.shown) this.dismissedFor = this.shown.mention;
    this.shown = undefined;
    this.pointerOverCard = false;
    this.highlighter.setActive(null);
    // Remove the host: the page goes back to having no node of ours.
    this.ui?.remove();
  }

  destroy(): void {
    this.close();
    this.ui = undefined;
    this.uiPromise = undefined;
  }

  // --- Pointer ------------------------------------------------------------

  private onPointerMove(event: PointerEvent): void {
    this.lastPointer = { x: event.clientX, y: event.clientY };
    const overCard = this.ui !== undefined && event.composedPath().includes(this.ui.shadowHost);
    if (overCard !== this.pointerOverCard) {
      this.pointerOverCard = overCard;
      if (overCard) this.cancelLeave();
      else this.scheduleLeave();
    }
    if (overCard || this.frameRequested) return;
    // One hit test per frame, however fast the pointer moves.
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.onPointerAt(this.lastPointer.x, this.lastPointer.y);
    });
  }

  private onPointerAt(x: number, y: number): void {
    if (this.pointerOverCard) return;
    const hit = this.highlighter.hitTest(x, y);
    if (hit && hit === this.shown?.mention) {
      this.cancelLeave();
      return;
    }
    if (hit !== this.restingOn) {
      this.restingOn = hit;
      window.clearTimeout(this.restTimer);
      if (hit && hit !== this.dismissedFor) {
        this.restTimer = window.setTimeout(() => {
          if (this.restingOn === hit && !this.pointerOverCard) void this.show(hit, false);
        }, REST_MS);
      }
      if (hit !== this.dismissedFor) this.dismissedFor = undefined;
    }
    if (!hit) this.scheduleLeave();
  }

  private scheduleLeave(): void {
    if (!this.shown || this.shown.pinned || this.pointerOverCard) return;
    if (this.leaveTimer !== undefined) return;
    this.leaveTimer = window.setTimeout(() => {
      this.leaveTimer = undefined;
      if (!this.pointerOverCard && this.shown && !this.shown.pinned) this.close();
    }, LEAVE_GRACE_MS);
  }

  private cancelLeave(): void {
    window.clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
  }

  private clearTimers(): void {
    window.clearTimeout(this.restTimer);
    this.cancelLeave();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.shown) return;
    this.close();
    event.stopPropagation();
  }

  // --- Rendering ------------------------------------------------------------

  private async ensureUi(): Promise<ShadowRootContentScriptUi<Root>> {
    if (this.ui) return this.ui;
    this.uiPromise ??= createShadowRootUi<Root>(this.ctx, {
      name: OWN_UI_TAG,
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      mode: 'closed',
      css: `${cardCss}\n${hoverCss}`,
      // Keys typed in the card (Tab, Enter) must not reach the page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => createRoot(container),
      onRemove: (root) => root?.unmount(),
    });
    this.ui = await this.uiPromise;
    return this.ui;
  }

  private async render(): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    const ui = await this.ensureUi();
    if (!this.shown) return;
    if (!ui.mounted) ui.mount();
    ui.mounted?.render(
      <HoverCard
        key={shown.entityId}
        shown={shown}
        anchor={shown.mention.range}
        onClose={() => this.close()}
        onFeedback={(verdict) => {
          const entityId = shown.entityId;
          this.close();
          this.options.onFeedback(entityId, verdict);
        }}
        onOpenExcerpt={(excerpt) => this.options.onOpenExcerpt(excerpt)}
        onSelectRelated={(entityId) => void this.showRelated(entityId)}
      />,
    );
  }

  private reposition(): void {
    if (this.shown) void this.render();
  }
}

interface HoverCardProps {
  shown: ShownCard;
  anchor: Range;
  onClose(): void;
  onFeedback(verdict: CardFeedback): void;
  onOpenExcerpt(excerpt: CardExcerpt): void;
  onSelectRelated(entityId: string): void;
}

const MARGIN = 8;

/** Places the card below the mention, or above when there is more room there, always inside the viewport. */
function placeCard(
  anchor: DOMRect,
  card: { width: number; height: number },
): { top: number; left: number; maxHeight: number } {
  const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
  const viewportHeight = window.innerHeight;
  const below = viewportHeight - anchor.bottom - MARGIN;
  const above = anchor.top - MARGIN;
  const placeBelow = below >= card.height || below >= above;
  const room = Math.max(120, (placeBelow ? below : above) - MARGIN);
  const height = Math.min(card.height, room);
  const top = placeBelow ? anchor.bottom + MARGIN / 2 : Math.max(MARGIN, anchor.top - height - MARGIN / 2);
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, viewportWidth - card.width - MARGIN));
  return { top: Math.max(MARGIN, Math.min(top, viewportHeight - height - MARGIN)), left, maxHeight: room };
}

function HoverCard({ shown, anchor, onClose, onFeedback, onOpenExcerpt, onSelectRelated }: HoverCardProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>({ top: 0, left: 0, visibility: 'hidden' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the card's size changes when its content loads, so placement runs again then.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    // The top layer keeps the card above any page overlay, whatever its z-index.
    if (!element.matches(':popover-open')) element.showPopover();
    const place = placeCard(anchor.getBoundingClientRect(), element.getBoundingClientRect());
    setStyle({ top: place.top, left: place.left, maxHeight: place.maxHeight, visibility: 'visible' });
  }, [anchor, shown.card, shown.loading]);

  useLayoutEffect(() => {
    // From the keyboard, focus goes into the card so its controls are reachable with Tab.
    if (shown.pinned && !shown.loading) wrapper.current?.querySelector<HTMLElement>('button, a[href]')?.focus();
  }, [shown.pinned, shown.loading]);

  return (
    <div ref={wrapper} className="nc-hover" popover="manual" style={style}>
      {shown.card ? (
        <EntityCardView
          card={shown.card}
          onClose={onClose}
          onFeedback={onFeedback}
          onOpenExcerpt={onOpenExcerpt}
          onSelectRelated={onSelectRelated}
        />
      ) : (
        <div className="nc-card nc-hover-status" role="status">
          {shown.loading ? 'Loading…' : 'No background found for this name.'}
        </div>
      )}
    </div>
  );
}
