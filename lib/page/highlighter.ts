/**
 * The only module that touches the page's highlights (`CSS.highlights`). A
 * mention is painted by adding its range to the `Highlight` of its entity's
 * kind; the page's DOM is never changed, and the ranges given to us are never
 * edited by us (the browser keeps them live as the page changes).
 */
import type { EntityKind } from '../model/knowledge-base';
import { appendAll } from '../text/append-all';
import { firstTextWithin, lastTextWithin, nextText, previousText, rangeTextNodes } from './text-ranges';

/** A mention to paint: where it is, and which entity it names. */
export interface MentionInput {
  readonly range: Range;
  readonly entityId: string;
  readonly kind: EntityKind;
}

/** A painted mention: the object `add` returned for it (compare by identity). */
export type Mention = MentionInput;

/** Highlight names in `CSS.highlights`, one per entity kind, plus the active mention's. */
export const HIGHLIGHT_NAMES = {
  person: 'news-context-person',
  organisation: 'news-context-organisation',
  place: 'news-context-place',
  event: 'news-context-event',
  active: 'news-context-active',
} as const satisfies Record<EntityKind | 'active', string>;

// Above the kinds, so the active mention's style wins where both paint.
const KIND_PRIORITY = 0;
const ACTIVE_PRIORITY = 1;

// `highlightsFromPoint` is Chrome 140+ and not yet in TypeScript's DOM types;
// early drafts returned bare Highlights, the shipped one `{ highlight, ranges }`.
type HighlightHit = Highlight | { highlight: Highlight; ranges: readonly AbstractRange[] };
interface RegistryWithHitTest extends HighlightRegistry {
  highlightsFromPoint?: (x: number, y: number) => HighlightHit[];
}

function containsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i] as DOMRect;
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

function compareStarts(a: Mention, b: Mention): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    // Ranges in different trees (a node was moved out of the document)
    // have no order; keep them where they are.
    return 0;
  }
}

