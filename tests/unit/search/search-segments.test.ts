import { describe, expect, it } from 'vitest';
import {
  MERGE_FACTOR,
  SEGMENT_CAPACITY,
  segmentArticleCount,
  segmentKey,
  segmentsToMerge,
} from '@/lib/search/search-segments';

describe('choosing segments to merge from their keys', () => {
  it('reads the article count back from a key, and keys sort in writing order', () => {
    expect(segmentArticleCount(segmentKey(7, 12))).toBe(12);
    expect(segmentKey(7, 1000)).toBeLessThan(segmentKey(8, 1));
  });

  it('merges nothing until MERGE_FACTOR segments of one size class exist', () => {
    const keys = Array.from({ length: MERGE_FACTOR - 1 }, (_, index) => segmentKey(index + 1, 1));
    expect(segmentsToMerge(keys)).toBeUndefined();
    const full = [...keys, segmentKey(MERGE_FACTOR, 2)];
    expect(segmentsToMerge(full)).toEqual(full);
  });

  it('takes the smallest size class first, oldest segments first', () => {
    const large = Array.from({ length: MERGE_FACTOR }, (_, index) => segmentKey(index + 1, 20));
    const small = Array.from({ length: MERGE_FACTOR + 1 }, (_, index) => segmentKey(index + 10, 1));
    expect(segmentsToMerge([...small].reverse().concat(large))).toEqual(small.slice(0, MERGE_FACTOR));
  });

  it('never merges past the segment capacity, and skips the keys it is told to', () => {
    const big = Math.floor(SEGMENT_CAPACITY / 2);
    const keys = Array.from({ length: MERGE_FACTOR }, (_, index) => segmentKey(index + 1, big));
    expect(segmentsToMerge(keys)).toBeUndefined();
    const small = Array.from({ length: MERGE_FACTOR }, (_, index) => segmentKey(index + 1, 1));
    expect(segmentsToMerge(small, new Set([small[0] as number]))).toBeUndefined();
  });
});
