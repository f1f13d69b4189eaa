import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseReaderHash, readerPageLink, readerUrl } from '@/lib/extension/reader-page-url';

describe('reader URLs', () => {
  it('round-trip an article and passage', () => {
    const url = readerUrl('chrome-extension://abc/reader.html', {
      articleId: 'naqoura-civilian-talks-2025',
      start: 5,
      end: 40,
    });
    expect(url).toBe('chrome-extension://abc/reader.html#article=naqoura-civilian-talks-2025&start=5&end=40');
    expect(parseReaderHash(new URL(url).hash)).toEqual({ articleId: 'naqoura-civilian-talks-2025', start: 5, end: 40 });
  });

  it('drop offsets that are not whole numbers', () => {
    expect(parseReaderHash('#article=a&start=-1&end=x')).toEqual({ articleId: 'a', start: undefined, end: undefined });
  });
});

describe('readerPageLink', () => {
  it('links to our reader page at a passage, from any context', () => {
    const href = readerPageLink({ articleId: 'a1', start: 3, end: 9 });
    expect(href).toBe(`${fakeBrowser.runtime.getURL('/reader.html')}#article=a1&start=3&end=9`);
    expect(parseReaderHash(new URL(href).hash)).toEqual({ articleId: 'a1', start: 3, end: 9 });
  });
});
