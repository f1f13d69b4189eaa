// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { firstSeenBackground, type SelectionPage, selectionContext } from '@/lib/extension/selection-entity';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function pageWith(block: string, selection: string, html: string): SelectionPage {
  return { html, block, offset: block.indexOf(selection), selection };
}

describe('what a selection’s page gives a new entity (issue #11)', () => {
  const html = `<html><head><title>Talks resume | Example News</title>
    <meta property="og:site_name" content="Naharnet">
    <meta property="article:published_time" content="2025-12-03T18:00:00Z"></head>
    <body><p>Officials met on Wednesday. Lebanon sent Simon Karam, a former ambassador, to Naqoura. Talks went on.</p></body></html>`;
  const block = 'Officials met on Wednesday. Lebanon sent Simon Karam, a former ambassador, to Naqoura. Talks went on.';

  it('reads the selection’s sentence, the outlet the page states and its date, as the corpus reads dates', () => {
    const context = selectionContext(pageWith(block, 'Simon Karam', html), parse(html), 'https://www.naharnet.com/a');
    expect(context).toEqual({
      sentence: 'Lebanon sent Simon Karam, a former ambassador, to Naqoura.',
      outlet: 'Naharnet',
      date: '2025-12-03',
      title: 'Talks resume | Example News',
    });
    expect(firstSeenBackground(context, 'https://www.naharnet.com/a')).toBe(
      'First seen in Naharnet, 2025-12-03: “Lebanon sent Simon Karam, a former ambassador, to Naqoura.” (https://www.naharnet.com/a)',
    );
  });

  it('falls back to the site without a stated outlet, and states no date or sentence it did not find', () => {
    const bare = '<html><head></head><body><p>Nothing here.</p></body></html>';
    const context = selectionContext(
      { html: bare, block: 'Nothing here.', offset: -1, selection: 'Karam' },
      parse(bare),
      'https://www.lorientlejour.com/article/1',
    );
    expect(context).toEqual({ outlet: 'lorientlejour.com' });
    expect(firstSeenBackground(context)).toBe('First seen in lorientlejour.com');
  });

  it('reads a Hebrew or Arabic sentence as written', () => {
    const hebrew = 'הנציג הישראלי הגיע לנאקורה. אורי רזניק, בכיר במועצה לביטחון לאומי, השתתף בשיחות. הן נמשכו שעות.';
    const page = pageWith(hebrew, 'אורי רזניק', '<html><body></body></html>');
    expect(selectionContext(page, parse(page.html)).sentence).toBe(
      'אורי רזניק, בכיר במועצה לביטחון לאומי, השתתף בשיחות.',
    );
  });
});
