import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, stripMarkup } from '@/lib/text/strip-markup';

const TAG_LIKE = /<[A-Za-z/!?]/;

describe('stripMarkup', () => {
  it('removes tags, and scripts, styles and SVG with their content', () => {
    expect(stripMarkup('Aoun <b>met</b> envoys.<script>alert(1)</script> Then <svg><text>x</text></svg>left.')).toBe(
      'Aoun met envoys. Then left.',
    );
    expect(stripMarkup('<style>p{}</style><!-- note -->Text')).toBe('Text');
  });

  it('keeps paragraphs at block tags', () => {
    expect(stripMarkup('<p>One.</p><p>Two.<br>Three.</p>')).toBe('\n\nOne.\n\n\n\nTwo.\nThree.\n\n');
  });

  it('drops everything after an unclosed script or comment, as a browser would hide it', () => {
    expect(stripMarkup('Safe. <script>alert(1) and more')).toBe('Safe. ');
    expect(stripMarkup('Safe. <!-- hidden')).toBe('Safe. ');
  });

  it('does not let removal assemble a new tag', () => {
    expect(stripMarkup('<<b></b>script>alert(1)<</b>/script>')).not.toMatch(TAG_LIKE);
  });

  it('leaves text without markup alone, comparisons included', () => {
    expect(stripMarkup('Casualties < 10 and > 5.')).toBe('Casualties < 10 and > 5.');
  });

  it('is idempotent and leaves no tag, whatever the input', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '/',
      'script',
      'b',
      '!--',
      '-->',
      'svg',
      ' ',
      'a',
      '<p>',
      '</script>',
      '"',
      '=',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const once = stripMarkup(parts.join(''));
        expect(once).not.toMatch(TAG_LIKE);
        expect(stripMarkup(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on hostile input (a ratio in one run: 4x the input, well under 16x the time)', () => {
    const hostile = (scale: number) => '<a '.repeat(50_000 * scale) + '<script>'.repeat(12_500 * scale);
    const fastest = (input: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        stripMarkup(input);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = fastest(hostile(1));
    const large = fastest(hostile(4));
    expect(large / Math.max(small, 2)).toBeLessThan(10);
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named and numeric references, and leaves unknown ones as written', () => {
    expect(decodeHtmlEntities('Aoun&#8217;s &amp; Salam &#x2014; &eacute;&nbsp;&bogus; &constructor;')).toBe(
      'Aoun’s & Salam — é\u00a0&bogus; &constructor;',
    );
  });

  it('keeps the case of entity names: &Eacute; is É, not é', () => {
    expect(decodeHtmlEntities('&Eacute;mile &eacute;t&eacute; &Auml;gypten &AElig;')).toBe('Émile été Ägypten Æ');
  });

  it('knows every named reference of HTML, not a short list', () => {
    expect(decodeHtmlEntities('&rsquo;&hellip;&euro;&times;&alefsym;&Zeta;&lrm;')).toBe('’…€×ℵΖ\u200e');
  });

  it('needs the semicolon, so plain text with ampersands stays as written', () => {
    expect(decodeHtmlEntities('AT&T, R&D, &copy2024, Q&amp A')).toBe('AT&T, R&D, &copy2024, Q&amp A');
  });

  it('never outputs a lone surrogate or NUL from a numeric reference', () => {
    expect(decodeHtmlEntities('a&#xD800;b&#0;c')).toBe('a\uFFFDb\uFFFDc');
  });
});
