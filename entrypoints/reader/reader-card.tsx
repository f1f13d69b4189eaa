import { type CSSProperties, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EntityCardView } from '@/components/entity-card';
import type { CardExcerpt, EntityCard } from '@/lib/corpus/entity-card';
import { timelineUrl } from '@/lib/extension/timeline-page-url';
import { CardController, pointerPerFrame } from '@/lib/page/card-controller';
import type { Highlighter, Mention } from '@/lib/page/highlighter';
import { placeCard, viewportOf } from '@/lib/page/place-card';
import { SKIP_ATTRIBUTE } from './article-annotation';

/**
 * The reader page's entity cards: the hover card of news pages, rendered
 * directly in React (our own page needs no frame). The same controller
 * (`lib/page/card-controller.ts`: timings, pointer rules, Escape, a press
 * outside) and the same placement (`lib/page/place-card.ts`) as on a page.
 * From the keyboard (the entity list), the card opens pinned, with focus
 * inside, and focus goes back to where it was when the card closes.
 */

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
  // What the next `open` shows when it is not the mention's own entity (a related entity) or came from a button.
  const request = useRef<{ entityId: string; returnFocus?: HTMLElement | null } | undefined>(undefined);
  const card = useRef<HTMLDivElement>(null);

  const controller = useMemo(() => {
    if (!highlighter) return undefined;
    return new CardController<Mention>({
      hitTest: (x, y) => highlighter.hitTest(x, y) ?? undefined,
      open: (mention, pinned) => {
        const { entityId, returnFocus } = request.current ?? { entityId: mention.entityId };
        request.current = undefined;
        highlighter.setActive(mention);
        setShown({ mention, entityId, pinned, card: undefined, returnFocus });
        loadCard(entityId).then(
          (loaded) =>
            setShown((current) => (current?.entityId === entityId ? { ...current, card: loaded ?? null } : current)),
          () => setShown((current) => (current?.entityId === entityId ? { ...current, card: null } : current)),
        );
      },
      close: () => {
        highlighter.setActive(null);
        const returnFocus = shownRef.current?.returnFocus;
        setShown(undefined);
        returnFocus?.focus();
      },
      setTimeout: (callback, ms) => window.setTimeout(callback, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    });
  }, [highlighter, loadCard]);

  useEffect(() => {
    if (!controller) return;
    const onMove = pointerPerFrame(controller, requestAnimationFrame);
    // Presses on the card itself are the card's; any other closes it.
    const onDown = (event: PointerEvent) => {
      if (!card.current?.contains(event.target as Node)) controller.pressOutside(event);
    };
    const onKey = (event: KeyboardEvent) => controller.keyDown(event);
    document.addEventListener('pointermove', onMove, { passive: true });
    document.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
      controller.destroy();
    };
  }, [controller]);

  const showEntity = (mention: Mention, entityId: string, returnFocus?: HTMLElement | null) => {
    request.current = { entityId, returnFocus };
    controller?.show(mention, true);
  };

  const revealEntity = (entityId: string, from?: HTMLElement | null): boolean => {
    if (!highlighter) return false;
    const mention = highlighter.nextMentionOf(entityId, controller?.openMention);
    if (!mention) return false;
    const rect = mention.range.getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 80) {
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
    }
    showEntity(mention, entityId, from);
    return true;
  };

  const layer =
    shown && controller ? (
      <CardPopover
        key={`${shown.entityId}:${shown.pinned}`}
        wrapper={card}
        shown={shown}
        onPointerOver={(over, event) => controller.pointerOnCard(over, event)}
        onClose={() => controller.close()}
        onOpenExcerpt={onOpenExcerpt}
        onSelectRelated={(entityId) => showEntity(shown.mention, entityId, shown.returnFocus)}
      />
    ) : null;

  return { layer, revealEntity };
}

function CardPopover(props: {
  wrapper: React.RefObject<HTMLDivElement | null>;
  shown: Shown;
  onPointerOver(over: boolean, event: PointerEvent): void;
  onClose(): void;
  onOpenExcerpt(excerpt: CardExcerpt): void;
  onSelectRelated(entityId: string): void;
}) {
  const { shown, wrapper } = props;
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden', top: 0, left: 0 });

  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again when the card's content (and size) changes.
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const place = () => {
      const { top, left, maxHeight } = placeCard(
        shown.mention.range.getBoundingClientRect(),
        element.getBoundingClientRect(),
        viewportOf(document.documentElement, window),
      );
      setStyle({ top, left, maxHeight });
    };
    place();
    // The card is fixed in the viewport: it follows its mention as the article scrolls, as on a news page.
    window.addEventListener('scroll', place, { passive: true, capture: true });
    window.addEventListener('resize', place, { passive: true });
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [shown.card, shown.mention]);

  useEffect(() => {
    if (shown.pinned && shown.card) wrapper.current?.querySelector<HTMLElement>('button')?.focus();
  }, [shown.pinned, shown.card, wrapper]);

  return (
    <div
      ref={wrapper}
      className="nc-reader-card"
      style={style}
      {...{ [SKIP_ATTRIBUTE]: '' }}
      onPointerEnter={(event) => props.onPointerOver(true, event.nativeEvent)}
      onPointerLeave={(event) => props.onPointerOver(false, event.nativeEvent)}
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
