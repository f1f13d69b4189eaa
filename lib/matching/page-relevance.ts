import type { EntityKind, Specificity } from '../model/knowledge-base';

/**
 * Whether a page is about this story, as a graded score with its reasons
 * (issue #12), in place of the old all-or-nothing rule (two distinct specific
 * entities), which left blank an excerpt naming Hezbollah twice and Israel and
 * Lebanon six times each.
 *
 * - Each specific entity (a person, an organisation, an event, a place such
 *   as Naqoura) scores 2, times 1.5 in the headline or 1.25 in the lede; its
 *   repeated mentions add 0.25 each, up to 1.
 * - The countries of the story count together: Lebanon with Israel scores 1,
 *   plus 0.1 a mention past the first of each, up to 1 more. One of them
 *   alone, a capital (Washington), an outlet or the UN scores nothing: a food
 *   review set in Washington or a wire story from Reuters stays blank.
 * - A page in a language the knowledge base has no names in (not English,
 *   French, Arabic or Hebrew) counts half: its matches are loan words.
 *
 * A page is related at {@link RELATED_SCORE}: two specific entities, or one
 * with Lebanon and Israel, or one in the headline.
 */

/** What annotation needs to know about an entity besides its aliases. */
export interface AnnotationEntity {
  id: string;
  name: string;
  kind: EntityKind;
  specificity: Specificity;
}

/** Where on the page a mention is: headline and lede weigh more than the body. */
export type MentionPlace = 'headline' | 'lede' | 'body';

/** One mention, for scoring. */
export interface ScoredMention {
  entityId: string;
  place: MentionPlace;
}

/** A page's relevance: its score, whether it is related, and why. */
export interface PageRelevance {
  score: number;
  related: boolean;
  /** One line per contribution, for `annotations/get` and for debugging a blank page. */
  reasons: string[];
}

/** The score from which a page is related. */
export const RELATED_SCORE = 3;

/** The countries the story is between: together they are a signal. */
export const STORY_COUNTRIES: readonly string[] = ['lebanon', 'israel'];

/** Languages the knowledge base has names in. */
export const KNOWN_LANGUAGES: readonly string[] = ['en', 'fr', 'ar', 'he'];

const PLACE_WEIGHT: Record<MentionPlace, number> = { headline: 1.5, lede: 1.25, body: 1 };
const SPECIFIC_SCORE = 2;
const REPEAT_SCORE = 0.25;
const MAX_REPEAT_SCORE = 1;
const COUNTRIES_SCORE = 1;
const COUNTRY_REPEAT_SCORE = 0.1;
const MAX_COUNTRY_REPEAT_SCORE = 1;
const UNKNOWN_LANGUAGE_FACTOR = 0.5;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores a page from its mentions (suppressed entities already left out).
 * `language` is the page's two-letter language code, when it states one.
 *
 * @example scorePageRelevance([{ entityId: 'hezbollah', place: 'body' }, { entityId: 'naqoura', place: 'body' }], entities).related // true
 */
export function scorePageRelevance(
  mentions: Iterable<ScoredMention>,
  entityById: ReadonlyMap<string, AnnotationEntity>,
  language?: string,
): PageRelevance {
  const byEntity = new Map<string, { count: number; weight: number }>();
  for (const { entityId, place } of mentions) {
    if (!entityById.has(entityId)) continue;
    const entry = byEntity.get(entityId) ?? { count: 0, weight: 0 };
    entry.count++;
    entry.weight = Math.max(entry.weight, PLACE_WEIGHT[place]);
    byEntity.set(entityId, entry);
  }
  const reasons: string[] = [];
  let score = 0;
  for (const [id, { count, weight }] of byEntity) {
    if (entityById.get(id)?.specificity !== 'specific') continue;
    const points = SPECIFIC_SCORE * weight + Math.min(MAX_REPEAT_SCORE, REPEAT_SCORE * (count - 1));
    score += points;
    const where =
      weight === PLACE_WEIGHT.headline ? ', in the headline' : weight === PLACE_WEIGHT.lede ? ', in the lede' : '';
    reasons.push(`+${round(points)} ${id} (${count}×${where})`);
  }
  const countries = STORY_COUNTRIES.map((id) => byEntity.get(id));
  if (countries.every((entry) => entry !== undefined)) {
    const extra = countries.reduce((sum, entry) => sum + (entry?.count ?? 1) - 1, 0);
    const points = COUNTRIES_SCORE + Math.min(MAX_COUNTRY_REPEAT_SCORE, COUNTRY_REPEAT_SCORE * extra);
    score += points;
    reasons.push(
      `+${round(points)} ${STORY_COUNTRIES.join(' with ')} (${countries.map((entry) => entry?.count).join(' and ')}×)`,
    );
  }
  const code = language?.toLowerCase().slice(0, 2);
  if (code && !KNOWN_LANGUAGES.includes(code) && score > 0) {
    score *= UNKNOWN_LANGUAGE_FACTOR;
    reasons.push(`×${UNKNOWN_LANGUAGE_FACTOR} page in "${code}", a language the knowledge base has no names in`);
  }
  score = round(score);
  const related = score >= RELATED_SCORE;
  reasons.push(`= ${score}, ${related ? 'related' : 'not related'} (from ${RELATED_SCORE})`);
  return { score, related, reasons };
}
