import type { CorpusIndex, Excerpt, IndexedArticle } from './corpus-index';
import type { StoredEntity } from './database';
import { buildEntityCard, type EntityCard } from './entity-card';
import { compareExcerptDates } from './excerpts';
import type { Entity } from './knowledge-base';
import { buildMatcherSpec, type MatcherSpec } from './match-entities';
import type { AnnotationEntity } from './page-relevance';

export interface CatalogInputs {
  index: CorpusIndex;
  /** The reader's own entities and edits of bundled ones (same id wins over the bundle). */
  userEntities?: readonly StoredEntity[];
  /** Imported articles (titles for card excerpts). */
  importedArticles?: readonly Pick<IndexedArticle, 'id' | 'title'>[];
  /** Excerpts from imported articles, by entity id. */
  importedExcerpts?: ReadonlyMap<string, readonly Excerpt[]>;
}

/**
 * Everything we know, in one place: the bundled index plus the reader's own
 * entities and imported articles. Built by the background (and extension
 * pages) and rebuilt when the reader's data changes; the matcher spec is
 * compiled once per catalog, so every tab gets the same precompiled form.
 */
export class CorpusCatalog {
  readonly entities: readonly Entity[];
  readonly entityById: ReadonlyMap<string, Entity>;
  private readonly articleById: Map<string, Pick<IndexedArticle, 'id' | 'title'>>;
  private readonly excerptsByEntity: Map<string, Excerpt[]>;
  private spec: MatcherSpec | undefined;

  constructor({ index, userEntities = [], importedArticles = [], importedExcerpts }: CatalogInputs) {
    const merged = new Map(index.entities.map((entity) => [entity.id, entity]));
    for (const stored of userEntities) merged.set(stored.id, stored.entity);
    this.entities = [...merged.values()];
    this.entityById = merged;
    this.articleById = new Map([...index.articles, ...importedArticles].map((article) => [article.id, article]));
    this.excerptsByEntity = new Map(Object.entries(index.excerpts).map(([id, list]) => [id, [...list]]));
    for (const [entityId, list] of importedExcerpts ?? []) {
      const combined = [...(this.excerptsByEntity.get(entityId) ?? []), ...list];
      combined.sort((a, b) => compareExcerptDates(a.date, b.date));
      this.excerptsByEntity.set(entityId, combined);
    }
    // The bundled spec is reused as is when the reader has no entities of their own.
    if (userEntities.length === 0) this.spec = index.matcher as MatcherSpec;
  }

  matcherSpec(): MatcherSpec {
    this.spec ??= buildMatcherSpec(this.entities);
    return this.spec;
  }

  annotationEntities(): AnnotationEntity[] {
    return this.entities.map(({ id, name, kind, specificity }) => ({ id, name, kind, specificity }));
  }

  excerptsOf(entityId: string): readonly Excerpt[] {
    return this.excerptsByEntity.get(entityId) ?? [];
  }

  card(entityId: string, limit = 3): EntityCard | undefined {
    return buildEntityCard(
      entityId,
      { entityById: this.entityById, articleById: this.articleById, excerptsOf: (id) => this.excerptsOf(id) },
      limit,
    );
  }
}
