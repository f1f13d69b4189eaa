/**
 * The page's text as matchable strings, and matched spans back as DOM
 * `Range`s. Reads the DOM only: it never changes a node, an attribute or the
 * registry of highlights (that is `lib/page/highlighter.ts`).
 *
 * A page's text is read as blocks: the concatenated text of consecutive text
 * nodes under the same block-level element, so an alias split across inline
 * elements (`Hez<b>bollah</b>`, `<a>Joseph</a> Aoun`) is one string for the
 * entity matcher, and a span of that string maps back to a range over several
 * text nodes.
 */

import { NON_TEXT_ELEMENTS } from '../text/markup-elements';

/** Tag name of our own UI (the card's host element): never read, never highlighted. */
export const OWN_UI_TAG = 'news-context-ui';

// Never read: what no reader takes as text (lib/text/markup-elements.ts, which
// also says why the three readers of markup differ), plus what a page adds:
// form controls the reader is typing into, code (a name in a code sample is
// not a mention) and our own card's host.
const SKIPPED_TAGS = new Set([...NON_TEXT_ELEMENTS, 'input', 'option', 'code', 'pre', 'kbd', 'samp', OWN_UI_TAG]);

// Elements that flow inside a line of text. Decided by tag name, not
// getComputedStyle: computing style for every element of a 2 MB page would
// blow the 50 ms task budget by itself. Anything else (including unknown and
// custom elements) ends the block: a wrong break only splits a rare alias,
// a wrong join could invent a match across two paragraphs.
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * The text of consecutive text nodes under one block-level element, as the
 * entity matcher sees it.
 */
export interface TextBlock {
  /** The text nodes' data, concatenated (UTF-16, like the matcher's offsets). */
  readonly text: string;
  /** The text nodes, in document order; none is empty. */
  readonly nodes: readonly Text[];
  /** Offset of each node's first character in `text`, ascending (`starts[0]` is 0). */
  readonly starts: readonly number[];
  /** The nearest block-level ancestor of the nodes, for viewport ordering. */
  readonly element: Element;
}

/** How much of the page was read: the content script reports it as `{ textChars, textNodes }`. */
export interface TextStats {
  /** Characters in the blocks returned (the matcher's input). */
  textChars: number;
  /** Text nodes in the blocks returned. */
  textNodes: number;
}

/** Options for reading the page's text. */
export interface CollectOptions {
  /** Elements to skip with their whole subtree, on top of the built-in rules. */
  skip?: (element: Element) => boolean;
  /** Drop blocks whose text, trimmed, is shorter than this (the shortest alias). Default 1. */
  minLength?: number;
}

/** A `performance.now()` time at which a chunk of work must stop. */
export type Deadline = number;

// How many nodes to visit between two clock reads: reading the clock per node
// would cost more than visiting it.
const NODES_PER_CLOCK_READ = 128;

function isEditable(element: Element): boolean {
  // The attribute, not `isContentEditable`: that getter depends on computed
  // style (`-webkit-user-modify`), so it can force a style update, a long
  // task of its own on a large page. An editable element's subtree is skipped
  // with it, so inheritance is covered by the walk.
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

function isSkippedElement(element: Element, skip: CollectOptions['skip']): boolean {
  return SKIPPED_TAGS.has(element.localName) || isEditable(element) || (skip?.(element) ?? false);
}

/** Whether `element` lays out as part of a line of text (decided by tag name). */
export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

/** The nearest ancestor of `node` that is not an inline element. */
export function blockAncestor(node: Node): Element | null {
  let element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && isInlineElement(element)) element = element.parentElement;
  return element;
}

/** Whether `node` is inside (or is) an element that is never read, or is not in a document. */
export function isInSkippedSubtree(node: Node, options: CollectOptions = {}): boolean {
  if (!node.isConnected) return true;
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; ) {
    if (isSkippedElement(element, options.skip)) return true;
    element = element.parentElement;
  }
  return false;
}

const isWhitespaceOnly = (text: string) => !/\S/.test(text);

/**
 * Reads the text blocks of one or more subtrees in chunks, so that no task of
 * ours takes more than the 50 ms budget even on a 2 MB page. `next(deadline)`
 * resumes where the previous call stopped.
 *
 * The page may change between two chunks: blocks already returned keep
 * pointing at their text nodes (check {@link isBlockCurrent} before mapping a
 * span), and if the node the walk stopped on is removed, the walk of that
 * subtree ends early (the MutationObserver path, {@link collectTextBlocksWithin},
 * reads what was added).
 */
