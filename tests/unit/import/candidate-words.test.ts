import { describe, expect, it } from 'vitest';
import * as lists from '@/lib/import/candidate-words';
import { foldString } from '@/lib/text/fold-text';

describe('candidate word lists', () => {
  it('are folded (lower case, no accents), so one lookup serves every spelling', () => {
    for (const [name, list] of Object.entries(lists)) {
      for (const word of list) expect(`${name}: ${foldString(word)}`).toBe(`${name}: ${word}`);
    }
  });

  it('never treat a title or a role noun as a particle that joins names', () => {
    for (const word of lists.NAME_PARTICLES) {
      expect(lists.TITLE_WORDS.has(word)).toBe(false);
      expect(lists.ROLE_HEADS.has(word)).toBe(false);
    }
  });
});
