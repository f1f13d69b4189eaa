import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { placeCard, viewportOf } from '@/lib/page/place-card';
import { OWN_UI_TAG } from '@/lib/page/text-ranges';

/**
 * The card's frame on the page (issue #13): a closed shadow root that holds
 * one iframe of our extension page `card.html`, added only while a card
 * shows. The frame is extension origin, so a page script cannot read its
 * text (`window.find`, selections, `innerText`, shadow-root access all stop
 * at the frame) nor dispatch events into it. This script never sees the
 * card's text: the frame gets it from the background over a port, and the
 * background relays the frame's height back here.
 *
 * A page can lay its own top-layer element (a popover, a modal dialog, a
 * fullscreen element) over the card and let clicks through, so the reader
 * sees the page's text while a real click lands on a card button. Where the
 * browser tells a frame it is covered (IntersectionObserver v2, Chromium),
 * the card page pauses its buttons and says why
 * (entrypoints/card/visibility-guard.ts). Where it cannot (Firefox 140), this
 * frame takes the top of the top layer back whenever the page puts something
 * there, before the page's next paint, so what the reader sees on the card is
 * the card.
 */
export interface CardFrameEvents {
  /** The real pointer entered (true) or left (false) the frame. */
  pointerOnFrame(over: boolean, event: PointerEvent): void;
}

const WIDTH = 380;

/** Whether the card page can see overlays itself (IntersectionObserver v2's `isVisible`). */
const frameSeesOverlays = () => 'isVisible' in IntersectionObserverEntry.prototype;