export class TextBlockCollector {
  /** Characters and text nodes in the blocks returned so far. */
  readonly stats: TextStats = { textChars: 0, textNodes: 0 };
  private readonly options: CollectOptions;
  private readonly minLength: number;
  private readonly roots: Node[];
  private walker: TreeWalker | null = null;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  // Trailing whitespace-only nodes of the block being read: kept only if more
  // text follows in the same block ("Joseph</a> <a>Aoun").
  private pendingSpaces = 0;
  private element: Element | null = null;
  // The last text node's parent and its block: consecutive text nodes mostly
  // share a parent, so the climb over inline ancestors is mostly skipped.
  private lastParent: Node | null = null;
  private lastBlock: Element | null = null;

  /** `root` may be several subtrees (read in the given order); none should contain another. */
  constructor(root: Node | readonly Node[], options: CollectOptions = {}) {
    this.options = options;
    this.minLength = Math.max(1, options.minLength ?? 1);
    this.roots = Array.isArray(root) ? [...root].reverse() : [root as Node];
  }

  /** Whether every subtree has been read. */
  get done(): boolean {
    return this.walker === null && this.roots.length === 0;
  }

  /**
   * Reads until everything is read or `deadline` (a `performance.now()` time)
   * has passed, and returns the blocks completed meanwhile, in document order.
   * Without a deadline, reads everything.
   */
  next(deadline: Deadline = Number.POSITIVE_INFINITY): TextBlock[] {
    const out: TextBlock[] = [];
    const skip = this.options.skip;
    // The page may have moved nodes since the last chunk.
    this.lastParent = null;
    let budget = NODES_PER_CLOCK_READ;
    for (;;) {
      const walker = this.walker ?? this.startNextRoot(out);
      if (!walker) return out;
      let node = walker.nextNode();
      // Skipped subtrees are stepped over with the walker's own moves rather
      // than rejected by a NodeFilter: a filter is a call from the DOM into
      // script for every node, measured at ~0.5 µs each, 70 ms on a 2 MB page
      // against 4 ms for the bare walk.
      while (node?.nodeType === 1 && isSkippedElement(node as Element, skip)) {
        // A skipped element ends the block: `Hez<code>…</code>bollah` must
        // not read as "Hezbollah".
        this.flush(out);
        node = nextOutside(walker);
      }
      if (!node) {
        this.flush(out);
        this.walker = null;
      } else if (node.nodeType === 3) this.visitText(node as Text, out);
      else if (!isInlineElement(node as Element)) this.flush(out);
      if (--budget === 0) {
        if (performance.now() >= deadline) return out;
        budget = NODES_PER_CLOCK_READ;
      }
    }
  }

  private startNextRoot(out: TextBlock[]): TreeWalker | null {
    for (let root = this.roots.pop(); root; root = this.roots.pop()) {
      const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
      if (!doc || isInSkippedSubtree(root, this.options)) continue;
      if (root.nodeType === 3) {
        // A walker never returns its root: a lone text node is its own block.
        this.visitText(root as Text, out);
        this.flush(out);
        continue;
      }
      // SHOW_ELEMENT | SHOW_TEXT: elements are visited to see where blocks
      // end; comments are not, so `Hez<!-- -->bollah` (common in
      // server-rendered React) stays one word.
      this.walker = doc.createTreeWalker(root, 0x1 | 0x4);
      return this.walker;
    }
    return null;
  }

  private visitText(text: Text, out: TextBlock[]): void {
    const data = text.data;
    if (data.length === 0) return;
    const whitespace = isWhitespaceOnly(data);
    if (whitespace && this.nodes.length === 0) return;
    const parent = text.parentNode;
    if (parent !== this.lastParent) {
      this.lastParent = parent;
      this.lastBlock = blockAncestor(text);
    }
    const element = this.lastBlock;
    if (!element) return;
    if (element !== this.element) {
      // Same block element but a nested block closed in between
      // (`<div>A<p>B</p>C</div>`): A and C are separate lines.
      this.flush(out);
      if (whitespace) return;
      this.element = element;
    }
    if (whitespace) this.pendingSpaces++;
    else this.pendingSpaces = 0;
    this.nodes.push(text);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  private flush(out: TextBlock[]): void {
    const element = this.element;
    if (this.pendingSpaces > 0) {
      const keep = this.nodes.length - this.pendingSpaces;
      this.nodes.length = keep;
      this.parts.length = keep;
      this.starts.length = keep;
      this.pendingSpaces = 0;
    }
    if (element && this.nodes.length > 0) {
      const text = this.parts.join('');
      if (text.trim().length >= this.minLength) {
        out.push({ text, nodes: this.nodes, starts: this.starts, element });
        this.stats.textChars += text.length;
        this.stats.textNodes += this.nodes.length;
      }
    }
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    this.element = null;
  }
}

// The walker's next node after the current node's subtree: what a
// FILTER_REJECT would have given.
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * All text blocks under `root`, in document order, in one go. For a whole
 * page prefer {@link TextBlockCollector}, which can stop at a deadline.
 */
export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  return new TextBlockCollector(root, options).next();
}

