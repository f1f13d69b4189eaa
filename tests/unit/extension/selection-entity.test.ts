import { describe, expect, it } from 'vitest';
import { newEntityUrl, selectionDraftFrom } from '@/lib/extension/selection-entity';

describe('a selection on its way to "New entity"', () => {
  it('travels in the options page address and comes back as it was selected', () => {
    const url = newEntityUrl(
      'chrome-extension://id/options.html',
      '  Simon\n Karam ',
      'https://www.naharnet.com/a?b=1',
    );
    expect(url.endsWith('#entities')).toBe(true);
    const parsed = new URL(url);
    expect(selectionDraftFrom(parsed.search)).toEqual({
      name: 'Simon Karam',
      pageUrl: 'https://www.naharnet.com/a?b=1',
    });
  });

  it('drops a page address that is not a web page, cuts a very long selection, and reads nothing from a plain address', () => {
    const long = 'word '.repeat(1000);
    const parsed = new URL(newEntityUrl('chrome-extension://id/options.html', long, 'javascript:alert(1)'));
    const draft = selectionDraftFrom(parsed.search);
    expect(draft?.pageUrl).toBeUndefined();
    expect(draft?.name.length).toBe(2000);
    expect(selectionDraftFrom('')).toBeUndefined();
    expect(selectionDraftFrom('?other=1')).toBeUndefined();
  });

  it('carries the tab and frame, so the form can read the sentence, outlet and date; refuses ids that are not whole numbers', () => {
    const url = newEntityUrl('chrome-extension://id/options.html', 'Uri Resnick', 'https://www.timesofisrael.com/x', {
      tabId: 42,
      frameId: 3,
    });
    expect(selectionDraftFrom(new URL(url).search)).toEqual({
      name: 'Uri Resnick',
      pageUrl: 'https://www.timesofisrael.com/x',
      tabId: 42,
      frameId: 3,
    });
    // A tab the browser gives no id (-1, TAB_ID_NONE) is not carried.
    expect(new URL(newEntityUrl('/o.html', 'Karam', undefined, { tabId: -1 }), 'https://x').search).not.toContain(
      'tab=',
    );
    expect(selectionDraftFrom('?new-entity=Karam&tab=1e3&frame=-2')).toEqual({ name: 'Karam' });
  });
});
