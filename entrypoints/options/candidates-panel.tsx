import { type FormEvent, useId, useMemo, useState } from 'react';
import type { EntityCandidate } from '@/lib/import/entity-candidates';
import type { ImportProblem } from '@/lib/model/import-problems';
import { type EntityKind, entityKinds } from '@/lib/model/knowledge-base';
import type { StoredCandidateDecision } from '@/lib/storage/database';
import { acceptCandidate, dismissCandidate, mergeCandidate, type NewEntityFields } from '@/lib/storage/reader-entities';
import { FormActions } from './form-actions';
import { plural } from './import-preview';
import { ProblemList } from './problem-list';
import { ProgressBar } from './progress-bar';
import type { useCandidates } from './use-candidates';
import type { Corpus } from './use-corpus';

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
};

/** Candidates shown at once; the rest come with "Show more". */
const PAGE = 20;

/**
 * Candidate entities found in imported articles: accept (a new entity, with
 * kind and aliases), merge into an existing entity as an alias, or dismiss.
 * Accepted entities are highlighted on open pages at once.
 */
export function CandidatesPanel({
  corpus,
  candidates,
}: {
  corpus: Corpus;
  candidates: ReturnType<typeof useCandidates>;
}) {
  const { scan, look, decided, stop, decisions, undo } = candidates;
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState(PAGE);
  const list = scan.candidates.slice(0, shown);

  return (
    <section className="opt-section" aria-labelledby="opt-candidates-title">
      <div className="opt-section-head">
        <div>
          <h2 id="opt-candidates-title">New entities</h2>
          <p className="opt-muted">
            Names that appear in your imported articles but that News Context does not know yet. Add the ones that
            matter: they are highlighted on news pages at once, and their cards quote your articles.
          </p>
        </div>
        <button
          type="button"
          className="opt-button"
          onClick={() => void look(undefined, { rescan: true })}
          disabled={scan.progress !== undefined}
        >
          Look in all imported articles
        </button>
      </div>
      <p className="opt-live" role="status" aria-live="polite">
        {status}
      </p>
      {scan.error && (
        <p className="opt-problems" role="alert">
          Looking for new names failed ({scan.error}). Try again with “Look in all imported articles”.
        </p>
      )}
      {scan.progress ? (
        <ProgressBar
          label="Reading articles for names"
          done={scan.progress.done}
          total={scan.progress.total}
          onCancel={stop}
        />
      ) : scan.candidates.length === 0 ? (
        <div className="opt-empty">
          <p>
            {scan.articlesRead > 0
              ? `No new names found in ${scan.articlesRead.toLocaleString('en')} ${plural(scan.articlesRead, 'article')}.`
              : 'Import articles, or look in the ones you imported before, to see names News Context could learn.'}
          </p>
        </div>
      ) : (
        <>
          <p className="opt-muted">
            {scan.candidates.length.toLocaleString('en')} {plural(scan.candidates.length, 'name')} found in{' '}
            {scan.articlesRead.toLocaleString('en')} {plural(scan.articlesRead, 'article')}
            {scan.partial && ' (the most recent ones; look again after deciding about these)'}.
          </p>
          <ol className="opt-candidate-list">
            {list.map((candidate) => (
              <CandidateCard
                key={candidate.key}
                candidate={candidate}
                corpus={corpus}
                onDone={(message) => {
                  decided();
                  setStatus(message);
                }}
              />
            ))}
          </ol>
          {scan.candidates.length > list.length && (
            <button type="button" className="opt-button opt-link-button" onClick={() => setShown(shown + PAGE)}>
              Show more ({(scan.candidates.length - list.length).toLocaleString('en')} left)
            </button>
          )}
        </>
      )}
      <DecisionList
        decisions={decisions}
        corpus={corpus}
        onUndo={(key, label) =>
          void undo(key).then(
            () => setStatus(`Undone: “${label}” is proposed again.`),
            () => setStatus(`Could not undo “${label}”; try again.`),
          )
        }
      />
    </section>
  );
}

const DECISION_LABELS: Record<StoredCandidateDecision['decision'], string> = {
  accepted: 'Added',
  merged: 'Added as another name',
  dismissed: 'Dismissed',
};

