/**
 * The timeline page (issue #15): the knowledge base's events and the dated statements and facts
 * of every article, oldest first, in bands of years, months or days. Each point says how precise
 * its date is (a month-only date sits in a month band, never on a made-up day; "c." marks a date
 * worked out rather than stated) and opens its sentence in the reader page. Filters and zoom live
 * in the address (`timeline.html#entity=…&zoom=month&focus=2026`), so cards can link into it.
 *
 * It records on `<html>`, for the end-to-end test: `data-build-ms` (points built),
 * `data-differ-ms` (where sources differ, found just after the first paint) and
 * `data-filter-ms` (last filter and grouping), in ms.
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DIFFERENCE_LABELS, KIND_LABELS } from '@/components/entity-card';
import type { ClaimSentence } from '@/lib/corpus/source-differences';
import {
  filterTimeline,
  type PointKind,
  type TimelineBand,
  type TimelinePoint,
  type TimelineZoom,
  timelineBands,
} from '@/lib/corpus/timeline';
import type { PointDifference } from '@/lib/corpus/timeline-differences';
import { readerUrl } from '@/lib/extension/reader-page-url';
import { parseTimelineHash, type TimelineView, timelineUrl } from '@/lib/extension/timeline-page-url';
import { formatDateRange, formatPartialDate } from '@/lib/model/format-date';
import type { Entity, EntityKind } from '@/lib/model/knowledge-base';
import { useTimeline } from './use-timeline';

/** Points drawn at once; more on request, so a 10,000-article corpus never builds a huge DOM. */
const PAGE_SIZE = 300;

const POINT_KIND_LABELS: Record<PointKind, string> = { event: 'Event', statement: 'Statement', fact: 'Dated fact' };
const ZOOM_LABELS: Record<TimelineZoom, string> = { year: 'Years', month: 'Months', day: 'Days' };
const PRECISION_WORDS = { day: 'day', month: 'month', year: 'year', unknown: 'undated' } as const;

function readerHref(source: NonNullable<TimelinePoint['source']>): string {
  return readerUrl(browser.runtime.getURL('/reader.html'), {
    articleId: source.articleId,
    start: source.start,
    end: source.end,
  });
}

/** "3 Dec 2025", "Mar 2026", "1975–1990"; "c. " first when the date was worked out. */
function pointDateLabel(point: TimelinePoint): string {
  if (point.date === null || point.precision === 'unknown') return 'Undated';
  const text = formatDateRange({ start: point.date, end: point.end, precision: point.precision });
  return point.inferred ? `c. ${text}` : text;
}

function bandLabel(band: TimelineBand, zoom: TimelineZoom): string {
  if (band.key === 'undated' || band.precision === 'unknown') return 'Undated';
  const text = formatDateRange({ start: band.key, precision: band.precision });
  const coarser = band.precision === 'year' ? zoom !== 'year' : band.precision === 'month' && zoom === 'day';
  if (!coarser) return text;
  return `${text} · ${band.precision === 'year' ? 'month not known' : 'day not known'}`;
}