/**
 * The subtrees to read again after a MutationObserver batch: for each added
 * or changed node, the node itself if it is a block element, else its nearest
 * block ancestor (its text joins that block's). Nodes no longer in the page,
 * inside a skipped element, or inside another root are left out, so no block
 * is read twice. In document order.
 */
export function rescanRoots(nodes: readonly Node[], options: CollectOptions = {}): Element[] {
  const candidates = new Set<Element>();
  for (const node of nodes) {
    if (!node.isConnected) continue;
    const root = blockAncestor(node);
    if (root && !isInSkippedSubtree(root, options)) candidates.add(root);
  }
  const roots: Element[] = [];
  // In document order an ancestor comes right before its descendants, so one
  // pass against the last kept root drops every nested one.
  const sorted = [...candidates].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const root of sorted) {
    if (roots[roots.length - 1]?.contains(root)) continue;
    roots.push(root);
  }
  return roots;
}

/**
 * Reads the text blocks touched by a MutationObserver batch (added nodes,
 * targets of `characterData` changes): the blocks of their
 * {@link rescanRoots}, each once, in document order. A collector, so a large
 * batch is read in chunks like the first scan; call `next()` for all at once.
 */
export function collectTextBlocksWithin(nodes: readonly Node[], options: CollectOptions = {}): TextBlockCollector {
  return new TextBlockCollector(rescanRoots(nodes, options), options);
}

/**
 * Whether a block's text nodes are still in the page with the text they had
 * when it was read, so that spans of its text still map onto them.
 */
export function isBlockCurrent(block: TextBlock): boolean {
  const { nodes, starts, text } = block;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Text;
    const start = starts[i] as number;
    const end = i + 1 < nodes.length ? (starts[i + 1] as number) : text.length;
    if (!node.isConnected || node.length !== end - start) return false;
  }
  return true;
}

// Index of the node holding the character at `offset`: the last node whose
// start is ≤ offset (for a start) or < offset (for an end, so an end on a node
// boundary stays in the earlier node instead of an empty start in the next).
function nodeIndexAt(starts: readonly number[], offset: number, isEnd: boolean): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = starts[mid] as number;
    if (isEnd ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The DOM range of the span `[start, end)` of `block.text` (UTF-16 offsets,
 * as the entity matcher returns them). It may start and end in different text
 * nodes. Offsets are clamped to the block, and to each node's current length
 * in case the page changed the text since it was read.
 */
export function spanToRange(block: TextBlock, start: number, end: number): Range {
  const { nodes, starts, text } = block;
  const first = nodes[0];
  if (!first) throw new Error('News Context: a text block has no text nodes');
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const startIndex = nodeIndexAt(starts, from, false);
  const endIndex = Math.max(startIndex, nodeIndexAt(starts, to, true));
  const startNode = nodes[startIndex] as Text;
  const endNode = nodes[endIndex] as Text;
  const range = first.ownerDocument.createRange();
  range.setStart(startNode, Math.min(from - (starts[startIndex] as number), startNode.length));
  range.setEnd(endNode, Math.min(to - (starts[endIndex] as number), endNode.length));
  return range;
}

/** The first text node after `node` (and after its subtree) in document order. */
export function nextText(node: Node): Text | null {
  let current: Node | null = node;
  for (;;) {
    let next: Node | null = current === node ? null : current.firstChild;
    if (!next) {
      while (current && !current.nextSibling) current = current.parentNode;
      if (!current) return null;
      next = current.nextSibling as Node;
    }
    current = next;
    if (current.nodeType === 3) return current as Text;
  }
}

/** The first text node inside `root`, in document order. */
export function firstTextWithin(root: Node): Text | null {
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) return node as Text;
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) node = node.parentNode as Node;
    if (node === root) return null;
    node = node.nextSibling;
  }
  return null;
}

/** The last text node inside `root`, in document order. */
export function lastTextWithin(root: Node): Text | null {
  const last = lastDescendant(root);
  if (last === root) return null;
  if (last.nodeType === 3) return last as Text;
  const found = previousText(last);
  return found && root.contains(found) ? found : null;
}

