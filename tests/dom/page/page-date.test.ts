// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageDate } from '@/lib/page/page-date';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readPageDate', () => {
  it('reads article:published_time first', () => {
    const doc = parse(`<head><meta property="article:published_time" content="2025-04-12T08:00:00+03:00">
      <script type="application/ld+json">{"datePublished":"2026-01-01"}</script></head><body><time datetime="2024-01-01">x</time></body>`);
    expect(readPageDate(doc)).toEqual({ date: '2025-04-12', source: 'meta' });
  });

  it('then JSON-LD datePublished, anywhere in the graph', () => {
    const ld = JSON.stringify({
      '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', datePublished: '2025-12-04T10:00Z' }],
    });
    expect(readPageDate(parse(`<script type="application/ld+json">${ld}</script><p>x</p>`))).toEqual({
      date: '2025-12-04',
      source: 'json-ld',
    });
  });

  it('then a <time datetime> in the given scope, then a date in the canonical address', () => {
    const doc = parse(`<aside><time datetime="2020-01-01">old</time></aside>
      <article><time datetime="2026-03-09">9 March</time></article>`);
    expect(readPageDate(doc, doc.querySelector('article') as Element)).toEqual({ date: '2026-03-09', source: 'time' });
    const url = parse('<head><link rel="canonical" href="https://example.org/news/2025/04/12/talks"></head>');
    expect(readPageDate(url)).toEqual({ date: '2025-04-12', source: 'url' });
  });

  it('says nothing rather than guess', () => {
    expect(readPageDate(parse('<p>Published last week</p>'))).toBeUndefined();
    expect(readPageDate(parse('<meta property="article:published_time" content="soon">'))).toBeUndefined();
    expect(readPageDate(parse('<script type="application/ld+json">{broken</script>'))).toBeUndefined();
  });
});
