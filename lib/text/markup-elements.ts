/**
 * Which HTML elements hold text and where a paragraph ends: one table for
 * the three places that read markup (issue #10), so they agree where they
 * mean the same thing and say why where they do not.
 *
 * | Reader | Skips | Ends a paragraph |
 * | --- | --- | --- |
 * | a live page (`page/text-ranges.ts`) | {@link NON_TEXT_ELEMENTS}, plus form fields, code and our own card's host | every element not known to be inline |
 * | an imported HTML file (`import/html-article.ts`) | {@link NON_ARTICLE_ELEMENTS}, plus media and buttons | {@link BLOCK_ELEMENTS} |
 * | pasted or Markdown text with tags (`text/strip-markup.ts`) | {@link NON_ARTICLE_ELEMENTS} | {@link BLOCK_ELEMENTS} |
 *
 * Why they differ:
 * - A live page is read for highlights, not for its text: a name in a code
 *   sample or a field the reader is typing into must not be marked, and the
 *   page is walked as it is (no `<head>` in the article root). It decides
 *   blocks the other way round, by a list of inline elements, because a
 *   page's unknown and custom elements must end a block: a wrong break only
 *   splits a rare alias, a wrong join could invent a match across
 *   paragraphs.
 * - An imported file keeps code blocks as text (an article quoting a
 *   statement in `<pre>` still quotes it). A parsed document also drops the
 *   fallback text of `<video>`/`<audio>` and the labels of buttons ("Share",
 *   "Play"): with a DOM these are whole elements, safe to skip.
 * - Stripping tags from text works without a DOM: an opaque element is
 *   dropped up to its closing tag, and an unclosed one drops the rest of the
 *   text. So it drops only elements whose content is never prose; buttons
 *   and media stay, their text is short and an unclosed one must not take
 *   the article with it.
 *
 * Names are lower case, as `Element.localName` gives them in HTML.
 */

/** Never text in any reader: code run or drawn, templates, embedded documents, form fields with their own text. */
export const NON_TEXT_ELEMENTS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'canvas',
  'textarea',
  'select',
];

/** Never the text of an imported article: the above, plugins' fallback content, and the document's head. */
export const NON_ARTICLE_ELEMENTS: readonly string[] = [...NON_TEXT_ELEMENTS, 'object', 'embed', 'head', 'title'];

/** Elements that end a paragraph of imported text: each becomes a blank line, so paragraphs survive. */
export const BLOCK_ELEMENTS: readonly string[] = [
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'address',
  'details',
  'summary',
  'form',
  'fieldset',
];
