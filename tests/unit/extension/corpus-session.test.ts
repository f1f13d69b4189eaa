import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { loadArticle, loadEntityCard, readerHref } from '@/lib/extension/corpus-session';

describe('corpus session (how extension pages reach the corpus)', () => {
  const seed = loadBundledIndex().index.articles[0];

  it('loads a bundled article by id, and nothing for an unknown id', async () => {
    expect(seed).toBeDefined();
    expect((await loadArticle(seed?.id ?? ''))?.title).toBe(seed?.title);
    expect(await loadArticle('no-such-article')).toBeUndefined();
  });

  it('builds a card from the bundled corpus when the background does not answer', async () => {
    const card = await loadEntityCard('hezbollah');
    expect(card?.name).toBe('Hezbollah');
  });

  it('links into the reader page at a passage', () => {
    const href = readerHref({ articleId: 'a1', start: 3, end: 9 });
    expect(href.startsWith(fakeBrowser.runtime.getURL('/reader.html'))).toBe(true);
    expect(href).toContain('article=a1');
  });
});
