import { Readability } from '@mozilla/readability';
import { BLOCK_ELEMENTS, NON_ARTICLE_ELEMENTS } from '../text/markup-elements';

/**
 * The article inside an HTML page: its main text (found by Mozilla's
 * Readability, the engine of Firefox's reader view) reduced to plain text,
 * and the metadata the page states. Used for .html imports and for "Import
 * this page" in the popup.
 *
 * The caller parses the HTML (`DOMParser` in an extension page, happy-dom in
 * tests) and hands over a `Document` it will not use again: Readability
 * rearranges it. Nothing here renders or re-serializes the page; text nodes
 * are read as text, so scripts, SVG and `javascript:` links cannot reach
 * what we store.
 */
export interface HtmlArticle {
  title?: string;
  byline?: string;
  /** The site's name ("Naharnet"), from its metadata. */
  siteName?: string;
  /** Two-letter language code from `<html lang>` or the metadata. */
  language?: string;
  /** Publication date or time as the page states it (ISO 8601 when it follows the usual metadata). */
  publishedTime?: string;
  /** The page's canonical http(s) URL, when it declares one. */
  url?: string;
  /** Plain text: paragraphs separated by blank lines, not yet cleaned. */
  text: string;
  /** `readability` when Readability found the article; `body` when it did not and the whole body was read. */
  extractedBy: 'readability' | 'body';
}

/** Readability gives up (throws) beyond this many elements, instead of freezing the page on a huge document. */
const MAX_ELEMENTS = 30_000;

/** Deeper documents skip Readability. Real news pages nest a few dozen levels. */
const MAX_DEPTH = 200;

/**
 * Never article text (lib/text/markup-elements.ts): with a parsed document,
 * the fallback text of media and the labels of buttons go too.
 */
const SKIPPED_ELEMENTS = new Set([...NON_ARTICLE_ELEMENTS, 'video', 'audio', 'button']);

const BLOCK_ELEMENT_NAMES = new Set(BLOCK_ELEMENTS);

/**
 * Reads the article out of `doc` (which it rearranges).
 *
 * @example articleFromHtmlDocument(new DOMParser().parseFromString(html, 'text/html')).text
 */
export function articleFromHtmlDocument(doc: Document): HtmlArticle {
  // Metadata first: Readability removes parts of the head and body as it works.
  let metadata: Omit<HtmlArticle, 'text' | 'extractedBy'> = {};
  try {
    metadata = pageMetadata(doc);
  } catch {
    // A pathological document (nesting deep enough to exhaust a DOM implementation's selector engine): no metadata.
  }
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  // Readability's cost grows with nesting depth; no real article nests this deep, a hostile file can.
  if (!doc.body || !nestsDeeperThan(doc.body, MAX_DEPTH)) {
    try {
      parsed = new Readability<Node>(doc.cloneNode(true) as Document, {
        maxElemsToParse: MAX_ELEMENTS,
        // The content as a node, not as serialized HTML: we only ever read its text.
        serializer: (node) => node,
      }).parse();
    } catch {
      // Too large for Readability: read the body as it is.
      parsed = null;
    }
  }
  const fromReadability = parsed?.content ? blockText(parsed.content) : '';
  const extractedBy = fromReadability.trim() ? 'readability' : 'body';
  const text = extractedBy === 'readability' ? fromReadability : doc.body ? blockText(doc.body) : '';
  return {
    ...metadata,
    ...definedText('title', parsed?.title ?? metadata.title),
    ...definedText('byline', parsed?.byline ?? metadata.byline),
    ...definedText('siteName', parsed?.siteName ?? metadata.siteName),
    ...definedText('publishedTime', parsed?.publishedTime ?? metadata.publishedTime),
    text,
    extractedBy,
  };
}

function definedText<Key extends string>(key: Key, value: string | null | undefined): Partial<Record<Key, string>> {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? ({ [key]: trimmed } as Record<Key, string>) : {};
}

function pageMetadata(doc: Document): Omit<HtmlArticle, 'text' | 'extractedBy'> {
  const meta = (...names: string[]) => {
    for (const name of names) {
      const value = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content');
      if (value?.trim()) return value.trim();
    }
    return undefined;
  };
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  const language = (doc.documentElement?.getAttribute('lang') ?? meta('og:locale') ?? '').slice(0, 2).toLowerCase();
  return {
    ...definedText('title', meta('og:title') ?? doc.querySelector('title')?.textContent),
    ...definedText('byline', meta('author', 'article:author')),
    ...definedText('siteName', meta('og:site_name', 'application-name')),
    ...definedText('publishedTime', meta('article:published_time', 'datePublished', 'date', 'pubdate')),
    ...(/^[a-z]{2}$/.test(language) ? { language } : {}),
    ...(canonical && isHttpUrl(canonical) ? { url: canonical } : {}),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The text of a subtree, with a blank line at every block boundary and a
 * line break at every `<br>`. Iterative, so a hostile, deeply nested page
 * cannot overflow the stack; hidden and non-text elements are skipped.
 */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const stack: { node: Node; closing: boolean }[] = [{ node: root, closing: false }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop() as { node: Node; closing: boolean };
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const element = node.nodeType === 1 ? (node as Element) : undefined;
    const name = element?.tagName.toLowerCase() ?? '';
    if (closing) {
      if (BLOCK_ELEMENT_NAMES.has(name)) parts.push('\n\n');
      continue;
    }
    if (element && (SKIPPED_ELEMENTS.has(name) || isHidden(element))) continue;
    if (name === 'br') {
      parts.push('\n');
      continue;
    }
    if (BLOCK_ELEMENT_NAMES.has(name)) parts.push('\n\n');
    stack.push({ node, closing: true });
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index] as Node, closing: false });
    }
  }
  return parts.join('');
}

/** Whether any element under `root` sits more than `limit` levels down. Iterative, stops at the first one. */
function nestsDeeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > limit) return true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

function isHidden(element: Element): boolean {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
}
