/**
 * "Sources differ" on the timeline (issue #15): each disagreement the detector finds
 * (`source-differences.ts`) is shown at both points involved, so a reader who reaches either
 * sentence sees the other one, with its outlet and date and what differs. A sentence that states
 * no date and reports no one is still placed when another source contradicts it (at its
 * article's date), or the disagreement would have nowhere to stand.
 */
import type { SourceDifference } from './source-differences';

/** One disagreement as seen from one of its points: this sentence, the other one, and what differs. */
export interface PointDifference {
  difference: SourceDifference;
  /** The other sentence's point id, to link to it. */
  otherPointId: string;
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
 * Point id → its disagreements, conflicts before figures that changed over time. Point ids are
 * the sentences' ids (`<article id>:<sentence start>`), as `buildTimeline` names them.
 *
 * @example differencesByPoint(findSourceDifferences(sentences, entityById)).get('aljazeera-2024:120')
 */
export function differencesByPoint(differences: readonly SourceDifference[]): Map<string, PointDifference[]> {
  const byPoint = new Map<string, PointDifference[]>();
  const add = (pointId: string, entry: PointDifference) => {
    const list = byPoint.get(pointId) ?? [];
    list.push(entry);
    byPoint.set(pointId, list);
  };
  for (const difference of differences) {
    add(difference.a.id, { difference, otherPointId: difference.b.id });
    add(difference.b.id, { difference, otherPointId: difference.a.id });
  }
  for (const list of byPoint.values()) {
    list.sort((x, y) => rank(x) - rank(y));
  }
  return byPoint;
}

function rank(entry: PointDifference): number {
  return entry.difference.verdict === 'conflict' ? 0 : 1;
}
