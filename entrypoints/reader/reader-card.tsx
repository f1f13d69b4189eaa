import { type CSSProperties, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EntityCardView } from '@/components/entity-card';
import type { CardExcerpt, EntityCard } from '@/lib/corpus/entity-card';
import { timelineUrl } from '@/lib/extension/timeline-page-url';
import type { Highlighter, Mention } from '@/lib/page/highlighter';
import { SKIP_ATTRIBUTE } from './article-annotation';

/**
 * The reader page's entity cards: the hover card of news pages, rendered
 * directly in React (our own page needs no shadow root). The same rules as
 * on a page (WCAG 1.4.13): the pointer rests on a mention to open it, can
 * move onto the card, and Escape or × closes it. From the keyboard (the
 * entity list), the card opens pinned, with focus inside.
 */

// The hover card's timings (entrypoints/content/hover-card.tsx), so both feel the same.
const REST_MS = 350;
const LEAVE_GRACE_MS = 400;
const MARGIN = 8;

interface Shown {
  mention: Mention;
  entityId: string;
  pinned: boolean;
  card: EntityCard | null | undefined;
  /** Where focus goes back to when a pinned card closes. */
  returnFocus?: HTMLElement | null;
}

export interface ReaderCards {
  /** The card layer to render once in the page. */
  layer: React.ReactNode;
  /** Scrolls to the entity's next mention and opens its card, pinned (the entity list). */
  revealEntity(entityId: string, from?: HTMLElement | null): boolean;
}

export function useReaderCards(
  highlighter: Highlighter | undefined,
  loadCard: (entityId: string) => Promise<EntityCard | undefined>,
  onOpenExcerpt: (excerpt: CardExcerpt) => void,
): ReaderCards {
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const shownRef = useRef<Shown | undefined>(undefined);
  shownRef.current = shown;
  const overCard = useRef(false);
  const restTimer = useRef<number | undefined>(undefined);
  const leaveTimer = useRef<number | undefined>(undefined);
  const restingOn = useRef<Mention | undefined>(undefined);

  const open = useCallback(
    (mention: Mention, entityId: string, pinned: boolean, returnFocus?: HTMLElement | null) => {
      window.clearTimeout(leaveTimer.current);
      highlighter?.setActive(mention);
      setShown({ mention, entityId, pinned, card: undefined, returnFocus });
      loadCard(entityId).then(
        (card) =>
          setShown((current) => (current?.entityId === entityId ? { ...current, card: card ?? null } : current)),
        () => setShown((current) => (current?.entityId === entityId ? { ...current, card: null } : current)),
      );
    },
    [highlighter, loadCard],
  );

  const close = useCallback(() => {
    window.clearTimeout(leaveTimer.current);
    highlighter?.setActive(null);
    const returnFocus = shownRef.current?.returnFocus;
    setShown(undefined);
    returnFocus?.focus();
  }, [highlighter]);

  // The pointer: one hit test per frame, a rest before opening, a grace period before closing.
  useEffect(() => {
    if (!highlighter) return;
    let frame = 0;
    let point = { x: 0, y: 0 };
    const onFrame = () => {
      frame = 0;
      if (overCard.current) return;
      const hit = highlighter.hitTest(point.x, point.y);
      const current = shownRef.current;
      if (hit && hit === current?.mention) {
        window.clearTimeout(leaveTimer.current);
        return;
      }
      if (hit !== restingOn.current) {
        restingOn.current = hit;
        window.clearTimeout(restTimer.current);
        if (hit) {
          restTimer.current = window.setTimeout(() => {
            if (restingOn.current === hit && !overCard.current) open(hit, hit.entityId, false);
          }, REST_MS);
        }
      }
      if (!hit && current && !current.pinned) {
        window.clearTimeout(leaveTimer.current);
        leaveTimer.current = window.setTimeout(() => {
          if (!overCard.current && !shownRef.current?.pinned) close();
        }, LEAVE_GRACE_MS);
      }
    };
    const onMove = (event: PointerEvent) => {
      point = { x: event.clientX, y: event.clientY };
      if (!frame) frame = requestAnimationFrame(onFrame);
    };
    document.addEventListener('pointermove', onMove, { passive: true });
    return () => {
      document.removeEventListener('pointermove', onMove);
      cancelAnimationFrame(frame);
      window.clearTimeout(restTimer.current);
      window.clearTimeout(leaveTimer.current);
    };
  }, [highlighter, open, close]);

  // Escape closes the card from anywhere on the page.
  useEffect(() => {
    if (!shown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, close]);

  const revealEntity = (entityId: string, from?: HTMLElement | null): boolean => {
    if (!highlighter) return false;
    const mentions = highlighter.mentions().filter((mention) => mention.entityId === entityId);
    if (mentions.length === 0) return false;
    const at = shown ? mentions.indexOf(shown.mention) : -1;
    const mention = mentions[(at + 1) % mentions.length] as Mention;
    const rect = mention.range.getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 80) {
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
    }
    open(mention, entityId, true, from);
    return true;
  };

  const layer = shown ? (
    <CardPopover
      key={`${shown.entityId}:${shown.pinned}`}
      shown={shown}
      onPointerOver={(over) => {
        overCard.current = over;
        if (over) window.clearTimeout(leaveTimer.current);
      }}
      onClose={close}
      onOpenExcerpt={onOpenExcerpt}
      onSelectRelated={(entityId) => open(shown.mention, entityId, true, shown.returnFocus)}
    />
  ) : null;

  return { layer, revealEntity };
}

