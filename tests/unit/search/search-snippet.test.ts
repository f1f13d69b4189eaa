import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippet, emphasize, matchedSpans, mergeSpans } from '@/lib/search/search-snippet';

const article = [
  'Lebanon offered direct talks last week.',
  '“There is no senior official in the White House focusing on Lebanon,” said Randa Slim, director of the Middle East Program at the Washington-based Stimson Center.',
  'Slim said the offer was unlikely to gain traction.',
].join(' ');

describe('search snippets', () => {
  it('marks the words whose folded form matched, joining neighbours into one mark', () => {
    const spans = matchedSpans(article, new Set(['randa', 'slim']));
    expect(spans.map(([start, end]) => article.slice(start, end))).toEqual(['Randa Slim', 'Slim']);
    expect(matchedSpans('Israël et Türkiye', new Set(['israel', 'turkiye'])).length).toBe(2);
  });

  it('quotes the sentence with the most distinct matched words', () => {
    const snippet = buildSnippet(article, matchedSpans(article, new Set(['randa', 'slim'])), { maxLength: 400 });
    const text = snippet.parts.map((part) => part.text).join('');
    expect(text).toContain('said Randa Slim');
    expect(text).toContain('Stimson Center');
    expect(snippet.parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['Randa Slim', 'Slim']);
    expect(article.slice(...snippet.passage)).toContain('“There is no senior official');
  });

  it('cuts a long sentence around its first match, at word boundaries', () => {
    const snippet = buildSnippet(article, matchedSpans(article, new Set(['stimson'])), { maxLength: 80 });
    const text = snippet.parts.map((part) => part.text).join('');
    expect(snippet.cutBefore).toBe(true);
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text).toContain('Stimson');
    expect(text.startsWith(' ')).toBe(false);
  });

  it('quotes the opening when nothing in the text matched (a title match)', () => {
    const snippet = buildSnippet(article, []);
    expect(snippet.parts.map((part) => part.text).join('')).toMatch(/^Lebanon offered direct talks/);
    expect(snippet.parts.every((part) => !part.marked)).toBe(true);
  });

  it('cuts text into parts that put it back together, marks exactly on the spans', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 6 }),
        (text, raw) => {
          const spans = mergeSpans(
            raw.map(([start, length]) => [start, Math.min(text.length, start + length)] as const),
          );
          const parts = emphasize(text, spans);
          expect(parts.map((part) => part.text).join('')).toBe(text);
          let at = 0;
          for (const part of parts) {
            const inSpan = spans.some(([start, end]) => at >= start && at + part.text.length <= end);
            expect(part.marked).toBe(inSpan && part.text.length > 0);
            at += part.text.length;
          }
        },
      ),
    );
  });
});
