import { describe, expect, it } from 'vitest';
import { classifyWriteFailure, describeWriteFailure } from '@/lib/storage/write-failure';

describe('write failures in words', () => {
  it('reads the browser’s error inside Dexie’s', () => {
    expect(classifyWriteFailure(new DOMException('full', 'QuotaExceededError'))).toBe('no-space');
    expect(classifyWriteFailure({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('no-space');
    expect(classifyWriteFailure({ name: 'BulkError', inner: { name: 'ConstraintError' } })).toBe('collision');
    expect(classifyWriteFailure(new Error('boom'))).toBe('unexpected');
    expect(classifyWriteFailure(null)).toBe('unexpected');
  });

  it('says what to do about a full disk, for an import and for an edit', () => {
    const full = new DOMException('full', 'QuotaExceededError');
    expect(describeWriteFailure(full, 'import')).toMatch(
      /^could not be saved: .*no storage space left.*import it again$/,
    );
    expect(describeWriteFailure(full, 'edit')).toMatch(
      /^Not saved: .*no storage space left.*nothing was changed.*try again\.$/,
    );
  });

  it('always says that nothing was saved', () => {
    for (const error of [new Error('boom'), { name: 'ConstraintError' }]) {
      expect(describeWriteFailure(error, 'import')).toMatch(/Nothing from this file was saved/);
      expect(describeWriteFailure(error, 'edit')).toMatch(/nothing was changed/);
    }
  });
});
