import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { StoredFeedback } from '@/lib/storage/database';
import {
  readFeedback,
  readSettings,
  removeFeedback,
  restoreFeedback,
  setSitePaused,
} from '@/lib/storage/settings-store';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import type { Corpus } from './use-corpus';

/** What was just shown again, so Undo can hide it again. */
type Undo = { label: string } & ({ kind: 'feedback'; rows: StoredFeedback[] } | { kind: 'site'; site: string });

/**
 * Everything the reader hid (issue #14): entities muted with "Don't
 * highlight this" (everywhere), entities turned off on one site with "Not
 * this", and sites where annotation is paused. Before, a mute was permanent
 * and listed nowhere: a misclick on a card hid an entity for good. Each row
 * shows it again in one click, and that click can be undone too.
 *
 * Open pages follow at once: every change tells the background, which asks
 * open tabs to annotate again.
 */
export function HiddenPanel({ corpus }: { corpus: Corpus }) {
  const { db } = corpus.store;
  const feedback = useLiveQuery(() => readFeedback(db), [db]);
  const paused = useLiveQuery(async () => (await readSettings(db)).pausedSites, [db]);
  const [undo, setUndo] = useState<Undo>();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const nameOf = (entityId: string) => corpus.catalog?.entityById.get(entityId)?.name;
  const mutes = (feedback ?? []).filter((row) => row.verdict === 'dont-highlight');
  const notThis = (feedback ?? []).filter((row) => row.verdict === 'not-this');

  /** Runs a write; a failure is shown instead of thrown (each write is one transaction: nothing changed). */
  async function attempt(write: () => Promise<void>) {
    setFailure('');
    try {
      await write();
      corpus.changed();
    } catch (error) {
      setFailure(describeWriteFailure(error, 'edit'));
    }
  }

  const unmute = (row: StoredFeedback, label: string) =>
    attempt(async () => {
      const rows = await removeFeedback(db, [row.id as number]);
      setUndo({ kind: 'feedback', rows, label });
      setStatus('');
    });

  const resume = (site: string) =>
    attempt(async () => {
      await setSitePaused(db, site, false);
      setUndo({ kind: 'site', site, label: `Annotation resumed on ${site}.` });
      setStatus('');
    });

  const undoLast = () =>
    attempt(async () => {
      if (!undo) return;
      if (undo.kind === 'feedback') await restoreFeedback(db, undo.rows);
      else await setSitePaused(db, undo.site, true);
      setUndo(undefined);
      setStatus('Hidden again.');
    });

  const total = mutes.length + notThis.length + (paused?.length ?? 0);

  return (
    <section className="opt-section" aria-labelledby="opt-hidden-title">
      <div className="opt-section-head">
        <div>
          <h2 id="opt-hidden-title">Hidden entities</h2>
          <p className="opt-muted">
            What you asked News Context not to highlight, from a card’s “Don’t highlight this” and “Not this”, and the
            sites where you paused it. Show any of them again here.
          </p>
        </div>
      </div>

      <div className="opt-live" role="status" aria-live="polite">
        {undo ? (
          <div className="opt-toast">
            <span>{undo.label}</span>
            <button type="button" className="opt-button opt-small" onClick={() => void undoLast()}>
              Undo
            </button>
          </div>
        ) : (
          status
        )}
      </div>
      {failure && (
        <p className="opt-problems" role="alert">
          {failure}
        </p>
      )}

      {feedback === undefined || paused === undefined ? (
        <p className="opt-muted">Loading…</p>
      ) : total === 0 ? (
        <div className="opt-empty">
          <p>Nothing is hidden: every entity is highlighted on every news site.</p>
        </div>
      ) : (
        <>
          <HiddenList
            title="Never highlighted"
            lead="Muted everywhere with “Don’t highlight this”."
            rows={mutes.map((row) => ({
              key: String(row.id),
              name: nameOf(row.entityId),
              entityId: row.entityId,
              detail: `on every site · since ${dateOf(row.createdAt)}`,
              action: 'Unmute',
              actionLabel: `Unmute ${nameOf(row.entityId) ?? row.entityId}`,
              onAction: () => void unmute(row, `${nameOf(row.entityId) ?? row.entityId} is highlighted again.`),
            }))}
          />
          <HiddenList
            title="Not highlighted on one site"
            lead="Turned off on a site with “Not this”: the name there meant someone or something else."
            rows={notThis.map((row) => ({
              key: String(row.id),
              name: nameOf(row.entityId),
              entityId: row.entityId,
              detail: `on ${row.site} · since ${dateOf(row.createdAt)}`,
              action: 'Unmute',
              actionLabel: `Unmute ${nameOf(row.entityId) ?? row.entityId} on ${row.site}`,
              onAction: () =>
                void unmute(row, `${nameOf(row.entityId) ?? row.entityId} is highlighted on ${row.site} again.`),
            }))}
          />
          <HiddenList
            title="Paused sites"
            lead="Nothing is highlighted on these sites until you resume."
            rows={paused.map((site) => ({
              key: site,
              name: site,
              entityId: site,
              detail: 'annotation paused',
              action: 'Resume',
              actionLabel: `Resume annotation on ${site}`,
              onAction: () => void resume(site),
            }))}
          />
        </>
      )}
    </section>
  );
}

interface HiddenRow {
  key: string;
  /** Undefined when the entity is no longer in the knowledge base (a deleted entity of the reader's). */
  name: string | undefined;
  entityId: string;
  detail: string;
  action: string;
  /** The button's accessible name, telling rows of one entity on two sites apart. */
  actionLabel: string;
  onAction: () => void;
}

function HiddenList({ title, lead, rows }: { title: string; lead: string; rows: HiddenRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="opt-hidden-group">
      <h3>
        {title} <span className="opt-count">{rows.length}</span>
      </h3>
      <p className="opt-muted">{lead}</p>
      <ul className="opt-article-list" aria-label={title}>
        {rows.map((row) => (
          <li key={row.key} className="opt-article-row">
            <div className="opt-article-main">
              <div className="opt-article-title" dir="auto">
                {row.name ?? row.entityId}
                {row.name === undefined && <span className="opt-badge">no longer an entity</span>}
              </div>
              <div className="opt-meta">{row.detail}</div>
            </div>
            <div className="opt-row-actions">
              <button
                type="button"
                className="opt-button opt-small"
                aria-label={row.actionLabel}
                onClick={row.onAction}
              >
                {row.action}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function dateOf(time: number): string {
  return new Date(time).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
