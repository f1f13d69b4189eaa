import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type CardFeedback, EntityCardView } from '@/components/entity-card';
import type { EntityCard } from '@/lib/corpus/entity-card';
import type { CardFrameMessage } from '@/lib/extension/messages';
import type { DatePrecision } from '@/lib/model/knowledge-base';
// Zod Mini, not lib/extension/messages.ts: the classic Zod bundle cost the card page its first paint (card-messages.ts).
import { cardImportedMessage, cardPageMessage, cardShowMessage } from './card-messages';
import { cardPort } from './early-port';
import { VisibilityGuard } from './visibility-guard';

/**
 * The card page, shown in a frame on the news page (issue #13). It connects
 * a port to the background, which sends the card the content script asked
 * for; the page's scripts cannot read this frame, and this frame never
 * sends its text anywhere. Every action needs a trusted event (the card
 * component checks) and a frame the page has not covered (the visibility
 * guard).
 */
interface Shown {
  entityId: string;
  pinned: boolean;
  card: EntityCard | null;
  /** The news page's date, for "Newer than your sources" and an event's distance in time (issues #15, #12). */
  pageDate?: { date: string; precision: DatePrecision };
}

export function CardApp() {
  const [shown, setShown] = useState<Shown | undefined>();
  const [covered, setCovered] = useState(false);
  /** What "Import this page" did, said in the card until another entity is shown. */
  const [importStatus, setImportStatus] = useState<string | undefined>();
  const shownEntity = useRef<string | undefined>(undefined);
  const port = useRef(cardPort.port);
  const wrapper = useRef<HTMLDivElement>(null);
  const guard = useRef<VisibilityGuard | undefined>(undefined);

  useEffect(() => {
    // Connected before React started (card-port.ts); what the background sent meanwhile comes first.
    const connection = cardPort.port;
    const stopListening = cardPort.listen((raw: unknown) => {
      const page = cardPageMessage.safeParse(raw);
      if (page.success) {
        if (!page.data.html) {
          setImportStatus('This page could not be read.');
          return;
        }
        void import('./page-draft')
          .then(({ pageDraftMessage }) => {
            const draft = pageDraftMessage(page.data.html, page.data.url);
            if (draft.text.trim()) connection.postMessage(draft satisfies CardFrameMessage);
            else setImportStatus('Nothing to import on this page.');
          })
          .catch((error: unknown) => setImportStatus(`Could not read this page: ${(error as Error).message}`));
        return;
      }
      const imported = cardImportedMessage.safeParse(raw);
      if (imported.success) {
        setImportStatus(imported.data.status);
        return;
      }
      const message = cardShowMessage.safeParse(raw);
      if (!message.success) return;
      const { entityId, pinned, pageDate, card } = message.data;
      // The same card built again (after an import) keeps its status line; another entity drops it.
      if (shownEntity.current !== entityId) setImportStatus(undefined);
      shownEntity.current = entityId;
      setShown({ entityId, pinned, card, ...(pageDate ? { pageDate } : {}) });
    });
    // Escape anywhere in the frame closes the card (the card's own handler covers focus inside it).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.isTrusted)
        connection.postMessage({ type: 'frame/close' } satisfies CardFrameMessage);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopListening();
    };
  }, []);

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    // The note shows only after a click was refused, and goes once the card is seen uncovered again.
    guard.current = new VisibilityGuard(element, (visible) => {
      if (visible) setCovered(false);
    });
    return () => guard.current?.disconnect();
  }, []);

  const send = (message: CardFrameMessage) => port.current.postMessage(message);
  /** Acts only when the page has not covered the frame (see visibility-guard.ts). */
  const guarded = (action: () => void) => () => {
    if (guard.current?.allows() === false) {
      setCovered(true);
      return;
    }
    action();
  };

  // The content script sizes the frame: tell it how tall the card wants to be (through the background).
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again whenever what is shown changes.
  useLayoutEffect(() => {
    const element = wrapper.current;
    // Sized only once the background's answer is shown: the frame stays hidden until then (card-frame.ts), so the
    // reader never sees "Loading…" flash before the card (the port is connected from the start, card-port.ts).
    if (!element || !shown) return;
    const measure = () => send({ type: 'frame/size', height: naturalHeight(element) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, covered, importStatus]);

  useLayoutEffect(() => {
    // From the keyboard, focus goes to the card's first control so Tab and Enter work at once.
    if (!shown?.pinned || !shown.card) return;
    const focusFirst = () => wrapper.current?.querySelector<HTMLElement>('button, a[href]')?.focus();
    if (document.hasFocus()) {
      focusFirst();
      return;
    }
    // The frame gets focus from the content script once it is shown; a focus() before that is lost (Firefox drops it).
    window.addEventListener('focus', focusFirst, { once: true });
    return () => window.removeEventListener('focus', focusFirst);
  }, [shown]);

  return (
    <div ref={wrapper} className="nc-frame">
      {covered && (
        <p className="nc-covered" role="status">
          Something on the page covers this card, so its buttons are paused.
        </p>
      )}
      {importStatus && (
        <p className="nc-import-status" role="status">
          {importStatus}
        </p>
      )}
      {shown?.card ? (
        <EntityCardView
          key={shown.entityId}
          card={shown.card}
          pageDate={shown.pageDate}
          onOpenTimeline={() => guarded(() => send({ type: 'frame/open-timeline' }))()}
          onImportPage={() =>
            guarded(() => {
              setImportStatus('Importing this page…');
              send({ type: 'frame/import-page' });
            })()
          }
          onClose={() => send({ type: 'frame/close' })}
          onFeedback={(verdict: CardFeedback) => guarded(() => send({ type: 'frame/feedback', verdict }))()}
          onOpenExcerpt={(excerpt) =>
            guarded(() =>
              send({
                type: 'frame/open-excerpt',
                articleId: excerpt.articleId,
                start: excerpt.start,
                end: excerpt.end,
              }),
            )()
          }
          onSelectRelated={(entityId) => guarded(() => send({ type: 'frame/related', entityId }))()}
        />
      ) : (
        <div className="nc-card nc-frame-status" role="status">
          {shown ? 'No background found for this name.' : 'Loading…'}
        </div>
      )}
    </div>
  );
}

// The tallest a card grows (as on the page before issue #13); past it, its body scrolls.
const MAX_CARD_HEIGHT = 520;

/** The card's height with nothing cut off (its scrolling body counted at full length), up to the cap. */
function naturalHeight(wrapper: HTMLElement): number {
  const body = wrapper.querySelector<HTMLElement>('.nc-body');
  const extra = body ? body.scrollHeight - body.clientHeight : 0;
  return Math.min(MAX_CARD_HEIGHT, Math.ceil(wrapper.getBoundingClientRect().height + extra));
}
