/**
 * The timeline page's address, with its filters and the point to show:
 * `timeline.html#entity=ID&kind=statement&outlet=…&lang=en&zoom=month&focus=2026&point=ID`.
 * A hash, like the reader page's: nothing reaches a server, the back button steps through
 * filters, and a card can link into the timeline at one point (issue #15).
 */
import type { EntityKind } from '../model/knowledge-base';

export interface TimelineView {
  entityId?: string;
  pointKind?: 'event' | 'statement' | 'fact';
  entityKind?: EntityKind;
  outlet?: string;
  language?: string;
  zoom?: 'year' | 'month' | 'day';
  /** The year (`YYYY`) or month (`YYYY-MM`) zoomed into. */
  focus?: string;
  /** A point to scroll to and mark. */
  pointId?: string;
}

const keys: [keyof TimelineView, string][] = [
  ['entityId', 'entity'],
  ['pointKind', 'kind'],
  ['entityKind', 'entityKind'],
  ['outlet', 'outlet'],
  ['language', 'lang'],
  ['zoom', 'zoom'],
  ['focus', 'focus'],
  ['pointId', 'point'],
];

/** @example timelineUrl('chrome-extension://id/timeline.html', { entityId: 'naqoura' }) // '…/timeline.html#entity=naqoura' */
export function timelineUrl(base: string, view: TimelineView): string {
  const params = new URLSearchParams();
  for (const [field, name] of keys) {
    const value = view[field];
    if (value) params.set(name, value);
  }
  const hash = params.toString();
  return hash ? `${base}#${hash}` : base;
}

const pointKindValues = new Set(['event', 'statement', 'fact']);
const entityKindValues = new Set(['person', 'organisation', 'place', 'event']);
const zoomValues = new Set(['year', 'month', 'day']);

/** Parses {@link timelineUrl}'s hash; values outside their sets (a hand-edited address) are dropped. */
export function parseTimelineHash(hash: string): TimelineView {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: TimelineView = {};
  const text = (name: string) => params.get(name) || undefined;
  const entityId = text('entity');
  if (entityId) view.entityId = entityId;
  const pointKind = text('kind');
  if (pointKind && pointKindValues.has(pointKind)) view.pointKind = pointKind as TimelineView['pointKind'];
  const entityKind = text('entityKind');
  if (entityKind && entityKindValues.has(entityKind)) view.entityKind = entityKind as EntityKind;
  const outlet = text('outlet');
  if (outlet) view.outlet = outlet;
  const language = text('lang');
  if (language) view.language = language;
  const zoom = text('zoom');
  if (zoom && zoomValues.has(zoom)) view.zoom = zoom as TimelineView['zoom'];
  const focus = text('focus');
  if (focus && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(focus)) view.focus = focus;
  const pointId = text('point');
  if (pointId) view.pointId = pointId;
  return view;
}
