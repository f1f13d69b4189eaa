import { describe, expect, it } from 'vitest';
import type { IndexedArticle } from '@/lib/model/index-schema';
import type { Entity } from '@/lib/model/knowledge-base';
import { articleSearchDocument, entitySearchDocument } from '@/lib/search/search-documents';
import { articleSearchFields } from '@/lib/search/search-options';

const hezbollah = {
  id: 'hezbollah',
  name: 'Hezbollah',
  kind: 'organization',
  role: 'Lebanese Shia party and armed group',
  aliases: [{ text: 'Hizbullah' }, { text: 'حزب الله' }],
} as unknown as Entity;

describe('what the search indexes are given', () => {
  it('finds an article by the names and aliases of the entities it mentions, not only its words', () => {
    const article = { id: 'a1', title: 'Talks resume', text: 'The group said nothing.' } as IndexedArticle;
    const document = articleSearchDocument(article, [hezbollah]);
    expect(document).toEqual({
      id: 'a1',
      title: 'Talks resume',
      entityNames: 'Hezbollah Hizbullah حزب الله',
      text: 'The group said nothing.',
    });
    expect(articleSearchFields(document)).toContain('Hezbollah Hizbullah حزب الله');
  });

  it('finds an entity by its name, every alias and its role', () => {
    expect(entitySearchDocument(hezbollah)).toEqual({
      id: 'hezbollah',
      name: 'Hezbollah',
      aliases: 'Hizbullah حزب الله',
      role: 'Lebanese Shia party and armed group',
    });
  });
});
