/**
 * Annotates one document: reads its text in chunks (viewport first), finds
 * mentions with the entity matcher, decides whether the page is related, and
 * hands the mentions to paint to the highlighter. Keeps up with the page
 * through a debounced MutationObserver. Used by the content script, the
 * reader page and the benchmarks, so all three run the same code.
 *
 * It never changes the page's DOM, and no slice of its work is meant to run
 * longer than `sliceMs` (default 8 ms) before it yields to the page.
 */

import type { Candidate, EntityMatch } from '../matching/match-entities';
import type { NewsPageMatcher } from '../matching/news-page-matcher';
import {
  type AnnotationEntity,
  type MentionPlace,
  type PageRelevance,
  type ScoredMention,
  scorePageRelevance,
} from '../matching/page-relevance';
import { yieldToPage } from '../scheduling/yield-to-page';
import { appendAll } from '../text/append-all';
import { articleRootSteps, articleRoots, clipToArticle, skipChromeWithin } from './article-root';
import type { Highlighter, Mention } from './highlighter';
import { MutationBatcher } from './mutation-batcher';
import { readPageDate } from './page-date';
import {
  type CollectOptions,
  collectTextBlocksWithin,
  isBlockCurrent,
  OWN_UI_TAG,
  orderViewportFirst,
  rescanRoots,
  spanToRange,
  type TextBlock,
  TextBlockCollector,
} from './text-ranges';

export type HighlightMode = 'first' | 'every';

/**
 * A matcher that runs elsewhere (the background worker, issue #13): the page
 * sends its text blocks and gets back plain-data candidates, then sends the
 * candidates back to be resolved as one document. The content script then
 * never decodes the matcher spec nor carries the matcher's code.
 */
export interface RemoteMatcher {
  readonly remote: true;
  scan(texts: readonly string[]): Promise<Candidate[][]>;
  resolve(chunks: readonly (readonly Candidate[])[], pageDate?: string): Promise<EntityMatch[][]>;
}

/** Where matching runs: in this thread (the reader page, benchmarks) or elsewhere (news pages). */
export type PageMatcher = NewsPageMatcher | RemoteMatcher;

function isRemote(matcher: PageMatcher): matcher is RemoteMatcher {
  return 'remote' in matcher && matcher.remote === true;
}

// Characters per message to a remote matcher: the first batch small, so the viewport lights up first.
const FIRST_REMOTE_BATCH_CHARS = 16_384;
const REMOTE_BATCH_CHARS = 262_144;

export interface AnnotationStats {
  /** Characters and text nodes read. */
  textChars: number;
  textNodes: number;
  /** Main-thread time in the matcher. */
  scanMs: number;
  /** Main-thread time of all our work: reading, matching, resolving, painting. */
  totalMs: number;
  /** Our longest single slice of work (a task of ours on the page). */
  longestTaskMs: number;
  /** Which step that slice was ("match", "paint", "article root"…), so a long task says where to look. */
  longestTaskStep: string;
}

export interface AnnotationSnapshot {
  relevant: boolean;
  /** The graded score behind `relevant`, with its reasons (issue #12). */
  relevance: PageRelevance;
  /** Entities found (only when the page is related), most mentioned first. */
  entities: { id: string; name: string; kind: AnnotationEntity['kind']; count: number }[];
  stats: AnnotationStats;
}

export interface PageAnnotatorOptions {
  doc: Document;
  matcher: PageMatcher;
  entities: ReadonlyMap<string, AnnotationEntity>;
  highlighter: Highlighter;
  highlightMode?: HighlightMode;
  /** Entities the reader asked not to highlight (here or everywhere). */
  suppressed?: ReadonlySet<string>;
  /** Extra elements to leave alone, on top of the built-in skip rules. */
  skip?: CollectOptions['skip'];
  /** Longest slice of work before yielding to the page. */
  sliceMs?: number;
  /** Wait after the last mutation before rescanning. */
  debounceMs?: number;
  /** Longest new text waits to be read while the page keeps changing (default 1000 ms). */
  maxWaitMs?: number;
  /** Called after each pass that changed what is found. */
  onUpdate?: (snapshot: AnnotationSnapshot) => void;
}

