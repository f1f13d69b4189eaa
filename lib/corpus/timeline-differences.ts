/**
 * "Sources differ" on the timeline (issue #15): each disagreement the detector finds
 * (`source-differences.ts`) is shown at both points involved, so a reader who reaches either
 * sentence sees the other one, with its outlet and date and what differs. A sentence that states
 * no date and reports no one is still placed when another source contradicts it (at its
 * article's date), or the disagreement would have nowhere to stand.
 */
import type { Excerpt } from '../model/index-schema';
import type { DifferenceEntity, SourceDifference } from './source-differences';

/**
 * The disagreements between one point's sentence and one other sentence, as seen from the point:
 * both sentences are quoted once, with every way they differ ("274 against 550 killed", "21
 * against 50 children") listed above them.
 */
export interface PointDifference {
  /** The other sentence's point id, to link to it. */
  otherPointId: string;
  /** Conflicts first, then figures that changed over time; all between the same two sentences. */
  differences: SourceDifference[];
}

/** The sentence ids every difference involves: `alsoPlace` for `buildTimeline`. */
export function differingSentenceIds(differences: readonly SourceDifference[]): Set<string> {
  const ids = new Set<string>();
  for (const difference of differences) {
    ids.add(difference.a.id);
    ids.add(difference.b.id);
  }
  return ids;
}

/**
 * Point id → the other sentences it disagrees with, pairs with a conflict first. Point ids are
 * the sentences' ids (`<article id>:<sentence start>`), as `buildTimeline` names them.
 *
 * @example differencesByPoint(findSourceDifferences(sentences, entityById)).get('aljazeera-2024:120')
 */
export function differencesByPoint(differences: readonly SourceDifference[]): Map<string, PointDifference[]> {
  const byPoint = new Map<string, Map<string, PointDifference>>();
  const add = (pointId: string, otherPointId: string, difference: SourceDifference) => {
    const pairs = byPoint.get(pointId) ?? new Map<string, PointDifference>();
    byPoint.set(pointId, pairs);
    const pair = pairs.get(otherPointId) ?? { otherPointId, differences: [] };
    pairs.set(otherPointId, pair);
    pair.differences.push(difference);
  };
  for (const difference of differences) {
    add(difference.a.id, difference.b.id, difference);
    add(difference.b.id, difference.a.id, difference);
  }
  const result = new Map<string, PointDifference[]>();
  for (const [pointId, pairs] of byPoint) {
    const list = [...pairs.values()];
    for (const pair of list) pair.differences.sort((x, y) => rank(x) - rank(y));
    list.sort((x, y) => rank(x.differences[0]) - rank(y.differences[0]));
    result.set(pointId, list);
  }
  return result;
}

function rank(difference: SourceDifference | undefined): number {
  return difference?.verdict === 'conflict' ? 0 : 1;
}

/** Sentences the timeline compares per entity: the newest, as a card compares its entity's newest. */
export const TIMELINE_SENTENCES_PER_ENTITY = 150;

/**
 * The excerpts worth comparing on the timeline: for each specific entity (or event), its newest
 * `perEntity` sentences, with every excerpt of each kept sentence (so each keeps all the entities
 * it names). Reading every claim of a 10,000-article corpus takes seconds (each sentence's
 * figures, dates and roles are extracted), so the page compares what cards compare, entity by
 * entity. Chosen from excerpts, before any sentence is built; the order given is kept.
 *
 * @example findSourceDifferences(claimSentences(excerptsToCompare(excerpts, entityById)), entityById)
 */
export function excerptsToCompare<Quote extends Excerpt & { entityId: string }>(
  excerpts: readonly Quote[],
  entityById: ReadonlyMap<string, DifferenceEntity>,
  perEntity = TIMELINE_SENTENCES_PER_ENTITY,
): Quote[] {
  const byEntity = new Map<string, Quote[]>();
  for (const excerpt of excerpts) {
    const entity = entityById.get(excerpt.entityId);
    // The detector never pairs sentences through a general entity, so those need no share of the cap.
    if (!entity || (entity.specificity === 'general' && entity.kind !== 'event')) continue;
    const list = byEntity.get(excerpt.entityId) ?? [];
    list.push(excerpt);
    byEntity.set(excerpt.entityId, list);
  }
  const kept = new Set<string>();
  for (const list of byEntity.values()) {
    const newest = list.length <= perEntity ? list : [...list].sort(newestFirst);
    const sentences = new Set<string>();
    for (const excerpt of newest) {
      if (sentences.size >= perEntity) break;
      sentences.add(sentenceId(excerpt));
    }
    for (const id of sentences) kept.add(id);
  }
  return excerpts.filter((excerpt) => kept.has(sentenceId(excerpt)));
}

function sentenceId(excerpt: Excerpt): string {
  return `${excerpt.articleId}:${excerpt.start}`;
}

/** Newest first by partial ISO date; undated last. */
function newestFirst(a: Excerpt, b: Excerpt): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}