function sameSpan(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/**
 * Paints mentions in a document with the CSS Custom Highlight API, and finds
 * the mention under the pointer. Highlights are registered in
 * `CSS.highlights` only once there is something to paint, so a page with no
 * match costs nothing.
 */
export class Highlighter {
  private readonly registry: RegistryWithHitTest | undefined;
  private readonly HighlightClass: typeof Highlight | undefined;
  private readonly highlights = new Map<EntityKind | 'active', Highlight>();
  // Document order is worked out only when asked for (see `mentions`);
  // null when mentions were added or removed since.
  private ordered: Mention[] | null = [];
  // Each mention and the text nodes its range covers (first one first).
  private readonly entries = new Map<Mention, readonly Text[]>();
  private readonly byEntity = new Map<string, Set<Mention>>();
  // Text node → mentions covering it: what the caret-based hit test looks up.
  // Weak, so text the page removes can be collected.
  private readonly byNode = new WeakMap<Text, Mention[]>();
  private readonly byRange = new WeakMap<AbstractRange, Mention>();
  private activeMention: Mention | null = null;
  private destroyed = false;

  constructor(private readonly doc: Document) {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    this.registry = view?.CSS?.highlights as RegistryWithHitTest | undefined;
    this.HighlightClass = view?.Highlight;
  }

  /** Whether this browser can paint highlights at all (CSS Custom Highlight API). */
  get supported(): boolean {
    return Boolean(this.registry && this.HighlightClass);
  }

  /** The active mention (card open, or keyboard focus), if any. */
  get active(): Mention | null {
    return this.activeMention;
  }

  /**
   * Paints mentions. A mention with the same span and entity as one already
   * painted is not added twice (rescanning a block is harmless). Returns the
   * mentions added.
   */
  add(mentions: readonly MentionInput[]): Mention[] {
    const added: Mention[] = [];
    if (this.destroyed) return added;
    for (const input of mentions) {
      if (input.range.collapsed || this.isDuplicate(input)) continue;
      const mention: Mention = { range: input.range, entityId: input.entityId, kind: input.kind };
      const highlight = this.highlightFor(input.kind);
      highlight?.add(mention.range);
      const nodes = rangeTextNodes(mention.range);
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(mention);
        else this.byNode.set(node, [mention]);
      }
      this.entries.set(mention, nodes);
      this.byRange.set(mention.range, mention);
      let forEntity = this.byEntity.get(mention.entityId);
      if (!forEntity) {
        forEntity = new Set();
        this.byEntity.set(mention.entityId, forEntity);
      }
      forEntity.add(mention);
      added.push(mention);
    }
    if (added.length > 0) this.ordered = null;
    return added;
  }

  /** Removes every mention of an entity (e.g. the reader muted it). */
  remove(entityId: string): void {
    const mentions = this.byEntity.get(entityId);
    if (!mentions) return;
    this.removeMentions(mentions);
  }

  /**
   * Removes the mentions that start inside `node` (a block about to be read
   * again because the page changed it).
   */
  removeWithin(node: Node): void {
    const inside = [...this.entries.keys()].filter((mention) => node.contains(mention.range.startContainer));
    if (inside.length > 0) this.removeMentions(inside);
  }

  /** Removes these mentions (objects `add` returned); others are ignored. */
  removeMentions(mentions: Iterable<Mention>): void {
    const gone = new Set([...mentions].filter((mention) => this.entries.has(mention)));
    if (gone.size === 0) return;
    for (const mention of gone) {
      this.highlights.get(mention.kind)?.delete(mention.range);
      for (const node of this.entries.get(mention) ?? []) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((m) => m !== mention);
        if (rest.length > 0) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
      this.entries.delete(mention);
      this.byRange.delete(mention.range);
      const forEntity = this.byEntity.get(mention.entityId);
      forEntity?.delete(mention);
      if (forEntity?.size === 0) this.byEntity.delete(mention.entityId);
    }
    if (this.ordered) this.ordered = this.ordered.filter((mention) => !gone.has(mention));
    if (this.activeMention && gone.has(this.activeMention)) this.setActive(null);
  }

  /** Removes every mention; the (empty) highlights stay registered until {@link destroy}. */
  clear(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
    for (const nodes of this.entries.values()) {
      for (const node of nodes) this.byNode.delete(node);
    }
    this.entries.clear();
    this.byEntity.clear();
    this.ordered = [];
    this.activeMention = null;
  }

  /** Marks one mention as active (its card is open or it has keyboard focus), or none. */
  setActive(mention: Mention | null): void {
    if (mention && !this.entries.has(mention)) mention = null;
    if (mention === this.activeMention) return;
    this.activeMention = mention;
    const existing = this.highlights.get('active');
    if (!mention) {
      existing?.clear();
      return;
    }
    const highlight = existing ?? this.highlightFor('active');
    if (!highlight) return;
    highlight.clear();
    highlight.add(mention.range);
  }

  /**
   * The mentions in document order (for next/previous with the keyboard).
   * Mentions whose text the page has removed are dropped (their ranges have
   * collapsed for good). The order is cached until the next `add` or
   * removal, so text the page moves keeps its old place until then.
   */
  mentions(): readonly Mention[] {
    const dead: Mention[] = [];
    for (const [mention, nodes] of this.entries) if (!nodes[0]?.isConnected) dead.push(mention);
    if (dead.length > 0) this.removeMentions(dead);
    this.ordered ??= this.documentOrder();
    return this.ordered;
  }

  /**
   * The entity's next mention after `after` in document order, wrapping to
   * its first; its first when `after` is not one of its mentions. What "show
   * this entity" steps through, on a news page (the popup) and on the reader
   * page (the entity list).
   *
   * @example highlighter.nextMentionOf('hezbollah', cards.openMention)
   */
  nextMentionOf(entityId: string, after?: Mention): Mention | undefined {
    const mentions = this.mentions().filter((mention) => mention.entityId === entityId);
    const at = after ? mentions.indexOf(after) : -1;
    return mentions[(at + 1) % mentions.length];
  }

  /**
   * The mention after (`direction` 1) or before (-1) `from` in document
   * order; from `null`, the first or the last one. Walks the text from
   * `from` to the next mention only, so a key press costs the distance
   * between two mentions, not a pass over the page like {@link mentions}.
   */
  adjacentMention(from: Mention | null, direction: 1 | -1 = 1): Mention | undefined {
    if (this.entries.size === 0) return undefined;
    const step = direction === 1 ? nextText : previousText;
    let node: Text | null;
    if (from && this.entries.has(from)) {
      node = this.entries.get(from)?.[0] ?? null;
      if (!node?.isConnected) return undefined;
      const here = this.startingIn(node);
      const neighbour = here[here.indexOf(from) + direction];
      if (neighbour) return neighbour;
      node = step(node);
    } else {
      const root = this.doc.body ?? this.doc.documentElement;
      if (!root) return undefined;
      node = direction === 1 ? firstTextWithin(root) : lastTextWithin(root);
    }
    for (; node; node = step(node)) {
      const here = this.startingIn(node);
      const found = direction === 1 ? here[0] : here[here.length - 1];
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The mention painted under the viewport point `(x, y)`, if any. A point
   * beside a mention (the caret would land next to it) is not a hit: the
   * point must be inside one of the range's boxes.
   */
  hitTest(x: number, y: number): Mention | undefined {
    if (this.entries.size === 0) return undefined;
    // The caret and our text-node index first: `highlightsFromPoint` (Chrome
    // 140+) looks at every registered range; in Chromium 156 it measured p50
    // 14 ms with 13,000 mentions, against 0.1–0.2 ms for this path.
    const caret = this.caretAt(x, y);
    if (caret === null) return this.hitTestRegistry(x, y);
    if (!caret) return undefined;
    const { node, offset } = caret;
    const found = this.hitInNode(node, x, y);
    if (found) return found;
    // A caret on a node boundary may be reported in the neighbouring node
    // (end of "Hez", start of "bollah", or the text after a mention).
    if (offset === 0 || offset >= node.length) {
      const neighbour = offset === 0 ? previousText(node) : nextText(node);
      if (neighbour) return this.hitInNode(neighbour, x, y);
    }
    return undefined;
  }

  /** Unregisters our highlights from `CSS.highlights` and forgets every mention. */
  destroy(): void {
    this.clear();
    for (const [key, highlight] of this.highlights) {
      const name = HIGHLIGHT_NAMES[key];
      // Only ours: a newer instance (the extension was reloaded) may have
      // registered its own under the same name.
      if (this.registry?.get(name) === highlight) this.registry.delete(name);
    }
    this.highlights.clear();
    this.destroyed = true;
  }

  private highlightFor(key: EntityKind | 'active'): Highlight | undefined {
    const existing = this.highlights.get(key);
    if (existing) return existing;
    if (!this.registry || !this.HighlightClass || this.destroyed) return undefined;
    const highlight = new this.HighlightClass();
    highlight.priority = key === 'active' ? ACTIVE_PRIORITY : KIND_PRIORITY;
    this.registry.set(HIGHLIGHT_NAMES[key], highlight);
    this.highlights.set(key, highlight);
    return highlight;
  }

  private isDuplicate(input: MentionInput): boolean {
    const { startContainer } = input.range;
    if (startContainer.nodeType !== 3) return false;
    const list = this.byNode.get(startContainer as Text);
    return Boolean(list?.some((m) => m.entityId === input.entityId && sameSpan(m.range, input.range)));
  }

  // One pass over the document's text nodes: O(text nodes), 8–15 ms on a
  // 2 MB page with 13,000 mentions, where sorting them by
  // `compareBoundaryPoints` (1 µs a comparison) would take about 200 ms.
  private documentOrder(): Mention[] {
    const ordered: Mention[] = [];
    if (this.entries.size === 0) return ordered;
    const walker = this.doc.createTreeWalker(this.doc, 0x4); // SHOW_TEXT
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (this.byNode.has(node as Text)) appendAll(ordered, this.startingIn(node as Text));
    }
    return ordered;
  }

  // The mentions whose first text node is `node`, by offset.
  private startingIn(node: Text): Mention[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    const starting = list.filter((mention) => this.entries.get(mention)?.[0] === node);
    if (starting.length > 1) starting.sort(compareStarts);
    return starting;
  }

  // For a browser without caret-from-point: ask the registry.
  private hitTestRegistry(x: number, y: number): Mention | undefined {
    const fromPoint = this.registry?.highlightsFromPoint;
    if (!fromPoint) return undefined;
    const hits = fromPoint.call(this.registry, x, y);
    for (const hit of hits) {
      if (!('ranges' in hit)) return undefined; // An early draft without ranges.
      for (const range of hit.ranges) {
        const mention = this.byRange.get(range);
        if (mention && containsPoint(mention.range, x, y)) return mention;
      }
    }
    return undefined;
  }

  // `null`: this browser has no caret-from-point API at all.
  private caretAt(x: number, y: number): { node: Text; offset: number } | undefined | null {
    const doc = this.doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    if (typeof doc.caretPositionFromPoint === 'function') {
      const position = doc.caretPositionFromPoint(x, y);
      if (position?.offsetNode.nodeType === 3) return { node: position.offsetNode as Text, offset: position.offset };
      return undefined;
    }
    if (typeof doc.caretRangeFromPoint !== 'function') return null;
    const range = doc.caretRangeFromPoint(x, y);
    if (range?.startContainer.nodeType === 3) return { node: range.startContainer as Text, offset: range.startOffset };
    return undefined;
  }

  private hitInNode(node: Text, x: number, y: number): Mention | undefined {
    const list = this.byNode.get(node);
    if (!list) return undefined;
    for (const mention of list) if (containsPoint(mention.range, x, y)) return mention;
    return undefined;
  }
}
