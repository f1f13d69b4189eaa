import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentRequestOf } from '@/lib/extension/content-message-guards';
import { asyncListener } from '@/lib/extension/extension-messaging';
import type { AnnotationsSnapshot, AnnotatorConfig, CardHostRequest, ContentRequest } from '@/lib/extension/messages';
import type { AnnotationEntity } from '@/lib/matching/page-relevance';
import { Highlighter, type Mention } from '@/lib/page/highlighter';
import { type AnnotationSnapshot, PageAnnotator } from '@/lib/page/page-annotator';
import { type CardUi, loadedCardUi } from './card-ui-contract';
import { requestAnnotatorConfig, requestCardUi, tell } from './messaging';
import { backgroundMatcher } from './remote-matcher';

/**
 * Wires the page's annotation together: configuration from the background,
 * the matcher, the annotator (reading and matching), the highlighter
 * (painting) and the hover card. Everything is torn down through `ctx` when
 * the extension is updated or reloaded.
 */
export async function startAnnotating(ctx: ContentScriptContext): Promise<void> {
  let session: AnnotationSession | undefined;
  const emptySnapshot = (): AnnotationsSnapshot => ({
    url: location.href,
    relevant: false,
    entities: [],
    stats: { textChars: 0, textNodes: 0, scanMs: 0, totalMs: 0, longestTaskMs: 0, longestTaskStep: '' },
  });

  const onMessage = asyncListener((message, sender) => {
    // Only our own extension contexts (popup, background) talk to us; other content scripts never do.
    // Told apart by URL, not by `sender.tab`: Firefox sets `tab` for an extension page shown in a tab (issue #16).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    const request = contentRequestOf(message);
    if (!request) return undefined;
    return handle(request);
  });

  const handle = async (request: ContentRequest | CardHostRequest): Promise<unknown> => {
    switch (request.type) {
      case 'annotations/get':
        // Asked while still starting (the popup opened at once): answer once the first pass is done.
        await started;
        if (!session) return emptySnapshot();
        await session.annotator.idle();
        return session.snapshotForMessage();
      case 'mention/step':
        return session?.step(request.direction) ?? false;
      case 'mention/show-entity':
        return session?.showEntity(request.entityId) ?? false;
      case 'annotator/refresh':
        await restart();
        return true;
      // Relayed by the background from the card frame, which holds the card itself.
      case 'card/size':
        session?.cards?.setContentHeight(request.height);
        return true;
      case 'card/close':
        session?.cards?.close();
        return true;
      case 'card/suppress':
        session?.suppress(request.entityId);
        return true;
    }
  };

  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // After the extension is updated or reloaded this script is orphaned and
  // nothing tells it so: WXT's interval checks the runtime and, once it is
  // gone, invalidates ctx, which takes our highlights and card off the page.
  ctx.setInterval(() => undefined, 3000);

  const restart = async () => {
    const config = await requestAnnotatorConfig();
    if (ctx.isInvalid) return;
    if (!config || config.paused) {
      session?.destroy();
      session = undefined;
      tell({ type: 'annotations/updated', relevant: false, entityCount: 0 });
      return;
    }
    if (session) await session.reconfigure(config);
    else {
      session = new AnnotationSession(ctx, config);
      await session.start();
    }
  };

  // A single-page app swapping articles: start afresh on the new one.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    void session?.annotator.reset();
  });

  const started = restart();
  await started;
}