export class CardFrame {
  private host: HTMLElement | undefined;
  private frame: HTMLIFrameElement | undefined;
  private contentHeight = 0;
  private anchor: Range | undefined;
  /** Ends the top-layer watch of the card on show (see `keepOnTop`). */
  private topLayerWatch: AbortController | undefined;
  private raiseQueued = false;
  /** Opened from the keyboard: focus goes into the frame once it is shown (a hidden frame cannot take focus). */
  private focusPending = false;
  /** What had focus on the page before the card took it: it gets it back when the card closes. */
  private focusReturn: Element | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly events: CardFrameEvents,
  ) {}

  get element(): HTMLIFrameElement | undefined {
    return this.frame;
  }

  /** Shows the frame next to `anchor`, creating it if needed (its content arrives from the background). */
  show(anchor: Range, focus: boolean): void {
    this.anchor = anchor;
    if (!this.frame) this.create();
    this.focusPending = focus;
    this.place();
  }

  /** The card page measured its content. */
  setContentHeight(height: number): void {
    this.contentHeight = height;
    this.place();
  }

  /** Scroll or resize: follow the mention. */
  place(): void {
    const frame = this.frame;
    const anchor = this.anchor;
    if (!frame || !anchor) return;
    const viewport = viewportOf(document.documentElement, window);
    const width = Math.min(WIDTH, viewport.width - 16);
    const placement = placeCard(anchor.getBoundingClientRect(), { width, height: this.contentHeight }, viewport);
    const height = Math.min(this.contentHeight, placement.maxHeight);
    frame.style.setProperty('top', `${placement.top}px`, 'important');
    frame.style.setProperty('left', `${placement.left}px`, 'important');
    frame.style.setProperty('width', `${width}px`, 'important');
    frame.style.setProperty('height', `${height}px`, 'important');
    // Hidden until the card page has said how tall it is, so it never flashes at the wrong size.
    frame.style.setProperty('visibility', this.contentHeight > 0 ? 'visible' : 'hidden', 'important');
    if (this.focusPending && this.contentHeight > 0) {
      this.focusPending = false;
      if (document.activeElement !== this.host) this.focusReturn = document.activeElement;
      frame.focus();
    }
  }

  /** Takes the host off the page: it goes back to having no node of ours. */
  remove(): void {
    // A card closed with focus inside (Escape, its close button) hands focus back to the page first, as a
    // dialog does: otherwise focus goes down with the frame, and the rest of the key press (its keyup) is
    // sent to a frame that no longer exists (Chromium's DevTools input then never answers).
    if (this.host && document.activeElement === this.host) {
      const previous = this.focusReturn;
      if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) {
        previous.focus({ preventScroll: true });
      } else {
        this.frame?.blur();
      }
    }
    this.focusReturn = null;
    this.topLayerWatch?.abort();
    this.topLayerWatch = undefined;
    this.host?.remove();
    this.host = undefined;
    this.frame = undefined;
    this.anchor = undefined;
    this.contentHeight = 0;
    this.focusPending = false;
  }

  private create(): void {
    const host = document.createElement(OWN_UI_TAG);
    // Inline and important: a page's `news-context-ui { display: none }` cannot hide the card.
    host.style.setProperty('all', 'initial');
    host.style.setProperty('display', 'block', 'important');
    const shadow = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL('/card.html');
    frame.title = 'News Context card';
    frame.tabIndex = -1;
    frame.setAttribute('popover', 'manual');
    frame.setAttribute('allowtransparency', 'true');
    for (const [name, value] of Object.entries(FRAME_STYLE)) frame.style.setProperty(name, value, 'important');
    const onPointer = (over: boolean) => (event: Event) => this.events.pointerOnFrame(over, event as PointerEvent);
    this.ctx.addEventListener(frame, 'pointerenter', onPointer(true));
    this.ctx.addEventListener(frame, 'pointerleave', onPointer(false));
    shadow.append(frame);
    (document.body ?? document.documentElement).append(host);
    // The top layer keeps the card above any page overlay, whatever its z-index.
    frame.showPopover?.();
    this.host = host;
    this.frame = frame;
    if (!frameSeesOverlays()) this.keepOnTop();
  }

  /**
   * While the card shows, answers every element the page opens in the top
   * layer by showing the frame again, which puts it back on top. A popover
   * or dialog announces itself with `beforetoggle` (synchronously, inside
   * the page's `showPopover()`) and `toggle`; the raise runs in a microtask,
   * so after the page's script has finished and before the page paints.
   * Neither event is composed, so the frame's own toggles (inside our
   * closed shadow root) never reach these listeners, and a page that fakes
   * them only makes us raise the card again.
   */
  private keepOnTop(): void {
    const watch = new AbortController();
    this.topLayerWatch = watch;
    const onOpen = (event: Event) => {
      const target = event.target;
      // Popovers and dialogs only: a `<details>` opening also fires `toggle`, and it is not in the top layer.
      const topLayer = target instanceof Element && (target.hasAttribute('popover') || target.localName === 'dialog');
      if ((event as ToggleEvent).newState === 'open' && topLayer && target !== this.host) this.raiseSoon();
    };
    for (const type of ['beforetoggle', 'toggle']) {
      window.addEventListener(type, onOpen, { capture: true, signal: watch.signal });
    }
    document.addEventListener('fullscreenchange', () => this.raiseSoon(), { signal: watch.signal });
  }

  private raiseSoon(): void {
    if (this.raiseQueued) return;
    this.raiseQueued = true;
    queueMicrotask(() => {
      this.raiseQueued = false;
      const frame = this.frame;
      if (!frame?.isConnected) return;
      // Hidden and shown in the same task, the frame is never rendered hidden: focus inside it stays
      // (the Firefox suite checks it for a card opened from the keyboard).
      frame.hidePopover();
      frame.showPopover();
    });
  }
}

const FRAME_STYLE: Record<string, string> = {
  position: 'fixed',
  inset: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
  'border-radius': '10px',
  background: 'transparent',
  'color-scheme': 'normal',
  'box-shadow': '0 6px 24px rgb(0 0 0 / 22%)',
  overflow: 'hidden',
  display: 'block',
  visibility: 'hidden',
  opacity: '1',
  transform: 'none',
  filter: 'none',
};
