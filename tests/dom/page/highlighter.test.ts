// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter, type MentionInput } from '@/lib/page/highlighter';

afterEach(() => {
  document.body.replaceChildren();
});

/** One paragraph per text, and a mention for each `[paragraph, word, entityId]`. */
function page(texts: string[], words: [number, string, string][]): MentionInput[] {
  document.body.replaceChildren(
    ...texts.map((text) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      return paragraph;
    }),
  );
  return words.map(([index, word, entityId]) => {
    const node = document.body.children[index]?.firstChild as Text;
    const range = document.createRange();
    const at = node.data.indexOf(word);
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    return { range, entityId, kind: 'person' };
  });
}

describe('Highlighter.nextMentionOf', () => {
  it('steps through one entity’s mentions in document order, wrapping, from any other mention', () => {
    const highlighter = new Highlighter(document);
    // Added out of order: the order is the document's.
    const [second, first, other, third] = highlighter.add(
      page(
        ['Aoun spoke.', 'Then Aoun and Salam met.', 'Aoun left.'],
        [
          [1, 'Aoun', 'joseph-aoun'],
          [0, 'Aoun', 'joseph-aoun'],
          [1, 'Salam', 'nawaf-salam'],
          [2, 'Aoun', 'joseph-aoun'],
        ],
      ),
    );
    expect(highlighter.nextMentionOf('joseph-aoun')).toBe(first);
    expect(highlighter.nextMentionOf('joseph-aoun', first)).toBe(second);
    expect(highlighter.nextMentionOf('joseph-aoun', second)).toBe(third);
    expect(highlighter.nextMentionOf('joseph-aoun', third)).toBe(first);
    expect(highlighter.nextMentionOf('joseph-aoun', other)).toBe(first);
    expect(highlighter.nextMentionOf('nawaf-salam', other)).toBe(other);
    expect(highlighter.nextMentionOf('hezbollah')).toBeUndefined();
    highlighter.destroy();
  });
});