class AnnotationSession {
  readonly annotator: PageAnnotator;
  private readonly highlighter = new Highlighter(document);
  /** The hover card, once its code is loaded (the first time the page has highlights). */
  cards: CardUi | undefined;
  private cardsLoading: Promise<CardUi | undefined> | undefined;
  private suppressed: Set<string>;
  private destroyed = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    config: AnnotatorConfig,
  ) {
    this.suppressed = new Set(config.suppressed);
    this.annotator = new PageAnnotator({
      doc: document,
      // Matching runs in the background (issue #13): this script never loads the matcher.
      matcher: backgroundMatcher,
      entities: entityTable(config.entities),
      highlighter: this.highlighter,
      highlightMode: config.highlightMode,
      suppressed: this.suppressed,
      onUpdate: (snapshot) => this.onUpdate(snapshot),
    });
    ctx.onInvalidated(() => this.destroy());
  }

  start(): Promise<void> {
    return this.annotator.start();
  }

  async reconfigure(config: AnnotatorConfig): Promise<void> {
    this.suppressed = new Set(config.suppressed);
    this.annotator.setSuppressed(this.suppressed);
    this.annotator.setHighlightMode(config.highlightMode);
    await this.annotator.setMatcher(backgroundMatcher, entityTable(config.entities));
  }

  /** The reader chose "Don't highlight this" or "Not this" in the card frame; the background has saved it. */
  suppress(entityId: string): void {
    this.cards?.close();
    this.suppressed.add(entityId);
    this.annotator.setSuppressed(new Set(this.suppressed));
  }

  snapshotForMessage(): AnnotationsSnapshot {
    const { relevant, relevance, entities, stats } = this.annotator.snapshot();
    return {
      url: location.href,
      relevant,
      relevance: { score: relevance.score, reasons: relevance.reasons },
      entities,
      stats: {
        textChars: stats.textChars,
        textNodes: stats.textNodes,
        scanMs: round(stats.scanMs),
        totalMs: round(stats.totalMs),
        longestTaskMs: round(stats.longestTaskMs),
        longestTaskStep: stats.longestTaskStep,
      },
    };
  }

  /** Keyboard command: the next or previous highlighted mention after the open one (or from the viewport). */
  step(direction: 1 | -1): boolean {
    const current = this.cards?.openMention ?? this.highlighter.active;
    // Walking from the open mention costs the distance to the next one, not a pass over the page.
    let mention = current ? this.highlighter.adjacentMention(current, direction) : undefined;
    if (!mention) {
      // Nothing open yet: start from what the reader is looking at, not the top of the page.
      const mentions = this.highlighter.mentions();
      if (mentions.length === 0) return false;
      const firstVisible = Math.max(
        0,
        mentions.findIndex((candidate) => candidate.range.getBoundingClientRect().bottom >= 0),
      );
      const index = direction === 1 ? firstVisible : (firstVisible - 1 + mentions.length) % mentions.length;
      mention = current ? (direction === 1 ? mentions[0] : mentions[mentions.length - 1]) : mentions[index];
    }
    if (!mention) return false;
    this.reveal(mention);
    return true;
  }

  /** From the popup: the entity's next mention after the open one, scrolled to, with its card. */
  showEntity(entityId: string): boolean {
    const mention = this.highlighter.nextMentionOf(entityId, this.cards?.openMention);
    if (!mention) return false;
    this.reveal(mention);
    return true;
  }

  destroy(): void {
    this.destroyed = true;
    this.cards?.destroy();
    this.cards = undefined;
    this.annotator.destroy();
    this.highlighter.destroy();
  }

  private reveal(mention: Mention): void {
    const rect = mention.range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
    }
    void this.loadCards().then((cards) => cards?.show(mention));
  }

  /**
   * The hover card, loading its code the first time: the background adds
   * `card-ui.js` to this frame (unrelated pages never pay for it).
   */
  private loadCards(): Promise<CardUi | undefined> {
    this.cardsLoading ??= (async () => {
      if (!loadedCardUi()) await requestCardUi();
      const module = loadedCardUi();
      if (!module || this.ctx.isInvalid || this.destroyed) return undefined;
      this.cards = module.createCardUi(this.ctx, this.highlighter, () => this.annotator.publishedDate);
      this.cards.trackPointer();
      return this.cards;
    })();
    return this.cardsLoading;
  }

  private onUpdate(snapshot: AnnotationSnapshot): void {
    if (this.ctx.isInvalid) return;
    if (snapshot.relevant) void this.loadCards();
    tell({ type: 'annotations/updated', relevant: snapshot.relevant, entityCount: snapshot.entities.length });
  }
}

function entityTable(entities: readonly AnnotationEntity[]): Map<string, AnnotationEntity> {
  return new Map(entities.map((entity) => [entity.id, entity]));
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
