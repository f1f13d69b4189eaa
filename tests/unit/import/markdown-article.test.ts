import { describe, expect, it } from 'vitest';
import { markdownToText, parseMarkdownArticle } from '@/lib/import/markdown-article';

describe('parseMarkdownArticle', () => {
  it('reads flat front matter, case-insensitively, quotes removed', () => {
    const { frontMatter, text } = parseMarkdownArticle(
      '---\nTitle: "Talks resume"\noutlet: Naharnet # our source\ndate: 2026-03-09\ntags: [a, b]\n__proto__: x\n---\nBody.',
    );
    expect(frontMatter.get('title')).toBe('Talks resume');
    expect(frontMatter.get('outlet')).toBe('Naharnet');
    expect(frontMatter.get('date')).toBe('2026-03-09');
    // Only plain keys are read, into a Map: never properties of an object.
    expect(frontMatter.has('__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(text).toBe('Body.');
  });

  it('treats a document without closing front matter as body', () => {
    expect(parseMarkdownArticle('---\ntitle: x\nno end').frontMatter.size).toBe(0);
  });

  it('turns Markdown into plain text: headings, links, images, code, quotes', () => {
    const text = markdownToText(
      [
        '# Talks resume ##',
        '',
        '> **Aoun** met [envoys](https://example.org "the envoys") in ![map](m.png)Naqoura.',
        '```',
        'code stays as text',
        '```',
        '[ref]: https://example.org',
        'See <https://example.org/x> and `inline`.',
      ].join('\n'),
    );
    expect(text).toContain('Talks resume');
    expect(text).not.toContain('#');
    expect(text).toContain('**Aoun** met envoys in Naqoura.');
    expect(text).toContain('code stays as text');
    expect(text).not.toContain('```');
    expect(text).not.toContain('[ref]');
    expect(text).toContain('See https://example.org/x and inline.');
  });

  it('removes raw and encoded HTML, scripts first', () => {
    const text = markdownToText(
      'Hi <script>alert(1)</script><b>there</b> &lt;img src=x onerror=alert(1)&gt; &amp; bye',
    );
    expect(text).toBe('Hi there  & bye');
  });

  it('stays linear on hostile lines (a ratio in one run: 4x the input, well under 16x the time)', () => {
    const hostile = (scale: number) =>
      `# ${' '.repeat(75_000 * scale)}x\n${'['.repeat(75_000 * scale)}\n${'[a]('.repeat(25_000 * scale)}`;
    const fastest = (input: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        markdownToText(input);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = fastest(hostile(1));
    const large = fastest(hostile(4));
    expect(large / Math.max(small, 2)).toBeLessThan(10);
  });
});