/** The reader's recent decisions about candidates, each with Undo. */
function DecisionList({
  decisions,
  corpus,
  onUndo,
}: {
  decisions: readonly StoredCandidateDecision[];
  corpus: Corpus;
  onUndo: (key: string, label: string) => void;
}) {
  if (!decisions.length) return null;
  return (
    <details className="opt-decisions">
      <summary>Your decisions ({decisions.length.toLocaleString('en')})</summary>
      <ul>
        {decisions.map((decision) => {
          const entity = decision.entityId ? corpus.catalog?.entityById.get(decision.entityId) : undefined;
          return (
            <li key={decision.key}>
              <span dir="auto">{decision.decision === 'accepted' && entity ? entity.name : decision.key}</span>
              <span className="opt-muted">
                {' '}
                {DECISION_LABELS[decision.decision]}
                {entity && decision.decision === 'merged' ? ` to ${entity.name}` : ''}
              </span>{' '}
              <button
                type="button"
                className="opt-button opt-link-button"
                aria-label={`Undo: ${decision.decision === 'accepted' && entity ? entity.name : decision.key}`}
                onClick={() =>
                  onUndo(decision.key, decision.decision === 'accepted' && entity ? entity.name : decision.key)
                }
              >
                Undo
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

type Mode = 'idle' | 'accept' | 'merge';

function CandidateCard({
  candidate,
  corpus,
  onDone,
}: {
  candidate: EntityCandidate;
  corpus: Corpus;
  onDone: (message: string) => void;
}) {
  const [mode, setMode] = useState<Mode>('idle');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function run(action: () => Promise<string | ImportProblem[]>) {
    setBusy(true);
    setProblems([]);
    try {
      const result = await action();
      if (typeof result === 'string') onDone(result);
      else setProblems(result);
    } catch {
      setProblems([{ file: candidate.name, field: 'the whole entity', reason: 'could not be saved; try again' }]);
    } finally {
      setBusy(false);
    }
  }

  function add(fields: NewEntityFields) {
    const catalog = corpus.catalog;
    if (!catalog) return;
    void run(async () => {
      const result = await acceptCandidate(corpus.store, candidate, fields, catalog);
      if (!result.ok) return result.problems;
      corpus.changed(result.catalog);
      return `Added “${fields.name || candidate.name}”. It is highlighted on open news pages now.`;
    });
  }

  function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    add({
      name: field('name'),
      kind: field('kind') as EntityKind,
      aliases: field('aliases').split(','),
      surnames: field('surname') ? [field('surname')] : [],
      role: field('role'),
      date: field('date'),
    });
  }

  function merge(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const catalog = corpus.catalog;
    if (!catalog) return;
    const target = String(new FormData(event.currentTarget).get('target') ?? '');
    void run(async () => {
      const result = await mergeCandidate(corpus.store, candidate, target, catalog);
      if (!result.ok) return result.problems;
      corpus.changed(result.catalog);
      const name = result.catalog.entityById.get(target)?.name ?? target;
      return `“${candidate.name}” is now another name for ${name}.`;
    });
  }

  return (
    <li className="opt-candidate" aria-labelledby={`${id}-name`}>
      <div className="opt-candidate-head">
        <h3 id={`${id}-name`} dir="auto">
          {candidate.name}
        </h3>
        <span className={`opt-chip opt-kind-${candidate.kind}`} title={candidate.kindReason}>
          {KIND_LABELS[candidate.kind]}?
        </span>
        <span className="opt-muted">
          {candidate.count.toLocaleString('en')} {plural(candidate.count, 'mention')} in{' '}
          {candidate.articleCount.toLocaleString('en')} {plural(candidate.articleCount, 'article')}
        </span>
      </div>
      {candidate.role && (
        <p className="opt-candidate-role">
          <span className="opt-muted">Role: </span>
          <span dir="auto">{candidate.role}</span>
          {candidate.roleExample && <cite dir="auto"> ({candidate.roleExample.articleTitle})</cite>}
        </p>
      )}
      {candidate.kindReason && !candidate.kindReason.startsWith('described as') && (
        <p className="opt-muted opt-candidate-reason">
          {KIND_LABELS[candidate.kind]}? {candidate.kindReason}.
        </p>
      )}
      {candidate.otherForms && candidate.otherForms.length > 0 && (
        <p className="opt-muted opt-candidate-reason">
          Also written{' '}
          {candidate.otherForms.map((form, position) => (
            <span key={form}>
              {position > 0 && ', '}“<bdi>{form}</bdi>”
            </span>
          ))}
          : added as other names too.
        </p>
      )}
      {candidate.surname && (
        <p className="opt-muted opt-candidate-reason">
          “{candidate.surname}” alone is added too, highlighted only beside the full name or a title.
        </p>
      )}
      <ul className="opt-examples" aria-label="Examples">
        {candidate.examples.map((example) => (
          <li key={`${example.articleId}-${example.before.length}`}>
            <blockquote dir="auto">
              {example.before}
              <mark>{example.mention}</mark>
              {example.after}
            </blockquote>
            <cite dir="auto">{example.articleTitle}</cite>
          </li>
        ))}
      </ul>
      <ProblemList problems={problems} />
      {mode === 'idle' && (
        <div className="opt-actions">
          <button
            type="button"
            className="opt-button opt-primary"
            disabled={busy || candidate.kind === 'event'}
            title={candidate.kind === 'event' ? 'An event needs a date: use “Edit, then add…”' : undefined}
            onClick={() =>
              add({
                name: candidate.name,
                kind: candidate.kind,
                aliases: candidate.otherForms ?? [],
                surnames: candidate.surname ? [candidate.surname] : [],
                ...(candidate.role ? { role: candidate.role } : {}),
              })
            }
          >
            Add {candidate.name}
          </button>
          <button type="button" className="opt-button" onClick={() => setMode('accept')}>
            Edit, then add…
          </button>
          <button type="button" className="opt-button" onClick={() => setMode('merge')}>
            Add to an existing entity…
          </button>
          <button
            type="button"
            className="opt-button opt-quiet"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await dismissCandidate(corpus.store, candidate.key);
                return `Dismissed “${candidate.name}”. It will not be proposed again.`;
              })
            }
          >
            Dismiss
          </button>
        </div>
      )}
      {mode === 'accept' && (
        <AcceptForm candidate={candidate} busy={busy} onSubmit={accept} onCancel={() => setMode('idle')} />
      )}
      {mode === 'merge' && (
        <MergeForm
          candidate={candidate}
          corpus={corpus}
          busy={busy}
          onSubmit={merge}
          onCancel={() => setMode('idle')}
        />
      )}
    </li>
  );
}

function AcceptForm({
  candidate,
  busy,
  onSubmit,
  onCancel,
}: {
  candidate: EntityCandidate;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<EntityKind>(candidate.kind);
  return (
    <form className="opt-form opt-inline-form" onSubmit={onSubmit} aria-label={`Add ${candidate.name}`}>
      <label className="opt-field">
        <span>Name</span>
        {/* biome-ignore lint/a11y/noAutofocus: the reader just asked for this form; the name is what they check first */}
        <input name="name" defaultValue={candidate.name} required autoFocus />
      </label>
      <label className="opt-field">
        <span>Kind</span>
        <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as EntityKind)}>
          {entityKinds.map((option) => (
            <option key={option} value={option}>
              {KIND_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <label className="opt-field opt-span-2">
        <span>Other names (aliases), separated by commas</span>
        <input
          name="aliases"
          dir="auto"
          defaultValue={(candidate.otherForms ?? []).join(', ')}
          placeholder="e.g. مورغان أورتاغوس"
        />
      </label>
      {kind === 'person' && (
        <label className="opt-field opt-span-2">
          <span>Surname alone (highlighted only where the full name or a title is on the page)</span>
          <input name="surname" defaultValue={candidate.surname ?? ''} placeholder="e.g. Ortagus" />
        </label>
      )}
      <label className="opt-field opt-span-2">
        <span>Role, in one line</span>
        <input
          name="role"
          maxLength={160}
          defaultValue={candidate.role ?? ''}
          placeholder="e.g. US deputy special envoy for the Middle East"
        />
      </label>
      {kind === 'event' && (
        <label className="opt-field">
          <span>Date of the event</span>
          <input name="date" required placeholder="2026-03-09, 2026-03 or 2026" />
        </label>
      )}
      <FormActions submitLabel="Add entity" busy={busy} onCancel={onCancel} />
    </form>
  );
}

function MergeForm({
  candidate,
  corpus,
  busy,
  onSubmit,
  onCancel,
}: {
  candidate: EntityCandidate;
  corpus: Corpus;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}) {
  const entities = useMemo(
    () => [...(corpus.catalog?.entities ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [corpus.catalog],
  );
  return (
    <form className="opt-form opt-inline-form" onSubmit={onSubmit} aria-label={`Add ${candidate.name} to an entity`}>
      <label className="opt-field opt-span-2">
        <span>“{candidate.name}” is another name for</span>
        <select name="target" required defaultValue="">
          <option value="" disabled>
            Choose an entity…
          </option>
          {entityKinds.map((kind) => (
            <optgroup key={kind} label={`${KIND_LABELS[kind]}s`}>
              {entities
                .filter((entity) => entity.kind === kind)
                .map((entity) => (
                  <option key={entity.id} value={entity.id}>
                    {entity.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <FormActions submitLabel="Add as alias" busy={busy} onCancel={onCancel} />
    </form>
  );
}
