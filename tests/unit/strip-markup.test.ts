import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, stripMarkup } from '@/lib/strip-markup';

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

  it('stays linear on hostile input', () => {
    const hostile = '<a '.repeat(200_000) + '<script>'.repeat(50_000);
    const started = performance.now();
    stripMarkup(hostile);
    // Generous: a quadratic scan of this input would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named and numeric references, and leaves unknown ones as written', () => {
    expect(decodeHtmlEntities('Aoun&#8217;s &amp; Salam &#x2014; &eacute;&nbsp;&bogus; &constructor; &#xD800;')).toBe(
      'Aoun’s & Salam — é\u00a0&bogus; &constructor; &#xD800;',
    );
  });
});
