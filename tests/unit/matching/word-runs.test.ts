import { describe, expect, it } from 'vitest';
import { flagsAt, wordRunEnd, wordRunStart } from '@/lib/matching/word-runs';
import { CHAR_SPACE, CHAR_UPPER, CHAR_WORD } from '@/lib/text/fold-text';

describe('word runs', () => {
  it('finds where a run of word units starts and ends, in any script', () => {
    expect(wordRunStart('the Aoun', 8)).toBe(4);
    expect(wordRunEnd('Aoun said', 0)).toBe(4);
    expect(wordRunStart('قال عون', 7)).toBe(4);
    expect(wordRunEnd('בלבנון ו', 0)).toBe(6);
  });

  it('returns the position itself when no word touches it', () => {
    expect(wordRunStart('Aoun, ', 6)).toBe(6);
    expect(wordRunEnd('Aoun, ', 4)).toBe(4);
    expect(wordRunStart('Aoun', 0)).toBe(0);
    expect(wordRunEnd('Aoun', 4)).toBe(4);
  });

  it('keeps combining marks inside the word they follow', () => {
    // "E" + U+0301: the accent belongs to the word.
    expect(wordRunEnd('E\u0301lysee Palace', 0)).toBe(7);
  });

  it('reads a unit’s flags from the table and beyond it', () => {
    expect(flagsAt('A b', 0) & CHAR_UPPER).toBeTruthy();
    expect(flagsAt('A b', 1) & CHAR_SPACE).toBeTruthy();
    expect(flagsAt('A\u00a0b', 1) & CHAR_SPACE).toBeTruthy();
    expect(flagsAt('ح', 0) & CHAR_WORD).toBeTruthy();
  });
});
