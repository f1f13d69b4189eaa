/**
 * Where a page's article is: the element that holds its text, its headline,
 * and the site chrome inside it that a reader does not read as the article
 * (share bars, related links, comments, menus). The annotator reads only
 * these roots, so a site's logo ("Naharnet | Lebanon"), its menus or its
 * "most read" list never carry a highlight, and "first mention" means the
 * first in the article (issue #12).
 *
 * Tried in order, the first that holds enough text wins:
 * 1. `[itemprop~=articleBody]` (schema.org microdata);
 * 2. the element holding JSON-LD's `articleBody` (its first and last words);
 * 3. `<article>` (the one with the most paragraph text);
 * 4. the densest block of paragraphs, scored like Mozilla Readability
 *    (a paragraph scores its parent fully and its grandparent by half).
 * Readability itself is not run on the live page: it needs a clone of the
 * whole document and costs tens of milliseconds on a large page, past the
 * 50 ms task budget; the tests compare our roots with its output instead.
 * When nothing qualifies, the body is the root and its chrome is skipped.
 *
 * The search is resumable ({@link articleRootSteps}): it pauses every few
 * dozen elements, so the annotator can spread it over slices of a few
 * milliseconds. Done in one go, it was our longest task on large pages
 * (359 ms on the 2 MB test page, in the content script's isolated world).
 * {@link findArticleRoot} runs it to the end in one call.
 */

/** How the article's root was found. */
export type ArticleRootSource = 'itemprop' | 'json-ld' | 'article' | 'density' | 'body';

/** The article's root element, and its headline when that lies outside it. */
export interface ArticleRoot {
  /** The element holding the article's text. */
  root: Element;
  /** The page's headline (`<h1>`), when it is outside `root` and not site chrome. */
  headline: Element | null;
  source: ArticleRootSource;
}

// Below this much paragraph text an element is a teaser or a caption, not an article.
const MIN_ARTICLE_CHARS = 250;
// The densest block must hold this share of the page's prose, or its parent is taken.
const MIN_SHARE_OF_PROSE = 0.9;
// A paragraph shorter than this is a label, a date or a button, not prose.
const MIN_PARAGRAPH_CHARS = 25;
// How many characters of JSON-LD's articleBody to look for on the page.
const PROBE_CHARS = 60;
// Past this share of link text a block is a list of links (menus, related stories).
const MAX_LINK_DENSITY = 0.5;

// Elements that are site chrome wherever they are inside the article.
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'dialog', 'menu']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
  'dialog',
  'alertdialog',
  'toolbar',
]);
// Words of an id or a class that name chrome, as whole tokens of the name
// ("share-bar", "related_links", "comments"): "commentary" or "navigator" are
// not chrome.
const CHROME_TOKENS =
  /(?:^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|recirc|comments?|disqus|sidebar|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|sponsored|logo|masthead|mostread|most-read|popular|trending|outbrain|taboola|paywall|cookie|cookies|consent)(?:$|[\s_-])/i;

// More prose than this in a block named like chrome: it is not chrome (see isPageChrome).
const MAX_CHROME_PROSE = 600;
// Verdicts on elements named like chrome, which cost a look at their prose.
// Kept per element: a block's class rarely changes, and the cache dies with it.
const chromeByName = new WeakMap<Element, boolean>();
const MAYBE_ARTICLE = /article|body|content|main|story|post|entry|column|text/i;

/**
 * Whether `element` is site chrome a reader does not read as the article:
 * navigation, asides, footers, forms, menus, logos, share bars, related-link
 * lists, comments, by tag, ARIA role, or a whole word of its id or class.
 *
 * @example isPageChrome(document.querySelector('nav.main-menu')) // true
 */
export function isPageChrome(element: Element): boolean {
  const tag = element.localName;
  if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return false;
  if (CHROME_TAGS.has(tag)) return true;
  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const names = `${element.id} ${element.getAttribute('class') ?? ''}`;
  if (names.length <= 1) return false;
  const token = CHROME_TOKENS.exec(names)?.[1]?.toLowerCase();
  if (!token) return false;
  // Comments are prose, but the readers', not the article's.
  if (token.startsWith('comment') || token === 'disqus') return true;
  // As in Readability, a name that also says "article" or "content" keeps the
  // element: wrappers like "content-with-sidebar" hold the story. So does a
  // block of prose: a layout wrapper ("two-col-sidebar-right") or a section
  // whose id is a heading ("sharing-with-a-team") is not a share bar.
  if (MAYBE_ARTICLE.test(names)) return false;
  let verdict = chromeByName.get(element);
  if (verdict === undefined) {
    verdict = proseChars(element) < MAX_CHROME_PROSE;
    chromeByName.set(element, verdict);
  }
  return verdict;
}

