import type { EntityKind, Specificity } from '../model/knowledge-base';

/** What annotation needs to know about an entity besides its aliases. */
export interface AnnotationEntity {
  id: string;
  name: string;
  kind: EntityKind;
  specificity: Specificity;
}

/** Distinct specific entities a page must mention to count as related (issue #3). */
export const RELATED_PAGE_THRESHOLD = 2;

/**
 * A page is related when it mentions at least two distinct specific entities:
 * people, organisations, events, or specific places such as Naqoura.
 * Countries, capitals and news outlets (`general`) never count, so a food
 * review set in Washington, or a wire story credited to Reuters, stays
 * unmarked.
 *
 * @example isRelatedPage(['hezbollah', 'naqoura'], entities) // true
 */
export function isRelatedPage(
  mentionedEntityIds: Iterable<string>,
  entityById: ReadonlyMap<string, AnnotationEntity>,
): boolean {
  const specific = new Set<string>();
  for (const id of mentionedEntityIds) {
    if (entityById.get(id)?.specificity === 'specific') specific.add(id);
    if (specific.size >= RELATED_PAGE_THRESHOLD) return true;
  }
  return false;
}
