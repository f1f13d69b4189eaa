/**
 * The entity card: who or what a highlighted name is, with dated excerpts from
 * our sources. One component for the in-page hover card (inside a closed
 * shadow root), the popup's entity results and the reader page.
 *
 * Everything from the corpus or the page is rendered as React text children,
 * never as markup. Styles live in `entity-card.css`, imported by each consumer
 * (the content script as an `?inline` string for its shadow root), so this
 * file does not import them.
 */
import { type KeyboardEvent, type SyntheticEvent, useId } from 'react';
import type { CardDifference, CardTimeline } from '@/lib/corpus/card-context';
import type { CardExcerpt, EntityCard, EntityRef } from '@/lib/corpus/entity-card';
import { timeBeforeArticle } from '@/lib/corpus/time-before-article';
import { formatDateRange, formatPartialDate } from '@/lib/model/format-date';
import type { DatePrecision, EntityKind } from '@/lib/model/knowledge-base';
import type { FeedbackVerdict } from '@/lib/model/settings';

/** What the reader tells us about a highlight: it is someone else, or stop marking this entity. */
export type CardFeedback = FeedbackVerdict;

/** Props of {@link EntityCardView}. A control is rendered only when its callback is given. */
export interface EntityCardViewProps {
  card: EntityCard;
  /** "Read the full article" under an excerpt. */
  onOpenExcerpt?(excerpt: CardExcerpt): void;
  /** A related entity's button, with its id. */
  onSelectRelated?(entityId: string): void;
  /** "Not this" and "Don't highlight this". */
  onFeedback?(verdict: CardFeedback): void;
  /** The × button and Escape; also makes the card a `role="dialog"` (the hover card). */
  onClose?(): void;
  /** Level of the name's heading (sections use the next level). Defaults to 2. */
  headingLevel?: 2 | 3;
  /** Tighter spacing, for lists of cards such as the popup's results. */
  compact?: boolean;
  /** The root element's id; internal ids derive from it. */
  id?: string;
  /** "See on the timeline" (issue #15), at the point of the entity's latest mention. */
  onOpenTimeline?(target: { entityId: string; pointId?: string; date?: string }): void;
  /** The date of the page the card is shown on, for "Newer than your sources" (issue #15). */
  pageDate?: { date: string; precision: DatePrecision };
  /** The one action of that note: import the page. */
  onImportPage?(): void;
}

/** Human label of each kind, as shown on the card. */
export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
};

/**
 * Whether a user, not a script, caused this event. A page script cannot reach
 * our closed shadow root, but every action checks anyway (defence in depth).
 * Keyboard activation of a button fires a trusted click, so keyboard use works.
 */
export function isTrustedEvent(event: SyntheticEvent): boolean {
  return event.nativeEvent.isTrusted === true;
}

/** Runs `action` only for a trusted event: the wrapper for every click handler on the card. */
function trusted(action: () => void) {
  return (event: SyntheticEvent) => {
    if (!isTrustedEvent(event)) return;
    action();
  };
}

/**
 * Renders an {@link EntityCard}: kind, name, role, an event's date, the
 * background, up to a few excerpts with their source, related entities, and
 * the feedback and close actions when their callbacks are given.
 *
 * With `onClose` the root is a `role="dialog"` labelled by the name (and
 * Escape closes it); otherwise it is an `<article>`.
 *
 * @example <EntityCardView card={card} onClose={hide} onOpenExcerpt={openReader} />
 */