interface BlockRecord {
  /** Stable within the page, for the painted-mention keys. */
  id: number;
  block: TextBlock;
  candidates: Candidate[];
  matches: EntityMatch[];
}

/** A mention that should be painted and is not yet, keyed like {@link PageAnnotator.painted}. */
interface PendingMention {
  key: string;
  record: BlockRecord;
  match: EntityMatch;
}

// Past this many changed nodes in one debounce window, reading them one by one
// costs more than reading the page again: rescan once (the runaway guard).
const RUNAWAY_NODES = 2000;
// Past this many rescans in a minute the page is animating text; back off.
const RUNAWAY_RESCANS_PER_MINUTE = 120;
// New text is read within this long of appearing, whatever else the page keeps changing (issue #14).
const MUTATION_MAX_WAIT_MS = 1000;

export class PageAnnotator {
  private readonly doc: Document;
  private matcher: PageMatcher;
  private entities: ReadonlyMap<string, AnnotationEntity>;
  private readonly highlighter: Highlighter;
  private highlightMode: HighlightMode;
  private suppressed: ReadonlySet<string>;
  private readonly collectOptions: CollectOptions;
  private readonly sliceMs: number;
  private readonly debounceMs: number;
  private readonly onUpdate?: (snapshot: AnnotationSnapshot) => void;

  /** The article's roots (headline, body) read by the last full pass; chrome inside them is skipped. */
  private articleRoots: Element[] = [];
  private skipChrome: (element: Element) => boolean = () => false;
  private records: BlockRecord[] = [];
  /** Painted mentions by key (`record id:start:end:entity`), to diff against what should be painted. */
  private painted = new Map<string, Mention>();
  private relevant = false;
  private relevance: PageRelevance = NOT_SCORED;
  /** Headline and lede blocks of the last full pass; any other block is body text. */
  private blockPlaces = new WeakMap<TextBlock, MentionPlace>();
  /** The page's publication date, sent with each resolve for generic event phrases (read on each full pass). */
  private pageDate: string | undefined;
  private stats: AnnotationStats = {
    textChars: 0,
    textNodes: 0,
    scanMs: 0,
    totalMs: 0,
    longestTaskMs: 0,
    longestTaskStep: '',
  };
  /** Bumped on reset and destroy, so a pass still running from before stops at its next slice. */
  private generation = 0;
  private observer: MutationObserver | null = null;
  private pendingNodes = new Set<Node>();
  private pendingFullRescan = false;
  private readonly mutationBatcher: MutationBatcher;
  private rescanTimes: number[] = [];
  private running: Promise<void> = Promise.resolve();
  /** Bumped by every sync, so sliced painting from an older one stops. */
  private paintVersion = 0;
  private destroyed = false;

  constructor(options: PageAnnotatorOptions) {
    this.doc = options.doc;
    this.matcher = options.matcher;
    this.entities = options.entities;
    this.highlighter = options.highlighter;
    this.highlightMode = options.highlightMode ?? 'first';
    this.suppressed = options.suppressed ?? new Set();
    const extraSkip = options.skip;
    this.collectOptions = {
      skip: (element) =>
        element.localName === OWN_UI_TAG || this.skipChrome(element) || (extraSkip?.(element) ?? false),
    };
    this.sliceMs = options.sliceMs ?? 8;
    this.debounceMs = options.debounceMs ?? 250;
    this.mutationBatcher = new MutationBatcher(() => this.flushMutations(), {
      waitMs: this.debounceMs,
      maxWaitMs: options.maxWaitMs ?? MUTATION_MAX_WAIT_MS,
    });
    this.onUpdate = options.onUpdate;
  }

  /** Reads and annotates the whole document, then watches it for changes. Resolves when the first pass is done. */
  start(): Promise<void> {
    this.observe();
    return this.enqueue(() => this.fullPass());
  }

