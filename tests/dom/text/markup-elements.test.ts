// @vitest-environment happy-dom
/**
 * The three readers of markup against one table (lib/text/markup-elements.ts):
 * each skips what it says it skips and ends paragraphs where it says it does.
 */
import { describe, expect, it } from 'vitest';
import { blockText } from '@/lib/import/html-article';
import { collectTextBlocks } from '@/lib/page/text-ranges';
import { BLOCK_ELEMENTS, NON_ARTICLE_ELEMENTS, NON_TEXT_ELEMENTS } from '@/lib/text/markup-elements';
import { stripMarkup } from '@/lib/text/strip-markup';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
// Elements the HTML parser does not keep in a body as written (moved or dropped there), and void ones (no content).
const NOT_IN_BODY = new Set(['head', 'title', 'embed']);

describe('markup elements', () => {
  it('lists names once each, in lower case, every non-text element also never article text', () => {
    for (const list of [NON_TEXT_ELEMENTS, NON_ARTICLE_ELEMENTS, BLOCK_ELEMENTS]) {
      expect(new Set(list).size).toBe(list.length);
      for (const name of list) expect(name).toMatch(/^[a-z][a-z0-9]*$/);
    }
    for (const name of NON_TEXT_ELEMENTS) expect(NON_ARTICLE_ELEMENTS).toContain(name);
    for (const name of NON_ARTICLE_ELEMENTS) expect(BLOCK_ELEMENTS).not.toContain(name);
  });

  it('keeps the text of no skipped element, in any of the three readers', () => {
    for (const name of NON_ARTICLE_ELEMENTS) {
      const html = `<p>Aoun met envoys.</p><${name}>Hidden words</${name}><p>They talked.</p>`;
      expect(stripMarkup(html), name).not.toContain('Hidden');
      if (NOT_IN_BODY.has(name)) continue;
      expect(blockText(parse(html).body), name).not.toContain('Hidden');
    }
    for (const name of NON_TEXT_ELEMENTS) {
      const doc = parse(`<p>Aoun met envoys.</p><${name}>Hidden words</${name}>`);
      document.body.replaceChildren(...Array.from(doc.body.childNodes).map((node) => document.importNode(node, true)));
      expect(
        collectTextBlocks(document.body).map((block) => block.text),
        name,
      ).toEqual(['Aoun met envoys.']);
    }
  });

  it('ends a paragraph at every block element, table cells and forms included, in both readers of imports', () => {
    const html = '<table><tr><td>Beirut</td><td>Naqoura</td></tr></table><form>Aoun</form><fieldset>Salam</fieldset>';
    const words = (text: string) => text.split(/\n\n+/).filter((part) => part.trim().length > 0);
    expect(words(stripMarkup(html))).toEqual(['Beirut', 'Naqoura', 'Aoun', 'Salam']);
    expect(words(blockText(parse(html).body))).toEqual(['Beirut', 'Naqoura', 'Aoun', 'Salam']);
  });

  it('keeps what only some readers skip, each for its reason', () => {
    // An imported article keeps a quotation set in <pre>; a page's code is never highlighted.
    const pre = '<p>Intro.</p><pre>Hezbollah said</pre>';
    expect(stripMarkup(pre)).toContain('Hezbollah said');
    expect(blockText(parse(pre).body)).toContain('Hezbollah said');
    const doc = parse(pre);
    document.body.replaceChildren(...Array.from(doc.body.childNodes).map((node) => document.importNode(node, true)));
    expect(collectTextBlocks(document.body).map((block) => block.text)).toEqual(['Intro.']);
    // With a DOM, a button's label goes; stripping text keeps it (an unclosed one must not take the article along).
    const button = '<p>Aoun spoke.</p><button>Share</button>';
    expect(blockText(parse(button).body)).not.toContain('Share');
    expect(stripMarkup(button)).toContain('Share');
  });
});
