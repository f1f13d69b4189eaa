/**
 * Where a card goes next to its mention: below it, or above when there is
 * more room there, always inside the viewport. Shared by the page's card
 * frame (entrypoints/content) and the reader page (entrypoints/reader), so
 * both place cards the same way (issue #10: they had drifted to a different
 * minimum room, 160 against 120, and a different viewport width). Pure
 * arithmetic on rectangles.
 */

export interface CardPlacement {
  top: number;
  left: number;
  /** The most the card may grow before it scrolls inside. */
  maxHeight: number;
}

export interface Viewport {
  width: number;
  height: number;
}

const MARGIN = 8;
/** The least height a card gets, even when the mention sits at the viewport's edge: it then scrolls inside. */
const MIN_ROOM = 120;

/**
 * The viewport a card must stay in: the root element's width, which leaves
 * out a vertical scroll bar (`innerWidth` counts it, so a card could slide
 * under it), and the window's height.
 *
 * @example viewportOf(document.documentElement, window) // { width: 1265, height: 720 }
 */
export function viewportOf(
  root: { readonly clientWidth: number },
  view: { readonly innerWidth: number; readonly innerHeight: number },
): Viewport {
  return { width: root.clientWidth || view.innerWidth, height: view.innerHeight };
}

/**
 * @example placeCard({ top: 100, bottom: 120, left: 40 }, { width: 380, height: 300 }, { width: 1280, height: 720 })
 *   // → { top: 124, left: 40, maxHeight: 584 }
 */
export function placeCard(
  anchor: { top: number; bottom: number; left: number },
  card: { width: number; height: number },
  viewport: Viewport,
): CardPlacement {
  const below = viewport.height - anchor.bottom - MARGIN;
  const above = anchor.top - MARGIN;
  const placeBelow = below >= card.height || below >= above;
  const room = Math.max(MIN_ROOM, (placeBelow ? below : above) - MARGIN);
  const height = Math.min(card.height, room);
  const top = placeBelow ? anchor.bottom + MARGIN / 2 : Math.max(MARGIN, anchor.top - height - MARGIN / 2);
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, viewport.width - card.width - MARGIN));
  return { top: Math.max(MARGIN, Math.min(top, viewport.height - height - MARGIN)), left, maxHeight: room };
}