/** Text of `element` without runs of whitespace. */
function normalisedText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// Text nodes or links read between two pauses when measuring a whole block
// (a page's wrapper can hold a megabyte of text and thousands of links).
const NODES_PER_STEP = 256;

/** Characters of the links' text in `element`, pausing as it goes. */
function* linkTextLength(element: Element): Generator<void, number> {
  let length = 0;
  let sincePause = 0;
  for (const link of element.querySelectorAll('a')) {
    if (++sincePause === NODES_PER_STEP) {
      sincePause = 0;
      yield;
    }
    length += (link.textContent ?? '').trim().length;
  }
  return length;
}

/**
 * `normalisedText(element).length`, read text node by text node so that a
 * block holding a whole page's text does not make one long task: each run of
 * whitespace counts once, also across nodes, and none at either end.
 */
export function* collapsedTextLength(element: Element): Generator<void, number> {
  const doc = element.ownerDocument;
  // 4 is NodeFilter.SHOW_TEXT (a number: not every DOM this runs on has the NodeFilter global).
  const walker = doc.createTreeWalker(element, 4);
  let length = 0;
  let afterSpace = true;
  let sincePause = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++sincePause === NODES_PER_STEP) {
      sincePause = 0;
      yield;
    }
    let text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
    if (text.length === 0) continue;
    if (afterSpace && text.startsWith(' ')) text = text.slice(1);
    if (text.length === 0) continue;
    length += text.length;
    afterSpace = text.endsWith(' ');
  }
  return afterSpace && length > 0 ? length - 1 : length;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

function hasBlockChild(element: Element): boolean {
  for (const child of element.children) if (BLOCK_TAGS.has(child.localName)) return true;
  return false;
}

// Elements handled between two pauses of the search: each costs a few
// microseconds (its text, a walk up its ancestors), so a pause every 32 keeps
// a slice near its deadline without reading the clock for every element.
const ELEMENTS_PER_STEP = 32;

/**
 * The paragraphs under `scope`: `<p>`, `<blockquote>`, `<pre>`, and, as in
 * Readability, `<div>`s and cells that hold text but no block (pages that
 * write paragraphs as `<div>`s or lines between `<br>`s).
 */
function* paragraphsWithin(scope: Element): Generator<Element | undefined> {
  let sincePause = 0;
  for (const element of scope.querySelectorAll('p, blockquote, pre, div, td')) {
    // `undefined` is a pause: the caller yields to its driver there.
    if (++sincePause === ELEMENTS_PER_STEP) {
      sincePause = 0;
      yield undefined;
    }
    const tag = element.localName;
    if (tag === 'p' || tag === 'pre') yield element;
    else if (!hasBlockChild(element)) yield element;
  }
}

/** Characters in `element`'s paragraphs of prose, chrome or not. */
function proseChars(element: Element): number {
  let chars = 0;
  for (const paragraph of paragraphsWithin(element)) {
    if (!paragraph) continue;
    const length = normalisedText(paragraph).length;
    if (length >= MIN_PARAGRAPH_CHARS) chars += length;
  }
  return chars;
}

/** Whether `node` is inside chrome below `root` (`root` itself not counted). */
function isInChrome(node: Element, root: Element): boolean {
  for (let element: Element | null = node; element && element !== root; element = element.parentElement) {
    if (isPageChrome(element)) return true;
  }
  return false;
}

/**
 * One search's memory: the length of each paragraph's text, read once
 * however many candidate roots count it (the density rule's climb counts the
 * same paragraphs at every level).
 */
class ProseLengths {
  private readonly lengths = new Map<Element, number>();

  of(paragraph: Element): number {
    let length = this.lengths.get(paragraph);
    if (length === undefined) {
      length = normalisedText(paragraph).length;
      this.lengths.set(paragraph, length);
    }
    return length;
  }