  /** Forgets everything and annotates the document afresh (single-page-app navigation, new entities). */
  reset(): Promise<void> {
    this.generation++;
    this.clearPaint();
    this.records = [];
    this.relevant = false;
    this.relevance = NOT_SCORED;
    this.stats = { textChars: 0, textNodes: 0, scanMs: 0, totalMs: 0, longestTaskMs: 0, longestTaskStep: '' };
    this.pendingNodes.clear();
    this.pendingFullRescan = false;
    return this.enqueue(() => this.fullPass());
  }

  /** Resolves once every pass queued so far has finished. */
  idle(): Promise<void> {
    return this.running;
  }

  /** New matcher and entity table (the reader added or edited entities): annotate again. */
  setMatcher(matcher: PageMatcher, entities: ReadonlyMap<string, AnnotationEntity>): Promise<void> {
    this.matcher = matcher;
    this.entities = entities;
    return this.reset();
  }

  setHighlightMode(mode: HighlightMode): void {
    this.highlightMode = mode;
    this.timed('repaint', () => this.sync());
  }

  setSuppressed(suppressed: ReadonlySet<string>): void {
    this.suppressed = suppressed;
    this.timed('repaint', () => this.sync());
  }

  /** The page's publication date (`YYYY-MM` or `YYYY-MM-DD`), once a pass has read it; for the card (issues #12, #15). */
  get publishedDate(): string | undefined {
    return this.pageDate;
  }

  snapshot(): AnnotationSnapshot {
    const counts = new Map<string, number>();
    if (this.relevant) {
      for (const record of this.records) {
        for (const match of record.matches) {
          if (this.suppressed.has(match.entityId)) continue;
          counts.set(match.entityId, (counts.get(match.entityId) ?? 0) + 1);
        }
      }
    }
    const entities = [...counts]
      .map(([id, count]) => {
        const entity = this.entities.get(id);
        return entity ? { id, name: entity.name, kind: entity.kind, count } : undefined;
      })
      .filter((entry): entry is NonNullable<typeof entry> => entry !== undefined)
      // Ties by code-unit order: the first `localeCompare` of a page loads ICU's
      // collator, 20+ ms on a cold page (issue #6 profile), for an order nobody reads.
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { relevant: this.relevant, relevance: this.relevance, entities, stats: { ...this.stats } };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    this.mutationBatcher.cancel();
    this.clearPaint();
    this.records = [];
  }

  // -------------------------------------------------------------------------

  private enqueue(pass: () => Promise<void>): Promise<void> {
    this.running = this.running.then(pass, pass);
    return this.running;
  }

