/**
 * Where a card goes next to its mention: below it, or above when there is
 * more room there, always inside the viewport. Shared by the page's card
 * frame (entrypoints/content) and, later, the reader page, so both place
 * cards the same way. Pure arithmetic on rectangles.
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
  const room = Math.max(120, (placeBelow ? below : above) - MARGIN);
  const height = Math.min(card.height, room);
  const top = placeBelow ? anchor.bottom + MARGIN / 2 : Math.max(MARGIN, anchor.top - height - MARGIN / 2);
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, viewport.width - card.width - MARGIN));
  return { top: Math.max(MARGIN, Math.min(top, viewport.height - height - MARGIN)), left, maxHeight: room };
}
