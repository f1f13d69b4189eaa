/**
 * Hand-written checks of the few messages the content script receives, so
 * that the content script needs no Zod (issue #13: it is parsed on every page
 * of every news site, and Zod alone weighed more than our whole budget).
 * Each guard mirrors a schema of `messages.ts`; `messages.test.ts`-style unit
 * tests check that both accept and refuse the same shapes. Everything else
 * the content script handles (card text, excerpts) never reaches it.
 */
import type { Candidate, EntityMatch } from '../matching/match-entities';
import type { AnnotatorConfig, CardHostRequest, ContentRequest } from './messages';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly these keys, no more (the schemas are strict). */
function hasOnlyKeys(value: Fields, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200;
}

/**
 * A request from the background or the popup, or `undefined` when `value` is not one.
 *
 * @example contentRequestOf({ type: 'mention/step', direction: 1 }) // → the same object
 */
export function contentRequestOf(value: unknown): ContentRequest | CardHostRequest | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'annotations/get':
    case 'annotator/refresh':
    case 'card/close':
      return hasOnlyKeys(value, ['type']) ? (value as ContentRequest | CardHostRequest) : undefined;
    case 'mention/step':
      return hasOnlyKeys(value, ['type', 'direction']) && (value.direction === 1 || value.direction === -1)
        ? { type: 'mention/step', direction: value.direction }
        : undefined;
    case 'mention/show-entity':
    case 'card/suppress':
      return hasOnlyKeys(value, ['type', 'entityId']) && isEntityId(value.entityId)
        ? { type: value.type, entityId: value.entityId }
        : undefined;
    case 'card/size':
      return hasOnlyKeys(value, ['type', 'height']) &&
        typeof value.height === 'number' &&
        Number.isFinite(value.height) &&
        value.height >= 0 &&
        value.height <= 10_000
        ? { type: 'card/size', height: value.height }
        : undefined;
    default:
      return undefined;
  }
}

const ENTITY_KINDS = new Set(['person', 'organisation', 'place', 'event']);

/**
 * The background's answer to `annotator/config`, or `undefined` when it is
 * malformed. The matcher spec is only checked for its outline here; the
 * matcher checks the rest as it builds (as the Zod schema did).
 */
export function annotatorConfigOf(value: unknown): AnnotatorConfig | undefined {
  if (!isObject(value)) return undefined;
  if (!hasOnlyKeys(value, ['paused', 'highlightMode', 'suppressed', 'entities'])) return undefined;
  if (typeof value.paused !== 'boolean') return undefined;
  if (value.highlightMode !== 'first' && value.highlightMode !== 'every') return undefined;
  if (!Array.isArray(value.suppressed) || !value.suppressed.every((id) => typeof id === 'string')) return undefined;
  if (!Array.isArray(value.entities)) return undefined;
  for (const entity of value.entities) {
    if (!isObject(entity) || !hasOnlyKeys(entity, ['id', 'name', 'kind', 'specificity'])) return undefined;
    if (typeof entity.id !== 'string' || typeof entity.name !== 'string') return undefined;
    if (!ENTITY_KINDS.has(entity.kind as string)) return undefined;
    if (entity.specificity !== 'specific' && entity.specificity !== 'general') return undefined;
  }
  return value as unknown as AnnotatorConfig;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * The background's candidates for `count` text blocks (`matcher/scan`), or
 * `undefined`. Only their outline is checked: they go straight back to the
 * background's own matcher, which built them.
 */
export function candidateChunksOf(value: unknown, count: number): Candidate[][] | undefined {
  if (!Array.isArray(value) || value.length !== count) return undefined;
  for (const chunk of value) {
    if (!Array.isArray(chunk)) return undefined;
    for (const candidate of chunk) {
      if (!isObject(candidate) || !isCount(candidate.start) || !isCount(candidate.end)) return undefined;
    }
  }
  return value as Candidate[][];
}

/** The background's mentions for `count` text blocks (`matcher/resolve`), or `undefined`: these are painted, so every field is checked. */
export function matchChunksOf(value: unknown, count: number): EntityMatch[][] | undefined {
  if (!Array.isArray(value) || value.length !== count) return undefined;
  for (const chunk of value) {
    if (!Array.isArray(chunk)) return undefined;
    for (const match of chunk) {
      if (!isObject(match) || !isCount(match.start) || !isCount(match.end) || match.end < match.start) return undefined;
      if (!isEntityId(match.entityId) || typeof match.alias !== 'string') return undefined;
    }
  }
  return value as EntityMatch[][];
}