  /** Runs `work` as one measured slice; `step` names it in the stats when it is the longest. */
  private timed<T>(step: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      const elapsed = performance.now() - started;
      this.stats.totalMs += elapsed;
      if (elapsed > this.stats.longestTaskMs) {
        this.stats.longestTaskMs = elapsed;
        this.stats.longestTaskStep = step;
      }
    }
  }

  private async fullPass(): Promise<void> {
    const generation = this.generation;
    // Start in a task of our own: the caller has usually just built the
    // matcher (`createEntityMatcher`, 8–40 ms on a cold page), and the first
    // slice on top of it made one task past 50 ms (issue #6).
    await yieldToPage(this.doc.defaultView);
    if (generation !== this.generation) return;
    if (!(this.doc.body ?? this.doc.documentElement)) return;
    // Only the article is read (issue #12): the site's logo, menus and
    // "most read" lists never carry a highlight, and the first mention is the
    // article's.
    const found = await this.inSlices('article root', articleRootSteps(this.doc), generation);
    if (found === undefined) return;
    this.articleRoots = articleRoots(found);
    this.skipChrome = skipChromeWithin(this.articleRoots);
    this.pageDate = this.timed(
      'page date',
      () => readPageDate(this.doc, this.articleRoots[this.articleRoots.length - 1])?.date,
    );
    const collector = new TextBlockCollector(this.articleRoots, this.collectOptions);
    const blocks = await this.collect(collector, generation);
    if (blocks === undefined) return;
    this.blockPlaces = this.timed('headline and lede', () => placesOfBlocks(blocks));
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 800;
    const ordered = this.timed('viewport order', () => orderViewportFirst(blocks, viewportHeight));
    await this.scanBlocks(ordered, generation);
  }

  /** Runs resumable `steps` in slices of `sliceMs`; undefined if the pass was reset meanwhile. */
  private async inSlices<T>(step: string, steps: Generator<void, T>, generation: number): Promise<T | undefined> {
    for (;;) {
      const outcome = this.timed(step, () => {
        const deadline = performance.now() + this.sliceMs;
        let next = steps.next();
        while (!next.done && performance.now() < deadline) next = steps.next();
        return next;
      });
      if (outcome.done) return outcome.value;
      await yieldToPage(this.doc.defaultView);
      if (generation !== this.generation) return undefined;
    }
  }

  private async collect(collector: TextBlockCollector, generation: number): Promise<TextBlock[] | undefined> {
    const blocks: TextBlock[] = [];
    while (!collector.done) {
      this.timed('read text', () => {
        appendAll(blocks, collector.next(performance.now() + this.sliceMs));
      });
      if (collector.done) break;
      await yieldToPage(this.doc.defaultView);
      if (generation !== this.generation) return undefined;
    }
    this.stats.textChars += collector.stats.textChars;
    this.stats.textNodes += collector.stats.textNodes;
    return blocks;
  }

  /**
   * Matches blocks slice by slice. Resolution and painting look at the whole
   * document, so doing them after every slice made a pass quadratic in the
   * page's size (issue #6: 320 ms of a 2 MB page's 660 ms went there, and the
   * last slices grew past 50 ms). They run after the first slice (the
   * viewport lights up first), then each time the blocks read have doubled,
   * then at the end: linear overall, and painting itself is sliced.
   */
  private async scanBlocks(blocks: readonly TextBlock[], generation: number): Promise<void> {
    const matcher = this.matcher;
    if (isRemote(matcher)) return this.scanBlocksRemotely(matcher, blocks, generation);
    let index = 0;
    let recordsAtLastSync = -1;
    while (index < blocks.length) {
      this.timed('match', () => {
        const deadline = performance.now() + this.sliceMs;
        const scanStarted = performance.now();
        do {
          const block = blocks[index++] as TextBlock;
          const candidates = matcher.scan(block.text);
          this.records.push({ id: nextRecordId++, block, candidates, matches: [] });
        } while (index < blocks.length && performance.now() < deadline);
        this.stats.scanMs += performance.now() - scanStarted;
      });
      const done = index >= blocks.length;
      if (done || recordsAtLastSync < 0 || this.records.length >= 2 * recordsAtLastSync) {
        recordsAtLastSync = this.records.length;
        if (!(await this.syncInSlices(generation))) return;
      }
      if (!done) {
        await yieldToPage(this.doc.defaultView);
        if (generation !== this.generation) return;
      }
    }
    const snapshot = this.timed('snapshot', () => this.snapshot());
    this.onUpdate?.(snapshot);
  }

  /** {@link scanBlocks} with the matcher in another context: batches of blocks by message, the page idle meanwhile. */
  private async scanBlocksRemotely(
    matcher: RemoteMatcher,
    blocks: readonly TextBlock[],
    generation: number,
  ): Promise<void> {
    let index = 0;
    let recordsAtLastSync = -1;
    while (index < blocks.length) {
      const batch: TextBlock[] = [];
      const budget = index === 0 ? FIRST_REMOTE_BATCH_CHARS : REMOTE_BATCH_CHARS;
      let chars = 0;
      while (index < blocks.length && (batch.length === 0 || chars < budget)) {
        const block = blocks[index++] as TextBlock;
        batch.push(block);
        chars += block.text.length;
      }
      const scanStarted = performance.now();
      const candidates = await matcher.scan(batch.map((block) => block.text));
      // Wall time until the answer (the page's thread is free meanwhile), so scanMs still says what matching costs.
      this.stats.scanMs += performance.now() - scanStarted;
      if (generation !== this.generation) return;
      this.timed('record answers', () => {
        batch.forEach((block, at) => {
          this.records.push({ id: nextRecordId++, block, candidates: candidates[at] ?? [], matches: [] });
        });
      });
      const done = index >= blocks.length;
      if (done || recordsAtLastSync < 0 || this.records.length >= 2 * recordsAtLastSync) {
        recordsAtLastSync = this.records.length;
        if (!(await this.syncInSlices(generation))) return;
      }
    }
    const snapshot = this.timed('snapshot', () => this.snapshot());
    this.onUpdate?.(snapshot);
  }

  /**
   * {@link sync}, with the painting spread over slices. Resolves false if the
   * pass was reset meanwhile. A synchronous `sync` in between (new highlight
   * mode, muted entity) paints everything itself, so the rest is dropped.
   */
  private async syncInSlices(generation: number): Promise<boolean> {
    const version = ++this.paintVersion;
    // Each step is a task of its own: on a 2 MB page resolving and diffing
    // take 15–50 ms each, so together, or with a scan slice, they made one
    // task past 50 ms.
    const stillCurrent = async () => {
      await yieldToPage(this.doc.defaultView);
      return generation === this.generation;
    };
    if (!(await stillCurrent())) return false;
    if (version !== this.paintVersion) return true;
    const matcher = this.matcher;
    if (isRemote(matcher)) {
      const withCandidates = this.timed('live blocks', () => this.currentRecordsWithCandidates());
      // Most unrelated pages have no candidate at all: no round trip to resolve nothing.
      const resolved =
        withCandidates.length === 0
          ? []
          : await matcher.resolve(
              withCandidates.map((record) => record.candidates),
              this.pageDate,
            );
      if (generation !== this.generation) return false;
      if (version !== this.paintVersion) return true;
      this.timed('apply resolved', () => this.applyResolved(withCandidates, resolved));
    } else this.timed('resolve', () => this.resolveRecords(matcher));
    if (!(await stillCurrent())) return false;
    if (version !== this.paintVersion) return true;
    const toAdd = this.timed('diff paint', () => this.unpaintedMentions());
    let position = 0;
    while (position < toAdd.length) {
      if (!(await stillCurrent())) return false;
      if (version !== this.paintVersion) return true;
      position = this.timed('paint', () => this.addMentions(toAdd, position, performance.now() + this.sliceMs));
    }
    return true;
  }

  /**
   * Resolves every block's candidates against the whole document (a surname
   * alone links only if the full name is somewhere on the page), decides
   * relevance, and brings the painted mentions in line.
   */
  private sync(): void {
    this.paintVersion++;
    // A remote matcher answers later: keep its last resolution and only apply the new settings.
    if (isRemote(this.matcher)) this.updateRelevance();
    else this.resolveRecords(this.matcher);
    this.addMentions(this.unpaintedMentions(), 0, Number.POSITIVE_INFINITY);
  }

  private resolveRecords(matcher: NewsPageMatcher): void {
    const withCandidates = this.currentRecordsWithCandidates();
    this.applyResolved(
      withCandidates,
      matcher.resolve(
        withCandidates.map((record) => record.candidates),
        this.pageDate,
      ),
    );
  }

  /** Drops records whose text left the page; returns the current ones that have candidates. */
  private currentRecordsWithCandidates(): BlockRecord[] {
    // Most blocks have no candidate at all (9 in 10 on the 2 MB bench page):
    // they need neither the liveness check nor resolving, which made the last
    // sync of a large page one long task (issue #6).
    const current: BlockRecord[] = [];
    const withCandidates: BlockRecord[] = [];
    for (const record of this.records) {
      if (record.candidates.length === 0) {
        current.push(record);
      } else if (isBlockCurrent(record.block)) {
        current.push(record);
        withCandidates.push(record);
      }
    }
    this.records = current;
    return withCandidates;
  }

  private applyResolved(withCandidates: readonly BlockRecord[], resolved: readonly EntityMatch[][]): void {
    withCandidates.forEach((record, index) => {
      record.matches = resolved[index] ?? [];
    });
    this.updateRelevance();
  }

  private updateRelevance(): void {
    const mentions: ScoredMention[] = [];
    for (const record of this.records) {
      const place = this.blockPlaces.get(record.block) ?? 'body';
      for (const match of record.matches) {
        if (!this.suppressed.has(match.entityId)) mentions.push({ entityId: match.entityId, place });
      }
    }
    this.relevance = scorePageRelevance(mentions, this.entities, this.doc.documentElement?.lang);
    this.relevant = this.relevance.related;
  }

  /** Removes painted mentions that are no longer wanted; returns the wanted ones not painted yet. */
  private unpaintedMentions(): PendingMention[] {
    const wanted = new Map<string, { record: BlockRecord; match: EntityMatch }>();
    if (this.relevant) {
      const firstByEntity = new Map<string, { record: BlockRecord; match: EntityMatch }>();
      for (const record of this.records) {
        for (const match of record.matches) {
          if (this.suppressed.has(match.entityId) || !this.entities.has(match.entityId)) continue;
          if (this.highlightMode === 'every') {
            wanted.set(this.keyOf(record, match), { record, match });
            continue;
          }
          const first = firstByEntity.get(match.entityId);
          if (!first || comesBefore(record, match, first.record, first.match)) {
            firstByEntity.set(match.entityId, { record, match });
          }
        }
      }
      for (const entry of firstByEntity.values()) wanted.set(this.keyOf(entry.record, entry.match), entry);
    }
    const stale: Mention[] = [];
    for (const [key, mention] of this.painted) {
      if (!wanted.has(key)) {
        stale.push(mention);
        this.painted.delete(key);
      }
    }
    if (stale.length > 0) this.highlighter.removeMentions(stale);
    const toAdd: PendingMention[] = [];
    for (const [key, entry] of wanted) if (!this.painted.has(key)) toAdd.push({ key, ...entry });
    return toAdd;
  }

  /** Paints `toAdd` from `position` until done or past `deadline`; returns where it stopped. */
  private addMentions(toAdd: readonly PendingMention[], position: number, deadline: number): number {
    while (position < toAdd.length) {
      // A mention costs a few microseconds (a Range, the highlight, the hover
      // index): paint 64 at a time between two clock reads.
      const end = Math.min(toAdd.length, position + 64);
      const batch = toAdd.slice(position, end).filter((pending) => !this.painted.has(pending.key));
      position = end;
      const inputs = batch.map(({ record, match }) => ({
        range: spanToRange(record.block, match.start, match.end),
        entityId: match.entityId,
        kind: this.entities.get(match.entityId)?.kind ?? 'organisation',
      }));
      // `add` skips a span that is already painted, so pair what it returns by range.
      const addedByRange = new Map(this.highlighter.add(inputs).map((mention) => [mention.range, mention]));
      inputs.forEach((input, index) => {
        const mention = addedByRange.get(input.range);
        if (mention) this.painted.set((batch[index] as PendingMention).key, mention);
      });
      if (performance.now() >= deadline) break;
    }
    return position;
  }

  private keyOf(record: BlockRecord, match: EntityMatch): string {
    return `${record.id}:${match.start}:${match.end}:${match.entityId}`;
  }

  private clearPaint(): void {
    if (this.painted.size > 0) this.highlighter.removeMentions([...this.painted.values()]);
    this.painted.clear();
  }

  // --- Dynamic pages --------------------------------------------------------

  private observe(): void {
    const view = this.doc.defaultView;
    if (this.observer || !view?.MutationObserver) return;
    this.observer = new view.MutationObserver((mutations) => this.onMutations(mutations));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(mutations: MutationRecord[]): void {
    if (this.destroyed) return;
    for (const mutation of mutations) {
      // Our own UI host coming and going is not the page's text changing.
      if (isOwnUi(mutation.target)) continue;
      if (mutation.type === 'characterData') {
        this.pendingNodes.add(mutation.target);
      } else {
        for (const node of mutation.addedNodes) if (!isOwnUi(node)) this.pendingNodes.add(node);
        if (mutation.removedNodes.length > 0) this.pendingNodes.add(mutation.target);
      }
    }
    if (this.pendingNodes.size > RUNAWAY_NODES) {
      this.pendingFullRescan = true;
      this.pendingNodes.clear();
    }
    if (this.pendingNodes.size === 0 && !this.pendingFullRescan) return;
    const now = performance.now();
    this.rescanTimes = this.rescanTimes.filter((time) => now - time < 60_000);
    const backOff = this.rescanTimes.length >= RUNAWAY_RESCANS_PER_MINUTE ? 10 : 1;
    // Trailing debounce with a maximum wait: a ticker cannot postpone the flush for ever (issue #14).
    this.mutationBatcher.schedule(this.debounceMs * backOff);
  }

  private flushMutations(): void {
    if (this.destroyed) return;
    this.rescanTimes.push(performance.now());
    if (this.pendingFullRescan) {
      this.pendingFullRescan = false;
      this.pendingNodes.clear();
      void this.reset();
      return;
    }
    const nodes = [...this.pendingNodes];
    this.pendingNodes.clear();
    void this.enqueue(() => this.incrementalPass(nodes));
  }

  private async incrementalPass(nodes: Node[]): Promise<void> {
    const generation = this.generation;
    if (this.articleRoots.some((root) => !root.isConnected)) {
      // The page replaced its article (a single-page app's navigation): find it again.
      void this.reset();
      return;
    }
    const roots = this.timed('changed roots', () =>
      clipToArticle(rescanRoots(nodes, this.collectOptions), this.articleRoots),
    );
    if (roots.length === 0) return;
    // Blocks inside the rescanned roots are read again; drop their old records.
    this.timed('drop changed', () => {
      this.records = this.records.filter(
        (record) => !roots.some((root) => root === record.block.element || root.contains(record.block.element)),
      );
    });
    const collector = collectTextBlocksWithin(roots, this.collectOptions);
    const blocks = await this.collect(collector, generation);
    if (blocks === undefined) return;
    await this.scanBlocks(blocks, generation);
    if (blocks.length === 0) {
      this.timed('repaint', () => this.sync());
      this.onUpdate?.(this.snapshot());
    }
  }
}