function useHashView(): [TimelineView, (next: TimelineView) => void] {
  const [view, setView] = useState(() => parseTimelineHash(location.hash));
  useEffect(() => {
    // Our own `navigate` fires this too, for the view it has just set: keeping that same object
    // spares a second filter and render of every row after each change (issue #15, speed).
    const onHash = () =>
      setView((current) => (timelineUrl('', current) === location.hash ? current : parseTimelineHash(location.hash)));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = (next: TimelineView) => {
    const hash = timelineUrl('', next);
    if (hash) location.hash = hash;
    else history.pushState(null, '', location.pathname);
    setView(next);
  };
  return [view, navigate];
}

export function TimelineApp() {
  const data = useTimeline();
  const [view, navigate] = useHashView();
  const [shown, setShown] = useState(PAGE_SIZE);
  const zoom = view.zoom ?? 'year';
  const headingId = useId();

  useEffect(() => {
    if (data) document.documentElement.dataset.buildMs = data.buildMs.toFixed(1);
    if (data?.differMs !== undefined) document.documentElement.dataset.differMs = data.differMs.toFixed(1);
  }, [data]);

  const options = useMemo(() => {
    if (!data) return undefined;
    const entityIds = new Set<string>();
    const outlets = new Set<string>();
    const languages = new Set<string>();
    for (const point of data.points) {
      for (const id of point.entityIds) entityIds.add(id);
      if (point.source) {
        outlets.add(point.source.outlet);
        languages.add(point.source.language);
      }
    }
    const entities = [...entityIds]
      .map((id) => data.entityById.get(id))
      .filter((entity): entity is Entity => entity !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    const sortedOutlets = [...outlets].sort();
    const sortedLanguages = [...languages].sort();
    // The option elements are made once per build, not per filter change: at 10,000 articles the
    // entity list is long, and the same element objects let React skip them when a filter changes.
    return {
      entities,
      outlets: sortedOutlets,
      languages: sortedLanguages,
      entityOptions: entities.map((entity) => (
        <option key={entity.id} value={entity.id}>
          {entity.name}
        </option>
      )),
      outletOptions: sortedOutlets.map((outlet) => (
        <option key={outlet} value={outlet}>
          {outlet === 'unknown' ? 'Outlet unknown' : outlet}
        </option>
      )),
      languageOptions: sortedLanguages.map((language) => (
        <option key={language} value={language}>
          {language}
        </option>
      )),
    };
  }, [data]);

  const bands = useMemo(() => {
    if (!data) return undefined;
    const started = performance.now();
    const kindOf = (id: string): EntityKind | undefined => data.entityById.get(id)?.kind;
    const filtered = filterTimeline(
      data.points,
      {
        entityId: view.entityId,
        pointKinds: view.pointKind ? [view.pointKind] : undefined,
        entityKind: view.entityKind,
        outlet: view.outlet,
        language: view.language,
        from: view.focus,
        to: view.focus,
      },
      kindOf,
    );
    const grouped = timelineBands(filtered, zoom);
    document.documentElement.dataset.filterMs = (performance.now() - started).toFixed(1);
    return { grouped, total: filtered.length };
  }, [data, view, zoom]);

  /*
   * The rows' callbacks stay the same functions across renders (they read the latest view and data
   * through a ref), so a memoised row whose point, selection and differences did not change is not
   * rendered again when a filter, the zoom or "Show more" changes (issue #15: filter within 50 ms).
   */
  const latest = useRef({ view, navigate, entityById: data?.entityById });
  latest.current = { view, navigate, entityById: data?.entityById };
  const onEntity = useCallback((entityId: string) => {
    const { view: current, navigate: go } = latest.current;
    setShown(PAGE_SIZE);
    const next: TimelineView = { ...current, entityId };
    delete next.pointId;
    go(next);
  }, []);
  const entityNameOf = useCallback((id: string) => latest.current.entityById?.get(id)?.name ?? id, []);
  // The other side of a disagreement: every filter off (it may be another outlet or language), its year opened.
  const goToPoint = useCallback((pointId: string, date: string | null) => {
    setShown(PAGE_SIZE);
    latest.current.navigate({ zoom: date ? 'month' : 'year', ...(date ? { focus: date.slice(0, 4) } : {}), pointId });
  }, []);

  // A link to a point (from a card) scrolls to it once it is drawn.
  useLayoutEffect(() => {
    if (!bands || !view.pointId) return;
    const target = document.getElementById(pointElementId(view.pointId));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [bands, view.pointId]);

  if (!data || !options || !bands) {
    return (
      <main className="nc-timeline">
        <p role="status">Building the timeline…</p>
      </main>
    );
  }

  const set = (patch: Partial<TimelineView>) => {
    setShown(PAGE_SIZE);
    const next: TimelineView = { ...view, ...patch };
    delete next.pointId;
    navigate(next);
  };
  const zoomInto = (band: TimelineBand) => {
    if (band.key === 'undated') return;
    if (zoom === 'year') set({ zoom: 'month', focus: band.key.slice(0, 4) });
    else if (zoom === 'month' && band.precision !== 'year') set({ zoom: 'day', focus: band.key.slice(0, 7) });
  };
  const entityName = entityNameOf;

  let remaining = shown;
  return (
    <main className="nc-timeline" aria-labelledby={headingId}>
      <header className="nc-timeline-head">
        <h1 id={headingId}>
          Timeline
          {view.entityId && <span className="nc-timeline-about"> · {entityName(view.entityId)}</span>}
        </h1>
        <p className="nc-timeline-note">
          Events of the knowledge base, and sentences from your sources that state a date or report what someone said.
          Each sits at the date its sentence gives, else at its article's date; “c.” marks a date worked out rather than
          stated.
        </p>
        <form className="nc-timeline-filters" onSubmit={(event) => event.preventDefault()}>
          <label>
            Entity
            <select
              aria-label="Entity"
              value={view.entityId ?? ''}
              onChange={(event) => set({ entityId: event.target.value || undefined })}
            >
              <option value="">All entities</option>
              {options.entityOptions}
            </select>
          </label>
          <label>
            Kind
            <select
              aria-label="Kind"
              value={view.pointKind ?? ''}
              onChange={(event) => set({ pointKind: (event.target.value || undefined) as PointKind | undefined })}
            >
              <option value="">Everything</option>
              {(Object.keys(POINT_KIND_LABELS) as PointKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {POINT_KIND_LABELS[kind]}s
                </option>
              ))}
            </select>
          </label>
          <label>
            About
            <select
              aria-label="About"
              value={view.entityKind ?? ''}
              onChange={(event) => set({ entityKind: (event.target.value || undefined) as EntityKind | undefined })}
            >
              <option value="">Any kind of entity</option>
              {(Object.keys(KIND_LABELS) as EntityKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Outlet
            <select
              aria-label="Outlet"
              value={view.outlet ?? ''}
              onChange={(event) => set({ outlet: event.target.value || undefined })}
            >
              <option value="">All outlets</option>
              {options.outletOptions}
            </select>
          </label>
          <label>
            Language
            <select
              aria-label="Language"
              value={view.language ?? ''}
              onChange={(event) => set({ language: event.target.value || undefined })}
            >
              <option value="">All languages</option>
              {options.languageOptions}
            </select>
          </label>
          <fieldset className="nc-timeline-zoom">
            <legend>Zoom</legend>
            {(Object.keys(ZOOM_LABELS) as TimelineZoom[]).map((level) => (
              <button
                key={level}
                type="button"
                aria-pressed={zoom === level}
                onClick={() => set({ zoom: level, focus: level === 'year' ? undefined : view.focus })}
              >
                {ZOOM_LABELS[level]}
              </button>
            ))}
          </fieldset>
        </form>
        <p className="nc-timeline-count" role="status">
          {bands.total === 1 ? '1 point' : `${bands.total} points`}
          {view.focus && (
            <>
              {' in '}
              {formatPartialDate(view.focus, view.focus.length === 4 ? 'year' : 'month').replace(/^c\. /, '')}{' '}
              <button
                type="button"
                className="nc-timeline-link"
                onClick={() => set({ zoom: 'year', focus: undefined })}
              >
                Show all years
              </button>
            </>
          )}
        </p>
      </header>

      {bands.grouped.length === 0 ? (
        <p className="nc-timeline-empty">No point matches these filters.</p>
      ) : (
        <ol className="nc-timeline-bands">
          {bands.grouped.map((band) => {
            if (remaining <= 0) return null;
            const points = band.points.slice(0, remaining);
            remaining -= points.length;
            const canZoom =
              band.key !== 'undated' && (zoom === 'year' || (zoom === 'month' && band.precision !== 'year'));
            return (
              <li key={band.key} className={`nc-band nc-band--${band.precision}`} data-band={band.key}>
                <h2 className="nc-band-title">
                  {canZoom ? (
                    <button type="button" className="nc-band-zoom" title="Zoom in" onClick={() => zoomInto(band)}>
                      {bandLabel(band, zoom)}
                    </button>
                  ) : (
                    bandLabel(band, zoom)
                  )}
                  <span className="nc-band-count">{band.points.length}</span>
                </h2>
                <ol className="nc-points">
                  {points.map((point) => (
                    <PointItem
                      key={point.id}
                      point={point}
                      selected={point.id === view.pointId}
                      entityName={entityName}
                      onEntity={onEntity}
                      differences={data.differencesAt.get(point.id)}
                      onGoToPoint={goToPoint}
                    />
                  ))}
                </ol>
              </li>
            );
          })}
        </ol>
      )}
      {bands.total > shown && (
        <button type="button" className="nc-timeline-more" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, bands.total - shown)} more of {bands.total - shown}
        </button>
      )}
    </main>
  );
}

function pointElementId(pointId: string): string {
  return `nc-point-${pointId.replace(/[^\w-]/g, '_')}`;
}

/** Memoised: its callbacks are stable (see `onEntity` in {@link TimelineApp}), so only changed rows render. */
const PointItem = memo(function PointItem(props: {
  point: TimelinePoint;
  selected: boolean;
  entityName(id: string): string;
  onEntity(entityId: string): void;
  differences?: readonly PointDifference[];
  onGoToPoint(pointId: string, date: string | null): void;
}) {
  const { point, selected, entityName, onEntity, differences, onGoToPoint } = props;
  const source = point.source;
  const why =
    point.dateBasis === 'article'
      ? "At its article's date: the sentence states none."
      : point.dateBasis === 'relative'
        ? "Worked out from the sentence's words and its article's date."
        : point.dateBasis === 'sentence'
          ? 'The date the sentence states.'
          : 'The date of the event.';
  return (
    <li
      id={pointElementId(point.id)}
      className={`nc-point nc-point--${point.kind}${selected ? ' nc-point--selected' : ''}${
        differences?.length ? ' nc-point--differs' : ''
      }`}
      data-point={point.id}
      tabIndex={-1}
    >
      <p className="nc-point-meta">
        <span className="nc-point-date" title={why}>
          {point.date ? <time dateTime={point.date}>{pointDateLabel(point)}</time> : 'Undated'}
        </span>
        <span className="nc-precision" data-precision={point.precision}>
          {PRECISION_WORDS[point.precision]}
          {point.inferred ? ', inferred' : ''}
        </span>
        <span className="nc-point-kind">{POINT_KIND_LABELS[point.kind]}</span>
      </p>
      {point.kind === 'event' ? (
        <p className="nc-point-event" dir="auto">
          {point.text}
        </p>
      ) : (
        <blockquote className="nc-point-quote" dir="auto">
          {point.text}
        </blockquote>
      )}
      {source && (
        <p className="nc-point-source">
          <span dir="auto">{source.outlet === 'unknown' ? 'Outlet unknown' : source.outlet}</span>
          {' · '}
          {formatPartialDate(source.articleDate, source.articlePrecision)}
          {' · '}
          <a className="nc-point-open" href={readerHref(source)} target="_blank" rel="noopener">
            <span dir="auto">{source.title}</span>
            <span className="nc-visually-hidden"> (open the sentence in the reader)</span>
          </a>
        </p>
      )}
      {differences && differences.length > 0 && (
        <PointDifferences pointId={point.id} differences={differences} onGoToPoint={onGoToPoint} />
      )}
      <ul className="nc-point-entities">
        {point.entityIds.map((id) => (
          <li key={id}>
            <button type="button" className="nc-point-entity" onClick={() => onEntity(id)}>
              {entityName(id)}
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
});

/**
 * "Sources differ" at a point (issue #15): what differs, then both sentences quoted, each with its
 * outlet and date; the other sentence has a way to its own point. Figures reported far apart are
 * said to have changed over time, not to clash.
 */
function PointDifferences(props: {
  pointId: string;
  differences: readonly PointDifference[];
  onGoToPoint(pointId: string, date: string | null): void;
}) {
  const { pointId, differences, onGoToPoint } = props;
  const headingId = `${pointElementId(pointId)}-differ`;
  const conflict = differences.some((pair) => pair.differences.some((entry) => entry.verdict === 'conflict'));
  return (
    <section className="nc-point-differ" aria-labelledby={headingId}>
      <h3 className="nc-point-differ-title" id={headingId}>
        {conflict ? 'Sources differ' : 'Figures changed over time'}
      </h3>
      <ul className="nc-point-differences">
        {differences.map(({ otherPointId, differences: between }) => {
          const first = between[0];
          if (!first) return null;
          return (
            <li key={otherPointId} className="nc-point-difference">
              <ul className="nc-point-difference-whats">
                {between.map((difference) => (
                  <li
                    key={`${difference.kind}:${difference.what}`}
                    className={`nc-point-difference-what nc-point-difference-what--${difference.verdict}`}
                  >
                    {DIFFERENCE_LABELS[difference.kind]}
                    {difference.verdict === 'changed-over-time' ? ' changed over time: ' : ': '}
                    {difference.what}
                  </li>
                ))}
              </ul>
              {/* In the detector's order, the order its "what" names the two figures in. */}
              {[first.a, first.b].map((sentence) => (
                <DifferingSentence
                  key={sentence.id}
                  sentence={sentence}
                  here={sentence.id !== otherPointId}
                  onGoTo={() => onGoToPoint(sentence.id, sentence.date)}
                />
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DifferingSentence(props: { sentence: ClaimSentence; here: boolean; onGoTo(): void }) {
  const { sentence, here, onGoTo } = props;
  const outlet = sentence.outlet === 'unknown' ? 'Outlet unknown' : sentence.outlet;
  return (
    <figure className={`nc-point-differ-quote${here ? ' nc-point-differ-quote--here' : ''}`}>
      <blockquote dir="auto">{sentence.text}</blockquote>
      <figcaption>
        <cite>
          <span dir="auto">{outlet}</span>
          {' · '}
          {formatPartialDate(sentence.date, sentence.precision)}
        </cite>
        {here ? (
          <span className="nc-point-differ-here"> · this point</span>
        ) : (
          <>
            {' · '}
            <button type="button" className="nc-timeline-link" onClick={onGoTo}>
              Go to it<span className="nc-visually-hidden"> on the timeline ({outlet})</span>
            </button>
          </>
        )}
      </figcaption>
    </figure>
  );
}