/** The last text node before `node` in document order (not counting its ancestors' or its own). */
export function previousText(node: Node): Text | null {
  let current: Node = node;
  for (;;) {
    let previous = current.previousSibling;
    if (!previous) {
      const parent = current.parentNode;
      if (!parent) return null;
      current = parent;
      continue;
    }
    while (previous.lastChild) previous = previous.lastChild;
    current = previous;
    if (current.nodeType === 3) return current as Text;
  }
}

/**
 * The text nodes a range covers at least one character of, in document order:
 * where a highlight over `Hez<b>bollah</b>` can be hit.
 */
export function rangeTextNodes(range: Range): Text[] {
  if (range.collapsed) return [];
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer === endContainer)
    return startContainer.nodeType === 3 ? [startContainer as Text] : textsByWalk(range);
  if (startContainer.nodeType !== 3 || endContainer.nodeType !== 3) return textsByWalk(range);
  // Text to text, as `spanToRange` makes them: step from one to the other
  // without a TreeWalker (cheaper for the two or three nodes in between).
  const nodes: Text[] = [];
  if (startOffset < (startContainer as Text).length) nodes.push(startContainer as Text);
  for (let node = nextText(startContainer); node; node = nextText(node)) {
    if (node === endContainer) {
      if (endOffset > 0) nodes.push(node);
      break;
    }
    nodes.push(node);
  }
  return nodes;
}

// Any range, including boundaries in elements.
function textsByWalk(range: Range): Text[] {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const common = range.commonAncestorContainer;
  const doc = common.ownerDocument;
  if (!doc) return [];
  const walker = doc.createTreeWalker(common, 0x4); // SHOW_TEXT
  const nodes: Text[] = [];
  let node: Node | null;
  if (startContainer.nodeType === 3) {
    walker.currentNode = startContainer;
    node = startOffset < (startContainer as Text).length ? startContainer : walker.nextNode();
  } else {
    // An element boundary: the first text at or after its child `startOffset`.
    const child = startContainer.childNodes[startOffset];
    if (child?.nodeType === 3) node = child;
    else {
      walker.currentNode = child ?? lastDescendant(startContainer);
      node = walker.nextNode();
    }
  }
  for (; node; node = walker.nextNode()) {
    if (node === endContainer) {
      if (endOffset > 0) nodes.push(node as Text);
      break;
    }
    // comparePoint is 1 when the point is after the range's end.
    if (range.comparePoint(node, 0) === 1) break;
    nodes.push(node as Text);
  }
  return nodes;
}

function lastDescendant(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

// How many blocks to try either side of a probe whose text has no box
// (display: none, collapsed): their rect is all zeros and says nothing.
const EMPTY_PROBE_LIMIT = 8;

function blockRect(block: TextBlock): DOMRect | null {
  const first = block.nodes[0];
  const last = block.nodes[block.nodes.length - 1];
  if (!first || !last || !first.isConnected || !last.isConnected) return null;
  const range = first.ownerDocument.createRange();
  range.setStart(first, 0);
  range.setEnd(last, last.length);
  const rect = range.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

// The rect of the block at `index`, or of the nearest block with a box.
function probe(blocks: readonly TextBlock[], index: number): DOMRect | null {
  for (let step = 0; step < EMPTY_PROBE_LIMIT; step++) {
    for (const at of step === 0 ? [index] : [index + step, index - step]) {
      const block = blocks[at];
      if (!block) continue;
      const rect = blockRect(block);
      if (rect) return rect;
    }
  }
  return null;
}

// First index in [low, blocks.length) for which `past(rect)` holds, assuming
// it holds for a suffix of the blocks (true of document order in normal flow;
// when the page breaks that, e.g. with floats or fixed boxes, the order is a
// little less good, never wrong: every block is still returned).
function firstIndexWhere(blocks: readonly TextBlock[], low: number, past: (rect: DOMRect) => boolean): number {
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const rect = probe(blocks, mid);
    if (rect && past(rect)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Blocks reordered so that the ones on screen come first, then the ones below
 * it (where the reader scrolls next), then the ones above it, nearest first.
 * `blocks` must be in document order. Reads O(log n) rects, not one per
 * block: two binary searches over document order.
 */
export function orderViewportFirst(blocks: readonly TextBlock[], viewportHeight: number): TextBlock[] {
  if (blocks.length < 2) return [...blocks];
  const firstVisible = firstIndexWhere(blocks, 0, (rect) => rect.bottom >= 0);
  const firstBelow = firstIndexWhere(blocks, firstVisible, (rect) => rect.top > viewportHeight);
  return [
    ...blocks.slice(firstVisible, firstBelow),
    ...blocks.slice(firstBelow),
    ...blocks.slice(0, firstVisible).reverse(),
  ];
}