export function EntityCardView(props: EntityCardViewProps) {
  const { card, onOpenExcerpt, onSelectRelated, onFeedback, onClose, headingLevel = 2, compact = false } = props;
  const { onOpenTimeline, pageDate, onImportPage } = props;
  const generatedId = useId();
  const baseId = props.id ?? `nc-card${generatedId}`;
  const titleId = `${baseId}-title`;
  const sourcesId = `${baseId}-sources`;
  const relatedId = `${baseId}-related`;
  const differId = `${baseId}-differ`;
  const timelineId = `${baseId}-timeline`;
  const newer = newerThanSources(card, pageDate);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SectionHeading = headingLevel === 2 ? 'h3' : 'h4';
  const isDialog = onClose !== undefined;
  const eventDate = card.kind === 'event' && card.date ? formatEventDate(card.date) : undefined;
  // Issue #12: how long before the page the event happened, at the precision both dates share.
  const eventWhen = eventDate && card.date && pageDate ? timeBeforeArticle(card.date, pageDate) : undefined;
  const moreCount = card.excerptTotal - card.excerpts.length;

  const className = [
    'nc-card',
    `nc-kind-${card.kind}`,
    isDialog ? 'nc-card--dialog' : '',
    compact ? 'nc-card--compact' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const content = (
    <>
      <header className="nc-head">
        <div className="nc-head-top">
          <p className="nc-kind">
            <span className="nc-dot" aria-hidden="true" />
            {KIND_LABELS[card.kind]}
          </p>
          {onClose && (
            <button
              type="button"
              className="nc-close"
              aria-label="Close"
              title="Close"
              onClick={trusted(() => onClose())}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
        <Heading className="nc-name" id={titleId} dir="auto">
          {card.name}
        </Heading>
        <p className="nc-role" dir="auto">
          {card.role}
        </p>
        {eventDate && (
          <p className="nc-event-date">
            {eventDate.dateTime ? <time dateTime={eventDate.dateTime}>{eventDate.text}</time> : eventDate.text}
          </p>
        )}
        {eventWhen && <p className="nc-event-when">{eventWhen.charAt(0).toUpperCase() + eventWhen.slice(1)}</p>}
      </header>

      <div className="nc-body">
        {newer && (
          <p className="nc-newer" role="note">
            Your sources on {card.name} end {newer.latest}; this page is from {newer.page}.
            {onImportPage && (
              <>
                {' '}
                <button type="button" className="nc-action" onClick={trusted(() => onImportPage())}>
                  Import this page
                </button>
              </>
            )}
          </p>
        )}
        <p className="nc-background" dir="auto">
          {card.background}
        </p>

        {card.differences && card.differences.length > 0 && (
          <section className="nc-section nc-differ" aria-labelledby={differId}>
            <SectionHeading className="nc-section-title" id={differId}>
              {card.differences.some((difference) => difference.verdict === 'conflict')
                ? 'Sources differ'
                : 'Figures changed over time'}
            </SectionHeading>
            <ul className="nc-differences">
              {card.differences.map((difference) => (
                <DifferenceItem
                  key={`${difference.kind}:${difference.a.articleId}:${difference.a.start}:${difference.b.articleId}:${difference.b.start}`}
                  difference={difference}
                  onOpen={onOpenExcerpt}
                />
              ))}
            </ul>
          </section>
        )}

        <section className="nc-section" aria-labelledby={sourcesId}>
          <SectionHeading className="nc-section-title" id={sourcesId}>
            From our sources
          </SectionHeading>
          {card.excerpts.length === 0 ? (
            <p className="nc-empty">No excerpts in our sources mention {card.name} yet.</p>
          ) : (
            <ul className="nc-excerpts">
              {card.excerpts.map((excerpt, index) => (
                <ExcerptItem
                  // Two excerpts of one article differ by their offsets.
                  key={`${excerpt.articleId}:${excerpt.start}`}
                  excerpt={excerpt}
                  titleId={`${baseId}-excerpt-${index}`}
                  onOpen={onOpenExcerpt}
                />
              ))}
            </ul>
          )}
          {moreCount > 0 && <p className="nc-more">{moreCount} more in the corpus</p>}
        </section>

        {card.onTimeline && (card.onTimeline.before.length > 0 || card.onTimeline.after.length > 0) && (
          <section className="nc-section nc-on-timeline" aria-labelledby={timelineId}>
            <SectionHeading className="nc-section-title" id={timelineId}>
              On the timeline
            </SectionHeading>
            <TimelineAround card={card} timeline={card.onTimeline} onOpen={onOpenTimeline} />
          </section>
        )}

        {card.related.length > 0 && (
          <section className="nc-section" aria-labelledby={relatedId}>
            <SectionHeading className="nc-section-title" id={relatedId}>
              Related
            </SectionHeading>
            <ul className="nc-related">
              {card.related.map((entity) => (
                <li key={entity.id}>
                  <RelatedChip entity={entity} onSelect={onSelectRelated} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>

      {onFeedback && (
        <footer className="nc-foot">
          <button
            type="button"
            className="nc-action"
            title={`This highlight is not ${card.name}`}
            onClick={trusted(() => onFeedback('not-this'))}
          >
            Not this
          </button>
          <button
            type="button"
            className="nc-action"
            title={`Stop highlighting ${card.name}`}
            onClick={trusted(() => onFeedback('dont-highlight'))}
          >
            Don't highlight this
          </button>
        </footer>
      )}
    </>
  );

  if (isDialog) {
    // Escape closes the card, as in any dialog; handled here (and not passed
    // on) so the page never sees a key press meant for us.
    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Escape' || !isTrustedEvent(event)) return;
      event.stopPropagation();
      onClose();
    };
    return (
      <div id={baseId} className={className} role="dialog" aria-labelledby={titleId} dir="ltr" onKeyDown={onKeyDown}>
        {content}
      </div>
    );
  }
  return (
    <article id={baseId} className={className} aria-labelledby={titleId} dir="ltr">
      {content}
    </article>
  );
}

/** One quoted sentence with its mention marked, its source line and the link to the article. */
function ExcerptItem(props: {
  excerpt: CardExcerpt;
  titleId: string;
  onOpen: ((excerpt: CardExcerpt) => void) | undefined;
}) {
  const { excerpt, titleId, onOpen } = props;
  const date = formatPartialDate(excerpt.date, excerpt.precision);
  return (
    <li className="nc-excerpt">
      <figure className="nc-figure">
        {/* dir="auto": an Arabic or Hebrew sentence runs right to left inside the LTR card. */}
        <blockquote className="nc-quote" dir="auto">
          {excerpt.before}
          {excerpt.mention && <mark className="nc-mark">{excerpt.mention}</mark>}
          {excerpt.after}
        </blockquote>
        <figcaption className="nc-source">
          <cite className="nc-cite">
            <span className="nc-outlet" dir="auto">
              {excerpt.outlet}
            </span>
            <span className="nc-sep" aria-hidden="true">
              {' · '}
            </span>
            {excerpt.date && excerpt.precision !== 'unknown' ? (
              <time className="nc-source-date" dateTime={excerpt.date}>
                {date}
              </time>
            ) : (
              <span className="nc-source-date">{date}</span>
            )}
          </cite>
          {/* The line stays LTR like the card; only the title inside is isolated, so an
              Arabic title reads right to left but lines up with the outlet above it. */}
          <span className="nc-article-title" id={titleId}>
            <span dir="auto">{excerpt.articleTitle}</span>
          </span>
        </figcaption>
      </figure>
      {onOpen && (
        <button
          type="button"
          className="nc-read"
          // Several of these on one card: the article's title tells them apart.
          aria-describedby={titleId}
          onClick={trusted(() => onOpen(excerpt))}
        >
          Read the full article
          <span className="nc-arrow" aria-hidden="true">
            {' →'}
          </span>
        </button>
      )}
    </li>
  );
}

/** A related entity: a button when it can be opened, plain text otherwise. */
function RelatedChip(props: { entity: EntityRef; onSelect: ((entityId: string) => void) | undefined }) {
  const { entity, onSelect } = props;
  const label = (
    <>
      <span className="nc-dot" aria-hidden="true" />
      <span dir="auto">{entity.name}</span>
    </>
  );
  const className = `nc-chip nc-kind-${entity.kind}`;
  if (!onSelect) return <span className={className}>{label}</span>;
  return (
    <button
      type="button"
      className={className}
      title={KIND_LABELS[entity.kind]}
      onClick={trusted(() => onSelect(entity.id))}
    >
      {label}
    </button>
  );
}

/**
 * An event's date as text, with a machine-readable `dateTime` for single
 * dates. `formatDateRange` already says no more than the precision allows
 * ("Sep–Nov 2024"); an unknown date is left out rather than shown as "undated".
 */
function formatEventDate(date: NonNullable<EntityCard['date']>): { text: string; dateTime?: string } | undefined {
  if (date.precision === 'unknown') return undefined;
  const text = formatDateRange(date);
  const single = !date.end || date.end === date.start;
  return single ? { text, dateTime: date.start } : { text };
}

/** "Newer than your sources": the page's date is after the newest source, at the precision both share. */
function newerThanSources(
  card: EntityCard,
  pageDate: { date: string; precision: DatePrecision } | undefined,
): { latest: string; page: string } | undefined {
  // "end on 9 Mar 2026", "end in March 2026", "end in 2025": the preposition follows the date's precision.
  const latest = card.latestSource;
  if (!pageDate || !latest || pageDate.precision === 'unknown' || latest.precision === 'unknown') return undefined;
  const parts = Math.min(pageDate.date.split('-').length, latest.date.split('-').length);
  const cut = (date: string) => date.split('-').slice(0, parts).join('-');
  if (cut(pageDate.date) <= cut(latest.date)) return undefined;
  return {
    latest: `${latest.precision === 'day' ? 'on' : 'in'} ${formatDateRange({ start: latest.date, precision: latest.precision })}`,
    page: formatDateRange({ start: pageDate.date, precision: pageDate.precision }),
  };
}

/** What each kind of disagreement is called, on cards and on the timeline (issue #15). */
export const DIFFERENCE_LABELS: Record<CardDifference['kind'], string> = {
  figure: 'Figures',
  date: 'Date',
  'first-in': '“First in” span',
  chair: 'Who chaired',
  attendance: 'Who attended',
  place: 'Place',
};

/** One disagreement: what differs, then both sentences, each with its outlet and date. */
function DifferenceItem(props: { difference: CardDifference; onOpen: ((excerpt: CardExcerpt) => void) | undefined }) {
  const { difference, onOpen } = props;
  return (
    <li className={`nc-difference nc-difference--${difference.verdict}`}>
      <p className="nc-difference-what">
        {DIFFERENCE_LABELS[difference.kind]}
        {difference.verdict === 'changed-over-time' ? ' changed over time: ' : ': '}
        {difference.what}
      </p>
      {[difference.a, difference.b].map((quote) => (
        <figure key={`${quote.articleId}:${quote.start}`} className="nc-figure">
          <blockquote className="nc-quote" dir="auto">
            {quote.text}
          </blockquote>
          <figcaption className="nc-source">
            <cite className="nc-cite">
              <span className="nc-outlet" dir="auto">
                {quote.outlet === 'unknown' ? 'Outlet unknown' : quote.outlet}
              </span>
              <span className="nc-sep" aria-hidden="true">
                {' · '}
              </span>
              <span className="nc-source-date">{formatPartialDate(quote.date, quote.precision)}</span>
            </cite>
            {onOpen && (
              <button
                type="button"
                className="nc-read"
                onClick={trusted(() =>
                  onOpen({
                    articleId: quote.articleId,
                    articleTitle: '',
                    outlet: quote.outlet,
                    date: quote.date,
                    precision: quote.precision,
                    before: quote.text,
                    mention: '',
                    after: '',
                    start: quote.start,
                    end: quote.end,
                  }),
                )}
              >
                Read<span className="nc-visually-hidden"> {quote.outlet}'s article</span>
                <span className="nc-arrow" aria-hidden="true">
                  {' →'}
                </span>
              </button>
            )}
          </figcaption>
        </figure>
      ))}
    </li>
  );
}

/** The events just before and after the entity's latest mention, and the link into the timeline there. */
function TimelineAround(props: {
  card: EntityCard;
  timeline: CardTimeline;
  onOpen: ((target: { entityId: string; pointId?: string; date?: string }) => void) | undefined;
}) {
  const { card, timeline, onOpen } = props;
  const event = (entry: CardTimeline['before'][number]) => (
    <li key={entry.id} className="nc-timeline-event">
      <span className="nc-timeline-date">
        {formatDateRange({ start: entry.date, end: entry.end, precision: entry.precision })}
      </span>{' '}
      <span dir="auto">{entry.name}</span>
    </li>
  );
  return (
    <>
      <ol className="nc-timeline-around">
        {timeline.before.map(event)}
        <li className="nc-timeline-here">
          <span className="nc-timeline-date">
            {formatDateRange({ start: timeline.date, precision: timeline.precision })}
          </span>{' '}
          Latest mention of {card.name}
        </li>
        {timeline.after.map(event)}
      </ol>
      {onOpen && (
        <button
          type="button"
          className="nc-read"
          onClick={trusted(() => onOpen({ entityId: card.id, pointId: timeline.pointId, date: timeline.date }))}
        >
          See on the timeline
          <span className="nc-arrow" aria-hidden="true">
            {' →'}
          </span>
        </button>
      )}
    </>
  );
}
