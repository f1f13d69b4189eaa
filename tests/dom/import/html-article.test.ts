// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromHtmlDocument, blockText } from '@/lib/import/html-article';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (name: string) => readFileSync(join('tests', 'fixtures', 'pages', name, 'index.html'), 'utf8');

describe('articleFromHtmlDocument', () => {
  it('finds the article of a real-looking news page, with its metadata', () => {
    const article = articleFromHtmlDocument(parse(fixture('related-en')));
    expect(article.extractedBy).toBe('readability');
    expect(article.title).toBe('Lebanon offers Israel direct talks as war rages, but finds few takers');
    expect(article.siteName).toBe('Naharnet');
    expect(article.language).toBe('en');
    expect(article.url).toBe('https://www.naharnet.com/related-en/');
    expect(article.publishedTime).toMatch(/^2026-03-11/);
    expect(article.text).toContain('Lebanese President Joseph Aoun has offered to open direct negotiations');
    // Site chrome stays out; paragraphs stay apart.
    expect(article.text).not.toContain('We use cookies');
    expect(article.text).not.toContain('cookie-accept');
    expect(article.text).toMatch(/\n\n/);
  });

  it('reads no script, style, SVG or hidden text, and keeps no link target', () => {
    const doc = parse(`<html><body><article>
      <h1>Talks</h1>
      <p>Aoun <a href="javascript:alert(1)">met</a> envoys.<script>alert(2)</script></p>
      <svg><text>drawing</text></svg><script>alert(3)</script>
      <p hidden>secret</p><p aria-hidden="true">decor</p><style>p{color:red}</style>
      <p onclick="alert(4)">They talked.</p></article></body></html>`);
    const text = blockText(doc.body);
    expect(text).toContain('Aoun met envoys.');
    expect(text).toContain('They talked.');
    for (const absent of ['alert', 'javascript', 'drawing', 'secret', 'decor', 'color'])
      expect(text).not.toContain(absent);
  });

  it('falls back to the body when Readability finds nothing, and survives deep nesting', () => {
    const short = articleFromHtmlDocument(parse('<p>Only a line.</p>'));
    expect(short.text.trim()).toBe('Only a line.');
    const deep = parse(`${'<div>'.repeat(3000)}Deep text.${'</div>'.repeat(3000)}`);
    expect(articleFromHtmlDocument(deep).text).toContain('Deep text.');
  });

  it('ignores a canonical address that is not http(s)', () => {
    const doc = parse(
      '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>x</p></body></html>',
    );
    expect(articleFromHtmlDocument(doc).url).toBeUndefined();
  });
});
