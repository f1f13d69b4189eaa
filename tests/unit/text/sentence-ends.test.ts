import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/lib/text/sentence-around';
import { endsSentenceAt } from '@/lib/text/sentence-ends';
import { splitSentences } from '@/lib/text/split-sentences';

const at = (text: string, marker: string) => text.indexOf(marker);

describe('where a sentence ends', () => {
  it('ends at a terminator followed by a space or the end, with its closing quotes', () => {
    expect(endsSentenceAt('Talks resumed. Then', 13)).toBe(true);
    expect(endsSentenceAt('Why? Because', 3)).toBe(true);
    expect(endsSentenceAt('هل انتهت؟ نعم', 8)).toBe(true);
    expect(endsSentenceAt('He said “enough.” Then', at('He said “enough.” Then', '”'))).toBe(true);
    expect(endsSentenceAt('Yahoo!News', 5)).toBe(false);
    expect(endsSentenceAt('1.5 million', 1)).toBe(false);
  });

  it('keeps abbreviations, dotted acronyms and initials in any script inside the sentence', () => {
    expect(endsSentenceAt('Gen. Haykal', 3)).toBe(false);
    expect(endsSentenceAt('U.S. envoys', 3)).toBe(false);
    expect(endsSentenceAt('Joseph K. Aoun', 8)).toBe(false);
    expect(endsSentenceAt('É. Macron', 1)).toBe(false);
    expect(endsSentenceAt('in 2024. Then', 7)).toBe(true);
    expect(endsSentenceAt('It waited... Then', 11)).toBe(true);
  });

  it('ends at an ideographic stop without a space, and at line breaks', () => {
    expect(endsSentenceAt('会谈结束。然后', 4)).toBe(true);
    expect(endsSentenceAt('Headline\nBody', 8)).toBe(true);
  });
});

describe('the splitter and the matcher agree on every sentence', () => {
  const pieces = [
    'Aoun',
    'met',
    'Gen.',
    'U.S.',
    'K.',
    'É.',
    'envoys',
    '.',
    '!',
    '?',
    '…',
    '؟',
    '”',
    '"',
    '»',
    ')',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '2024',
    '1.5',
    '。',
    'Then',
    'said',
  ];
  it('gives, for an offset inside a split sentence, that same sentence (up to surrounding spaces)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (words) => {
        const text = words.join('');
        for (const [start, end] of splitSentences(text)) {
          const [from, to] = sentenceAround(text, start, start);
          expect(text.slice(from, to).trim()).toBe(text.slice(start, end));
        }
      }),
      { numRuns: 500 },
    );
  });
});