  /** Characters of prose in `element`'s paragraphs (chrome and link lists left out), pausing as it goes. */
  *paragraphChars(element: Element): Generator<void, number> {
    let chars = 0;
    for (const paragraph of paragraphsWithin(element)) {
      if (!paragraph) {
        yield;
        continue;
      }
      if (isInChrome(paragraph, element)) continue;
      const length = this.of(paragraph);
      if (length >= MIN_PARAGRAPH_CHARS) chars += length;
    }
    return chars;
  }
}

function byItemprop(doc: Document): Element | null {
  let best: Element | null = null;
  let bestChars = 0;
  for (const element of doc.querySelectorAll('[itemprop~="articleBody"], [itemprop~="articlebody"]')) {
    const chars = normalisedText(element).length;
    if (chars > bestChars) {
      best = element;
      bestChars = chars;
    }
  }
  return bestChars >= MIN_ARTICLE_CHARS ? best : null;
}

/** Every `articleBody` string in a JSON-LD value (objects, arrays, `@graph`). */
function articleBodies(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) articleBodies(item, out, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'articleBody' && typeof item === 'string') out.push(item);
    else articleBodies(item, out, depth + 1);
  }
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let element: Element | null = a; element; element = element.parentElement) {
    if (element.contains(b)) return element;
  }
  return null;
}

/** The smallest element holding the first and the last words of JSON-LD's `articleBody`. */
function* byJsonLd(doc: Document): Generator<void, Element | null> {
  const bodies: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      articleBodies(JSON.parse(script.textContent ?? ''), bodies);
    } catch {
      // A page's broken JSON-LD is its own problem; the other rules still apply.
    }
  }
  const body = bodies.map((text) => text.replace(/\s+/g, ' ').trim()).sort((a, b) => b.length - a.length)[0];
  if (!body || body.length < MIN_ARTICLE_CHARS) return null;
  const head = body.slice(0, PROBE_CHARS);
  const tail = body.slice(-PROBE_CHARS);
  let first: Element | null = null;
  let last: Element | null = null;
  let sincePause = 0;
  for (const block of doc.body?.querySelectorAll('p, div, td, li, blockquote, h2, h3') ?? []) {
    if (++sincePause === ELEMENTS_PER_STEP) {
      sincePause = 0;
      yield;
    }
    if (block.querySelector('p, div')) continue;
    const text = normalisedText(block);
    if (!first && text.length > 0 && (text.includes(head) || head.startsWith(text))) first = block;
    if (text.length > 0 && (text.includes(tail) || tail.endsWith(text))) last = block;
  }
  if (!first || !last) return null;
  const root = commonAncestor(first, last);
  return root && root !== doc.documentElement ? root : null;
}

function* byArticleElement(doc: Document, prose: ProseLengths): Generator<void, Element | null> {
  let best: Element | null = null;
  let bestChars = 0;
  for (const article of doc.querySelectorAll('article')) {
    // A teaser card nested in the article is not a better root than the article.
    if (best?.contains(article)) continue;
    const chars = yield* prose.paragraphChars(article);
    if (chars > bestChars) {
      best = article;
      bestChars = chars;
    }
  }
  return bestChars >= MIN_ARTICLE_CHARS ? best : null;
}

/**
 * The densest block of paragraphs, scored like Readability: each paragraph of
 * prose adds `1 + commas + min(3, chars / 100)` to its parent and half of
 * that to its grandparent; scores are discounted by the block's link density.
 * When the best block's siblings hold prose too (an article split in several
 * containers), their common parent is the root.
 */
