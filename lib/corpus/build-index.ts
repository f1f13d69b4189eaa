import MiniSearch from 'minisearch';
import { createEntityMatcher, type EntityMatch, type EntityMatcher } from '../matching/match-entities';
import { buildMatcherSpec } from '../matching/matcher-spec';
import {
  CORPUS_INDEX_SCHEMA_VERSION,
  type CorpusIndex,
  type Excerpt,
  type IndexedArticle,
  type MentionGroup,
} from '../model/index-schema';
import type { Entity, KnowledgeBase } from '../model/knowledge-base';
import type { SeedManifest } from '../model/seed-manifest';
import { articleSearchDocument, entitySearchDocument } from '../search/search-documents';
import {
  articleAnalyzer,
  articleIndexFields,
  articleSearchFields,
  type EntitySearchDocument,
  entitySearchOptions,
} from '../search/search-options';
import { buildTermIndex, encodeTermIndex, type TermIndexData } from '../search/term-index';
import { appendAll } from '../text/append-all';
import { cleanArticleText } from '../text/clean-article-text';
import { splitSentences } from '../text/split-sentences';
import { compareExcerptDates, excerptsForMentions } from './excerpts';

export interface CorpusIndexInputs {
  manifest: SeedManifest;
  /** Raw seed text by file name, exactly as received. */
  rawSeeds: ReadonlyMap<string, string>;
  knowledgeBase: KnowledgeBase;
}

/**
 * Builds the bundled index from validated inputs. Pure and deterministic:
 * the same inputs give the same index, key order included, so the written
 * file is byte-identical from run to run.
 */
export function buildCorpusIndex({ manifest, rawSeeds, knowledgeBase }: CorpusIndexInputs): CorpusIndex {
  const entities = knowledgeBase.entities;
  const matcherSpec = buildMatcherSpec(entities);
  const matcher = createEntityMatcher(matcherSpec);

  const articles: IndexedArticle[] = manifest.articles.map((seed) => {
    const raw = rawSeeds.get(seed.file);
    if (raw === undefined)
      throw new Error(`News Context: seeds/${seed.file} is listed in seeds/manifest.json but missing`);
    return {
      id: seed.id,
      title: seed.title,
      titleSource: seed.titleSource,
      outlet: seed.outlet,
      byline: seed.byline,
      language: seed.language,
      ...(seed.url ? { url: seed.url } : {}),
      published: seed.published,
      text: cleanArticleText(raw, { title: seed.title, byline: seed.byline }),
      origin: 'seed',
    };
  });

  const { mentions, excerpts } = indexMentions(articles, entities, matcher);
  return {
    schemaVersion: CORPUS_INDEX_SCHEMA_VERSION,
    articles,
    entities,
    mentions,
    excerpts,
    search: {
      articles: encodeTermIndex(buildArticleSearch(articles, mentions, entities)),
      entities: buildEntitySearch(entities).toJSON(),
    },
    matcher: matcherSpec,
  };
}

/**
 * Mentions and excerpts for a set of articles: the matcher runs once per
 * article; each sentence that names an entity becomes one excerpt of it.
 * The importer calls this for new articles too.
 */
export function indexMentions(
  articles: readonly IndexedArticle[],
  entities: readonly Entity[],
  matcher: EntityMatcher,
): { mentions: MentionGroup[]; excerpts: Record<string, Excerpt[]> } {
  const mentions: MentionGroup[] = [];
  const excerptsByEntity = new Map<string, Excerpt[]>();
  for (const article of articles) {
    const sentences = splitSentences(article.text);
    for (const [entityId, entityMatches] of groupByEntity(matcher.match(article.text))) {
      const group: MentionGroup = {
        entityId,
        articleId: article.id,
        spans: entityMatches.map((match) => [match.start, match.end]),
      };
      mentions.push(group);
      const list = excerptsByEntity.get(entityId) ?? [];
      appendAll(list, excerptsForMentions(article, group, sentences));
      excerptsByEntity.set(entityId, list);
    }
  }
  mentions.sort((a, b) => compareStrings(a.entityId, b.entityId) || compareStrings(a.articleId, b.articleId));
  const excerpts: Record<string, Excerpt[]> = {};
  const articleOrder = new Map(articles.map((article, position) => [article.id, position]));
  for (const entity of entities) {
    const list = excerptsByEntity.get(entity.id);
    if (!list) continue;
    excerpts[entity.id] = list.sort(
      (a, b) =>
        compareExcerptDates(a.date, b.date) ||
        (articleOrder.get(a.articleId) ?? 0) - (articleOrder.get(b.articleId) ?? 0) ||
        a.start - b.start,
    );
  }
  return { mentions, excerpts };
}

function buildArticleSearch(
  articles: readonly IndexedArticle[],
  mentions: readonly MentionGroup[],
  entities: readonly Entity[],
): TermIndexData {
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const documents = articles.map((article) => {
    const mentioned = mentions
      .filter((group) => group.articleId === article.id)
      .map((group) => entityById.get(group.entityId))
      .filter((entity): entity is Entity => entity !== undefined);
    return { id: article.id, fields: articleSearchFields(articleSearchDocument(article, mentioned)) };
  });
  return buildTermIndex(articleIndexFields, documents, articleAnalyzer);
}

function buildEntitySearch(entities: readonly Entity[]): MiniSearch<EntitySearchDocument> {
  const search = new MiniSearch(entitySearchOptions);
  search.addAll(entities.map(entitySearchDocument));
  return search;
}

function groupByEntity(matches: readonly EntityMatch[]): Map<string, EntityMatch[]> {
  const groups = new Map<string, EntityMatch[]>();
  for (const match of matches) {
    const group = groups.get(match.entityId);
    if (group) group.push(match);
    else groups.set(match.entityId, [match]);
  }
  return groups;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stable text form of the index: compact JSON with a final newline. Key
 * order follows construction order, which {@link buildCorpusIndex} fixes.
 */
export function serializeCorpusIndex(index: CorpusIndex): string {
  return `${JSON.stringify(index)}\n`;
}
