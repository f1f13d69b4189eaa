import { describe, expect, it } from 'vitest';
import {
  backgroundRequest,
  backgroundResponses,
  cardFrameMessage,
  cardFrameShowMessage,
  contentRequest,
  contentResponses,
} from '@/lib/extension/messages';

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

  it("carries the page's date with a card request only as a calendar date (issues #12, #15)", () => {
    const open = { type: 'card/open', entityId: 'hezbollah', pinned: false };
    expect(backgroundRequest.safeParse({ ...open, pageDate: '2026-05-04' }).success).toBe(true);
    expect(backgroundRequest.safeParse({ ...open, pageDate: '2026-05' }).success).toBe(true);
    for (const pageDate of ['2026', '2026-13-01', '2026-05-32', 'May 2026', '2026-05-04T08:00:00Z', 20260504]) {
      const parsed = backgroundRequest.safeParse({ ...open, pageDate });
      expect(parsed.success, String(pageDate)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['pageDate']);
    }
    const show = { type: 'card/show', entityId: 'hezbollah', pinned: false, card: null };
    expect(cardFrameShowMessage.safeParse({ ...show, pageDate: { date: '2026-05', precision: 'month' } }).success).toBe(
      true,
    );
    expect(cardFrameShowMessage.safeParse({ ...show, pageDate: { date: '2026-05', precision: 'year' } }).success).toBe(
      false,
    );
  });

  it("takes no address or target from the card frame's timeline link and import", () => {
    expect(cardFrameMessage.safeParse({ type: 'frame/open-timeline' }).success).toBe(true);
    expect(cardFrameMessage.safeParse({ type: 'frame/open-timeline', pointId: 'x' }).success).toBe(false);
    const draft = { type: 'frame/import-draft', text: 'Hezbollah said…', title: 'A page' };
    expect(cardFrameMessage.safeParse(draft).success).toBe(true);
    expect(cardFrameMessage.safeParse({ ...draft, url: 'https://elsewhere.example/' }).success).toBe(false);
    expect(cardFrameMessage.safeParse({ ...draft, text: '' }).success).toBe(false);
  });
});
