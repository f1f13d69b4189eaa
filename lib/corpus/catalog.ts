import { createEntityMatcher, type EntityMatcher, type MatcherSpec } from '../matching/match-entities';
import { buildMatcherSpec } from '../matching/matcher-spec';
import { eventTimingsOf, type NewsPageMatcher, newsPageMatcher } from '../matching/news-page-matcher';
import type { AnnotationEntity } from '../matching/page-relevance';
import type { CorpusIndex, Excerpt, IndexedArticle } from '../model/index-schema';
import type { Entity, ReaderEntity } from '../model/knowledge-base';
import { cardContext } from './card-context';
import { buildEntityCard, type EntityCard } from './entity-card';
import { compareExcerptDates } from './excerpts';

export interface CatalogInputs {
  index: CorpusIndex;
  /** The reader's own entities and edits of bundled ones (same id wins over the bundle). */
  userEntities?: readonly ReaderEntity[];
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
  private matcher: EntityMatcher | undefined;
  private pageMatcher: NewsPageMatcher | undefined;

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

  /** The matcher, built once per catalog. */
  entityMatcher(): EntityMatcher {
    this.matcher ??= createEntityMatcher(this.matcherSpec());
    return this.matcher;
  }

  /** The matcher with the news-page rules (outlet names, the page's timeline), built once per catalog. */
  newsPageMatcher(): NewsPageMatcher {
    this.pageMatcher ??= newsPageMatcher(this.entityMatcher(), eventTimingsOf(this.entities));
    return this.pageMatcher;
  }

  annotationEntities(): AnnotationEntity[] {
    return this.entities.map(({ id, name, kind, specificity }) => ({ id, name, kind, specificity }));
  }

  excerptsOf(entityId: string): readonly Excerpt[] {
    return this.excerptsByEntity.get(entityId) ?? [];
  }

  /**
   * The card of an entity. `imported` adds excerpts from the reader's
   * imported articles (read on demand, so a large import never has to sit in
   * memory), with those articles' titles.
   */
  card(
    entityId: string,
    limit = 3,
    imported?: { excerpts: readonly Excerpt[]; articles: readonly Pick<IndexedArticle, 'id' | 'title'>[] },
  ): EntityCard | undefined {
    const articleById = imported?.articles.length
      ? new Map([...this.articleById, ...imported.articles.map((article) => [article.id, article] as const)])
      : this.articleById;
    const excerptsOf = (id: string): readonly Excerpt[] => {
      const own = this.excerptsOf(id);
      if (id !== entityId || !imported?.excerpts.length) return own;
      return [...own, ...imported.excerpts].sort((a, b) => compareExcerptDates(a.date, b.date));
    };
    const card = buildEntityCard(entityId, { entityById: this.entityById, articleById, excerptsOf }, limit);
    if (!card) return undefined;
    // Issue #15: where its sources differ, where it sits on the timeline, how recent they are.
    const context = cardContext(entityId, excerptsOf(entityId), this.entities, this.entityMatcher());
    return {
      ...card,
      ...(context.differences.length > 0 ? { differences: context.differences } : {}),
      ...(context.onTimeline ? { onTimeline: context.onTimeline } : {}),
      ...(context.latestSource ? { latestSource: context.latestSource } : {}),
    };
  }
}
