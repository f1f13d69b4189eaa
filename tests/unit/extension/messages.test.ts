import { describe, expect, it } from 'vitest';
import { backgroundRequest, backgroundResponses, contentRequest, contentResponses } from '@/lib/extension/messages';

describe('message validation', () => {
  it('has one response schema for every request type, and no other', () => {
    const requestTypes = (schema: typeof backgroundRequest | typeof contentRequest) =>
      schema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(backgroundResponses).sort()).toEqual(requestTypes(backgroundRequest));
    expect(Object.keys(contentResponses).sort()).toEqual(requestTypes(contentRequest));
  });

  it('keeps the matcher out of a page’s configuration (pages are matched in the background)', () => {
    const config = { paused: false, highlightMode: 'first', suppressed: [], entities: [] };
    expect(backgroundResponses['annotator/config'].safeParse(config).success).toBe(true);
    const withMatcher = { ...config, matcher: { version: 1, entities: [], aliases: [] } };
    expect(backgroundResponses['annotator/config'].safeParse(withMatcher).success).toBe(false);
  });

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
