/**
 * Plain text out of text that may carry HTML: raw HTML inside Markdown,
 * tags left in a scraped .txt, entity-encoded text. Imported articles are
 * stored and shown as plain text only, so no markup is ever stored
 * (issue #5); this never builds a DOM, it only removes.
 *
 * Every scan moves forward (indexOf, or a regex resumed from where the last
 * one stopped), so hostile input costs linear time, not quadratic.
 */
import { decodeHTMLStrict } from 'entities';
import { BLOCK_ELEMENTS, NON_ARTICLE_ELEMENTS } from './markup-elements';

/**
 * Elements whose content is never article text, dropped with everything
 * inside up to their closing tag (`markup-elements.ts` says why buttons and
 * media stay here).
 */
const OPAQUE_OPEN = new RegExp(`<(${NON_ARTICLE_ELEMENTS.join('|')})(?=[\\s/>]|$)`, 'gi');

/** Elements that end a paragraph: replaced by a blank line so paragraphs survive. */
const BLOCK_TAG = new RegExp(`^<\\/?(?:${BLOCK_ELEMENTS.join('|')})\\b`, 'i');
const LINE_BREAK_TAG = /^<br\b/i;
const TAG = /<(?:\/?[A-Za-z][^<>]*|![^<>]*|\?[^<>]*)>/g;
/** What is left of a tag when its closing `>` is missing, or a tag rebuilt by removing another: `<` before a tag name. */
const TAG_START = /<+(?=[A-Za-z/!?])/g;
/** Removing tags can assemble a new one ("<<b></b>script>"); real text settles in one pass. */
const MAX_PASSES = 4;

/**
 * Removes HTML comments, opaque elements (script, style, svg, …) with their
 * content, and every other tag (block tags become paragraph breaks). The
 * result contains no `<` followed by a tag name, and stripping it again
 * changes nothing.
 *
 * @example stripMarkup('<p>Aoun <b>met</b> envoys.</p><script>alert(1)</script>') // '\n\nAoun met envoys.\n\n'
 */
export function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = stripTags(stripOpaqueElements(stripComments(current)));
    if (next === current) break;
    current = next;
  }
  return current.replace(TAG_START, '');
}

function stripComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--', from); open !== -1; open = text.indexOf('<!--', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    // An unclosed comment hides the rest of the document in a browser too.
    if (close === -1) return out;
    from = close + 3;
  }
  return out + text.slice(from);
}

function stripOpaqueElements(text: string): string {
  let out = '';
  let from = 0;
  OPAQUE_OPEN.lastIndex = 0;
  for (let match = OPAQUE_OPEN.exec(text); match; match = OPAQUE_OPEN.exec(text)) {
    out += text.slice(from, match.index);
    const name = (match[1] as string).toLowerCase();
    const close = new RegExp(`</${name}\\s*>`, 'gi');
    close.lastIndex = match.index + match[0].length;
    const end = close.exec(text);
    // Unclosed: everything after it was meant as code, not text.
    if (!end) return out;
    from = end.index + end[0].length;
    OPAQUE_OPEN.lastIndex = from;
  }
  return out + text.slice(from);
}

function stripTags(text: string): string {
  return text.replace(TAG, (tag) => (BLOCK_TAG.test(tag) ? '\n\n' : LINE_BREAK_TAG.test(tag) ? '\n' : ''));
}

/**
 * Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;`, every
 * named one of HTML, names are case-sensitive: `&Eacute;` is É, `&eacute;`
 * é) with the `entities` library, the decoder of htmlparser2. Strict: a
 * reference needs its semicolon, so "AT&T" or "&copy2024" in plain text stay
 * as written; unknown names too. Invalid code points become U+FFFD, as in a
 * browser, so no lone surrogate comes out. Decode before {@link stripMarkup},
 * so an encoded `&lt;script&gt;` cannot survive as a tag.
 *
 * @example decodeHtmlEntities('Aoun&#8217;s &amp; Salam') // 'Aoun’s & Salam'
 */
export function decodeHtmlEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}
