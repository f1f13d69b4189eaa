import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import {
  buildTimeline,
  comparePoints,
  eventsAround,
  filterTimeline,
  type TimelinePoint,
  timelineBands,
} from '@/lib/corpus/timeline';

const { index } = loadBundledIndex();
const bundledExcerpts = Object.entries(index.excerpts).flatMap(([entityId, list]) =>
  list.map((excerpt) => ({ ...excerpt, entityId })),
);
const points = buildTimeline({ entities: index.entities, articles: index.articles, excerpts: bundledExcerpts });
const kindOf = (id: string) => index.entities.find((entity) => entity.id === id)?.kind;

describe('buildTimeline over the seeds', () => {
  it('places every knowledge-base event at its date, with its precision, in date order', () => {
    const events = points.filter((point) => point.kind === 'event');
    const expected = index.entities.filter((entity) => entity.kind === 'event');
    expect(events).toHaveLength(expected.length);
    expect(events.map((event) => event.date)).toEqual([...events.map((event) => event.date)].sort());
    expect(events.find((event) => event.id === 'event:naqoura-talks-2025')).toMatchObject({
      date: '2025-12-03',
      precision: 'day',
      inferred: false,
    });
    expect(events.find((event) => event.id === 'event:lebanese-civil-war')).toMatchObject({
      date: '1975',
      end: '1990',
      precision: 'year',
    });
  });

  it('keeps the whole list in timeline order', () => {
    for (let i = 1; i < points.length; i++)
      expect(comparePoints(points[i - 1] as TimelinePoint, points[i] as TimelinePoint)).toBeLessThanOrEqual(0);
  });

  it('places a statement at the date its sentence states, else at its article date marked inferred', () => {
    const onDate = points.find((point) => point.text.includes('October 7 of last year'));
    expect(onDate).toMatchObject({ date: '2023-10-07', precision: 'day', inferred: true, dateBasis: 'relative' });
    const qamati = points.find((point) => point.text.startsWith('Mahmoud Qamati'));
    expect(qamati).toMatchObject({
      kind: 'statement',
      date: '2026-03',
      precision: 'month',
      inferred: true,
      dateBasis: 'article',
    });
    expect(qamati?.entityIds).toContain('mahmoud-qamati');
    const stated = points.find(
      (point) =>
        point.source?.articleId === 'lebanon-proposes-direct-negotiations-2026' && point.dateBasis === 'article',
    );
    expect(stated).toMatchObject({ date: '2026-03-09', precision: 'day', inferred: false });
  });

  it('quotes each sentence once, with every entity it names, and points at it in the article', () => {
    const ids = points.map((point) => point.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const point of points) {
      if (!point.source) continue;
      const article = index.articles.find((entry) => entry.id === point.source?.articleId);
      expect(article?.text.slice(point.source.start, point.source.end)).toBe(point.text);
    }
    expect(points.filter((point) => point.source).length).toBeGreaterThan(10);
  });

  it('leaves out sentences with neither a date nor a reporting verb', () => {
    expect(points.some((point) => point.text.startsWith('Drones circle overhead'))).toBe(false);
  });
});

describe('filterTimeline', () => {
  it('filters by entity, point kind, entity kind, outlet, language and date range', () => {
    const aoun = filterTimeline(points, { entityId: 'joseph-aoun' });
    expect(aoun.length).toBeGreaterThan(0);
    expect(aoun.every((point) => point.entityIds.includes('joseph-aoun'))).toBe(true);
    expect(filterTimeline(points, { pointKinds: ['event'] }).every((point) => point.kind === 'event')).toBe(true);
    const people = filterTimeline(points, { entityKind: 'person' }, kindOf);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((point) => point.entityIds.some((id) => kindOf(id) === 'person'))).toBe(true);
    const ap = filterTimeline(points, { outlet: 'AP Insight' });
    expect(ap.length).toBeGreaterThan(0);
    expect(ap.every((point) => point.source?.outlet === 'AP Insight')).toBe(true);
    expect(filterTimeline(points, { language: 'fr' })).toEqual([]);
    const year2024 = filterTimeline(points, { from: '2024', to: '2024' });
    expect(year2024.length).toBeGreaterThan(0);
    expect(year2024.every((point) => (point.end ?? point.date ?? '') >= '2024' && (point.date ?? '') < '2025')).toBe(
      true,
    );
    // The civil war (1975–1990) overlaps 1989 though it started before.
    expect(filterTimeline(points, { from: '1989', to: '1989' }).map((point) => point.id)).toContain(
      'event:lebanese-civil-war',
    );
  });
});

describe('timelineBands', () => {
  it('groups by the zoom, never giving a point more precision than it has', () => {
    const years = timelineBands(points, 'year');
    expect(years.map((band) => band.key)).toEqual([...new Set(years.map((band) => band.key))]);
    expect(years.every((band) => band.precision === 'year' || band.key === 'undated')).toBe(true);
    const days = timelineBands(points, 'day');
    const march = days.find((band) => band.key === '2026-03');
    expect(march?.precision).toBe('month');
    expect(march?.points.every((point) => point.precision === 'month')).toBe(true);
    expect(days.find((band) => band.key === '2025-12-03')?.points.map((point) => point.id)).toContain(
      'event:naqoura-talks-2025',
    );
    expect(days.find((band) => band.key === '1975')?.precision).toBe('year');
  });
});

describe('eventsAround', () => {
  it('gives the events just before and after the latest mention of an entity', () => {
    const around = eventsAround(points, 'najib-mikati', 2);
    expect(around?.at.entityIds).toContain('najib-mikati');
    expect(around?.before).toHaveLength(2);
    expect(around?.after.length).toBeGreaterThan(0);
    expect(around?.before.every((point) => point.kind === 'event' && comparePoints(point, around.at) < 0)).toBe(true);
    expect(around?.after.every((point) => point.kind === 'event' && comparePoints(point, around.at) > 0)).toBe(true);
    expect(eventsAround(points, 'nobody')).toBeUndefined();
  });
});
