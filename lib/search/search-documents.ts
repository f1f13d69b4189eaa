import type { IndexedArticle } from '../model/index-schema';
import type { Entity } from '../model/knowledge-base';
import type { ArticleSearchDocument, EntitySearchDocument } from './search-options';

/**
 * What the search indexes are given for an article and for an entity. One
 * place, shared by the bundled index build (`lib/corpus/build-index.ts`) and
 * the segments of imported articles (`search-segments.ts`), so both index the
 * same fields.
 */

/** An article, found by its words and by the names and aliases of the entities it mentions. */
export function articleSearchDocument(
  article: IndexedArticle,
  mentionedEntities: readonly Entity[],
): ArticleSearchDocument {
  return {
    id: article.id,
    title: article.title,
    entityNames: mentionedEntities
      .flatMap((entity) => [entity.name, ...entity.aliases.map((alias) => alias.text)])
      .join(' '),
    text: article.text,
  };
}

/** An entity, found by its name, its aliases and its role. */
export function entitySearchDocument(entity: Entity): EntitySearchDocument {
  return {
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases.map((alias) => alias.text).join(' '),
    role: entity.role,
  };
}
