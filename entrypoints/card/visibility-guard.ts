/**
 * Click-jacking guard for the card frame (issue #13). A news page can lay its
 * own element over our frame with `pointer-events: none`, so the reader sees
 * the page's text while a real click lands on "Don't highlight this".
 * IntersectionObserver v2 (`trackVisibility`) tells an iframe whether it is
 * painted unobscured and unaltered (no overlay, opacity, filter or transform)
 * across the whole page; the card acts only after it has been seen that way
 * for `STEADY_MS` in a row, so a page cannot flip an overlay away just before
 * the click either.
 *
 * The browser reports visibility when it renders a frame, so a card left
 * alone under a still pointer may be reported late; the reader's own pointer
 * movement over the card keeps the reports current.
 *
 * Where the browser has no `trackVisibility` (Firefox 140), the guard cannot
 * see overlays and lets actions through. There the content script keeps the
 * frame above whatever the page opens in the top layer instead
 * (entrypoints/content/card-frame.ts), so the card the reader clicks is the
 * card they see; the frame's origin keeps the text private in both.
 */
const STEADY_MS = 300;

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

export class VisibilityGuard {
  private visibleSince: number | undefined;
  private readonly observer: IntersectionObserver | undefined;
  private readonly supported: boolean;

  constructor(
    element: Element,
    private readonly onChange: (visible: boolean) => void,
  ) {
    const init = { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
    this.supported = 'isVisible' in IntersectionObserverEntry.prototype;
    if (!this.supported) {
      this.observer = undefined;
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1] as VisibilityEntry | undefined;
      if (!entry) return;
      const visible = entry.isVisible === true;
      if (visible && this.visibleSince === undefined) this.visibleSince = performance.now();
      if (!visible) this.visibleSince = undefined;
      this.onChange(visible);
    }, init);
    this.observer.observe(element);
  }

  /** Whether a click now may act: seen unobscured long enough (or the browser cannot tell). */
  allows(): boolean {
    if (!this.supported) return true;
    return this.visibleSince !== undefined && performance.now() - this.visibleSince >= STEADY_MS;
  }

  disconnect(): void {
    this.observer?.disconnect();
  }
}