function CardPopover(props: {
  shown: Shown;
  onPointerOver(over: boolean): void;
  onClose(): void;
  onOpenExcerpt(excerpt: CardExcerpt): void;
  onSelectRelated(entityId: string): void;
}) {
  const { shown } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden', top: 0, left: 0 });

  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again when the card's content (and size) changes.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const anchor = shown.mention.range.getBoundingClientRect();
    const size = element.getBoundingClientRect();
    const below = window.innerHeight - anchor.bottom - MARGIN;
    const above = anchor.top - MARGIN;
    const placeBelow = below >= size.height || below >= above;
    const room = Math.max(160, (placeBelow ? below : above) - MARGIN);
    const height = Math.min(size.height, room);
    const top = placeBelow ? anchor.bottom + MARGIN / 2 : Math.max(MARGIN, anchor.top - height - MARGIN / 2);
    const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, window.innerWidth - size.width - MARGIN));
    setStyle({ top, left, maxHeight: room });
  }, [shown.card, shown.mention]);

  useEffect(() => {
    if (shown.pinned && shown.card) wrapper.current?.querySelector<HTMLElement>('button')?.focus();
  }, [shown.pinned, shown.card]);

  // A press anywhere else closes the card, as a click outside closes a dialog.
  const { onClose } = props;
  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [onClose]);

  return (
    <div
      ref={wrapper}
      className="nc-reader-card"
      style={style}
      {...{ [SKIP_ATTRIBUTE]: '' }}
      onPointerEnter={() => props.onPointerOver(true)}
      onPointerLeave={() => props.onPointerOver(false)}
    >
      {shown.card ? (
        <EntityCardView
          card={shown.card}
          onClose={props.onClose}
          onOpenExcerpt={props.onOpenExcerpt}
          onSelectRelated={props.onSelectRelated}
          onOpenTimeline={openTimeline}
        />
      ) : (
        <div className="nc-card nc-reader-card-status" role="status">
          {shown.card === undefined ? 'Loading…' : 'No background found for this name.'}
        </div>
      )}
    </div>
  );
}

/** Issue #15: a card's "See on the timeline", in this tab, at the point of the entity's latest mention. */
function openTimeline(target: { entityId: string; pointId?: string; date?: string }): void {
  location.href = timelineUrl(browser.runtime.getURL('/timeline.html'), {
    zoom: 'month',
    focus: target.date?.slice(0, 4),
    pointId: target.pointId,
  });
}
