import { describe, expect, it } from 'vitest';
import { backgroundRequest, contentRequest } from '@/lib/extension/messages';
import { parseReaderHash, readerUrl } from '@/lib/extension/reader-page-url';

describe('message validation', () => {
  it('accepts the messages we send', () => {
    expect(contentRequest.safeParse({ type: 'annotations/get' }).success).toBe(true);
    expect(contentRequest.safeParse({ type: 'mention/step', direction: -1 }).success).toBe(true);
    expect(backgroundRequest.safeParse({ type: 'feedback/add', entityId: 'x', verdict: 'not-this' }).success).toBe(
      true,
    );
  });

  it('rejects unknown types, extra fields and wrong values', () => {
    expect(contentRequest.safeParse({ type: 'annotations/delete' }).success).toBe(false);
    expect(contentRequest.safeParse({ type: 'annotations/get', extra: 1 }).success).toBe(false);
    expect(contentRequest.safeParse({ type: 'mention/step', direction: 2 }).success).toBe(false);
    expect(backgroundRequest.safeParse({ type: 'feedback/add', entityId: 'x', verdict: 'delete-all' }).success).toBe(
      false,
    );
    expect(backgroundRequest.safeParse('index/status').success).toBe(false);
    expect(backgroundRequest.safeParse(null).success).toBe(false);
  });
});

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