const NOT_SCORED: PageRelevance = { score: 0, related: false, reasons: [] };

// How many blocks after the headline make the lede, and how long a block must
// be to count as one (not a byline or a date).
const LEDE_BLOCKS = 2;
const MIN_LEDE_CHARS = 60;

/** The headline's blocks (in an `<h1>`) and the lede's (the first paragraphs after it), in document order. */
function placesOfBlocks(blocks: readonly TextBlock[]): WeakMap<TextBlock, MentionPlace> {
  const places = new WeakMap<TextBlock, MentionPlace>();
  let ledeBlocks = 0;
  for (const block of blocks) {
    if (block.element.closest('h1')) places.set(block, 'headline');
    else if (ledeBlocks < LEDE_BLOCKS && block.text.trim().length >= MIN_LEDE_CHARS) {
      places.set(block, 'lede');
      ledeBlocks++;
    }
    if (ledeBlocks >= LEDE_BLOCKS) break;
  }
  return places;
}

// Record ids, unique across annotators, so keys never collide.
let nextRecordId = 0;

function isOwnUi(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return Boolean(element && (element.localName === OWN_UI_TAG || element.closest(OWN_UI_TAG)));
}

/** Document order of two mentions, for "first mention" mode. */
function comesBefore(a: BlockRecord, aMatch: EntityMatch, b: BlockRecord, bMatch: EntityMatch): boolean {
  if (a === b) return aMatch.start < bMatch.start;
  const aNode = a.block.nodes[0];
  const bNode = b.block.nodes[0];
  if (!aNode || !bNode) return false;
  return Boolean(aNode.compareDocumentPosition(bNode) & Node.DOCUMENT_POSITION_FOLLOWING);
}
