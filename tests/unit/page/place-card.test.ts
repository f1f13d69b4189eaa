import { describe, expect, it } from 'vitest';
import { placeCard, viewportOf } from '@/lib/page/place-card';

const viewport = { width: 1280, height: 720 };

describe('placeCard', () => {
  it('goes below the mention when it fits', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 40 }, { width: 380, height: 300 }, viewport)).toEqual({
      top: 124,
      left: 40,
      maxHeight: 584,
    });
  });

  it('goes above when there is more room there', () => {
    const place = placeCard({ top: 600, bottom: 620, left: 40 }, { width: 380, height: 300 }, viewport);
    expect(place.top + 300).toBeLessThanOrEqual(600);
    expect(place.top).toBeGreaterThanOrEqual(8);
  });

  it('stays inside the viewport near the right edge and on a narrow screen', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 1200 }, { width: 380, height: 200 }, viewport).left).toBe(892);
    const narrow = placeCard(
      { top: 10, bottom: 30, left: 100 },
      { width: 300, height: 900 },
      { width: 320, height: 480 },
    );
    expect(narrow.left + 300).toBeLessThanOrEqual(320 - 8);
    expect(narrow.top + Math.min(900, narrow.maxHeight)).toBeLessThanOrEqual(480);
  });

  it('keeps at least 120 pixels of room next to a mention at the viewport’s edge, then scrolls inside', () => {
    const place = placeCard(
      { top: 700, bottom: 715, left: 40 },
      { width: 380, height: 2000 },
      { width: 1280, height: 720 },
    );
    expect(place.maxHeight).toBeGreaterThanOrEqual(120);
    const cramped = placeCard(
      { top: 60, bottom: 80, left: 40 },
      { width: 380, height: 500 },
      { width: 1280, height: 150 },
    );
    expect(cramped.maxHeight).toBe(120);
  });
});

describe('viewportOf', () => {
  it('leaves the scroll bar out of the width, and falls back to the window without a root width', () => {
    expect(viewportOf({ clientWidth: 1265 }, { innerWidth: 1280, innerHeight: 720 })).toEqual({
      width: 1265,
      height: 720,
    });
    expect(viewportOf({ clientWidth: 0 }, { innerWidth: 1280, innerHeight: 720 })).toEqual({
      width: 1280,
      height: 720,
    });
  });
});
