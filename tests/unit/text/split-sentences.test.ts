import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from '@/lib/text/split-sentences';

const sentences = (text: string) => splitSentences(text).map(([start, end]) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits at full stops, question marks and paragraph breaks', () => {
    expect(sentences('Aoun offered talks. Israel declined!\n\nWhat next? Nobody knows.')).toEqual([
      'Aoun offered talks.',
      'Israel declined!',
      'What next?',
      'Nobody knows.',
    ]);
  });

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(
      sentences(
        'U.S. envoys chaired the session. Lebanese Army commander Gen. Rodolphe Haykal resisted. John F. Kennedy.',
      ),
    ).toEqual([
      'U.S. envoys chaired the session.',
      'Lebanese Army commander Gen. Rodolphe Haykal resisted.',
      'John F. Kennedy.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He called it “a concession and a big mistake.” Slim disagreed.')).toEqual([
      'He called it “a concession and a big mistake.”',
      'Slim disagreed.',
    ]);
  });

  it('does not split decimals or abbreviations without a following space', () => {
    expect(sentences('Some 2.5 million people fled. Another sentence')).toEqual([
      'Some 2.5 million people fled.',
      'Another sentence',
    ]);
  });

  it('finds the sentence at an offset', () => {
    const text = 'One. Two three. Four.';
    const spans = splitSentences(text);
    expect(sentenceAt(spans, text.indexOf('three'))).toEqual([5, 15]);
    expect(sentenceAt(spans, 4)).toBeUndefined();
  });

  it('gives sorted, non-overlapping, trimmed spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '!', '\n', '”', 'U', 'S') }), (text) => {
        let previousEnd = 0;
        for (const [start, end] of splitSentences(text)) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
          previousEnd = end;
        }
      }),
    );
  });
});
