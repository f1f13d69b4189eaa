import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { loadArticle, loadEntityCard } from '@/lib/extension/corpus-session';

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
});