function* byDensity(doc: Document, prose: ProseLengths): Generator<void, Element | null> {
  const body = doc.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  const add = (element: Element | null, score: number) => {
    if (element) scores.set(element, (scores.get(element) ?? 0) + score);
  };
  for (const paragraph of paragraphsWithin(body)) {
    if (!paragraph) {
      yield;
      continue;
    }
    if (isInChrome(paragraph, body)) continue;
    const text = normalisedText(paragraph);
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    const score = 1 + (text.match(/[,،、，]/g)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    add(paragraph.parentElement, score);
    add(paragraph.parentElement?.parentElement ?? null, score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  // Highest score first: a block's adjusted score is at most its score, so
  // once scores fall to the best adjusted one no block can beat it, and the
  // large wrappers (scored by half, through grandchildren) are seldom read.
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  for (const [element, score] of ranked) {
    if (score <= bestScore) break;
    const chars = yield* collapsedTextLength(element);
    const linkDensity = chars > 0 ? (yield* linkTextLength(element)) / chars : 1;
    if (linkDensity > MAX_LINK_DENSITY) continue;
    const adjusted = score * (1 - linkDensity);
    if (adjusted > bestScore) {
      best = element;
      bestScore = adjusted;
    }
  }
  if (!best) return null;
  // An article split over several containers (lede, body, a box after a
  // photo): climb until the root holds most of the page's prose. When prose
  // is scattered all over the page this climbs to the body, which loses no
  // text (chrome is still skipped inside it).
  const pageProse = yield* prose.paragraphChars(body);
  let root: Element = best;
  let rootProse = yield* prose.paragraphChars(root);
  while (root.parentElement && root !== body && rootProse < pageProse * MIN_SHARE_OF_PROSE) {
    root = root.parentElement;
    rootProse = yield* prose.paragraphChars(root);
  }
  return rootProse >= MIN_ARTICLE_CHARS ? root : null;
}

/** The page's headline when it is outside `root`: the first `<h1>` not in chrome. */
function headlineOutside(doc: Document, root: Element): Element | null {
  for (const heading of doc.querySelectorAll('h1')) {
    if (root.contains(heading)) return null;
    if (heading.contains(root)) return null;
    if (!isInChrome(heading, doc.body ?? doc.documentElement)) return heading;
  }
  return null;
}

/**
 * The search for the article's root (see the file comment for the order of
 * the rules), as steps: each `next()` does a few dozen elements' worth of
 * work, and the last returns the root and its headline if that is outside it.
 */
export function* articleRootSteps(doc: Document): Generator<void, ArticleRoot> {
  const fallback = doc.body ?? doc.documentElement;
  const prose = new ProseLengths();
  const rules: [ArticleRootSource, () => Generator<void, Element | null> | Element | null][] = [
    ['itemprop', () => byItemprop(doc)],
    ['json-ld', () => byJsonLd(doc)],
    ['article', () => byArticleElement(doc, prose)],
    ['density', () => byDensity(doc, prose)],
  ];
  for (const [source, rule] of rules) {
    const outcome = rule();
    const root = isSteps(outcome) ? yield* outcome : outcome;
    if (root && root !== fallback && root !== doc.documentElement) {
      return { root, headline: headlineOutside(doc, root), source };
    }
    yield;
  }
  return { root: fallback, headline: null, source: 'body' };
}

function isSteps(value: unknown): value is Generator<void, Element | null> {
  return typeof (value as Generator | null)?.next === 'function';
}

/**
 * Finds the article's root in one call (see {@link articleRootSteps} to
 * spread the search over slices).
 *
 * @example findArticleRoot(document).root // <article class="story">…</article>
 */
export function findArticleRoot(doc: Document): ArticleRoot {
  const steps = articleRootSteps(doc);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The elements to read, in document order: the headline (if outside the root), then the root. */
export function articleRoots(found: ArticleRoot): Element[] {
  if (!found.headline) return [found.root];
  const headlineFirst = found.headline.compareDocumentPosition(found.root) & 4; // FOLLOWING
  return headlineFirst ? [found.headline, found.root] : [found.root, found.headline];
}

/**
 * A skip rule for reading the article: chrome strictly inside one of `roots`
 * (site header, nav, share bars, related links, comments). Elements that are
 * a root or contain one are never skipped, so a class on `<body>` such as
 * "nav-open" cannot hide the whole page.
 */
export function skipChromeWithin(roots: readonly Element[]): (element: Element) => boolean {
  return (element) => {
    for (const root of roots) {
      if (element !== root && root.contains(element)) return isPageChrome(element) || isSiteHeader(element, root);
    }
    return false;
  };
}

// A `<header>` inside the article often holds its headline and byline: it is
// chrome only when the root is the whole body (the site's banner).
function isSiteHeader(element: Element, root: Element): boolean {
  return element.localName === 'header' && root.localName === 'body' && !element.querySelector('h1');
}

/**
 * The parts of changed subtrees that belong to the article: each subtree
 * inside a root is kept; a subtree that contains roots is replaced by them;
 * anything else (a comment thread loading, a ticker in the header) is dropped.
 */
export function clipToArticle(changed: readonly Element[], roots: readonly Element[]): Element[] {
  const out = new Set<Element>();
  for (const element of changed) {
    if (roots.some((root) => root === element || root.contains(element))) out.add(element);
    else for (const root of roots) if (element.contains(root)) out.add(root);
  }
  return [...out];
}
