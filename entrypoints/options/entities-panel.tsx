import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { selectionDraftFrom } from '@/lib/extension/selection-entity';
import { type ImportProblem, WHOLE_FILE } from '@/lib/model/import-problems';
import { type Alias, aliasLanguages, type Entity, type EntityKind, entityKinds } from '@/lib/model/knowledge-base';
import type { ImportCatalog } from '@/lib/storage/imported-corpus';
import { type RemovedEntity, removeEntity, restoreEntity, saveEntity } from '@/lib/storage/reader-entities';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import { foldString } from '@/lib/text/fold-text';
import { KIND_LABELS } from './candidates-panel';
import { ConfirmDialog } from './confirm-dialog';
import { plural } from './import-preview';
import { NewEntityForm } from './new-entity-form';
import { ProblemList } from './problem-list';
import type { Corpus } from './use-corpus';

type Filter = 'all' | 'yours' | 'edited';

/**
 * Every entity, bundled and the reader's: search, pick one, edit its
 * aliases, role, background and kind. Edits of bundled entities are kept as
 * the reader's own version and survive updates of the bundled corpus.
 */
export function EntitiesPanel({
  corpus,
  onProposalsChanged,
}: {
  corpus: Corpus;
  /** A deletion (or its Undo) changed which names are proposed as new entities: look again with this catalog. */
  onProposalsChanged?: (catalog: ImportCatalog) => void;
}) {
  const stored = useLiveQuery(() => corpus.store.db.entities.toArray(), [corpus.store]) ?? [];
  const origins = useMemo(() => new Map(stored.map((entry) => [entry.id, entry.origin])), [stored]);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string>();
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<{ removed: RemovedEntity; label: string }>();
  // "Add to News Context" on a page opens this tab with the selection in the address.
  const [draft] = useState(() => selectionDraftFrom(location.search));
  const [creating, setCreating] = useState(draft !== undefined);
  const entities = corpus.catalog?.entities ?? [];

  const listed = useMemo(() => {
    const folded = foldString(query.trim());
    return entities
      .filter((entity) => {
        const origin = origins.get(entity.id);
        if (filter === 'yours' && origin !== 'user') return false;
        if (filter === 'edited' && origin !== 'override') return false;
        if (!folded) return true;
        return [entity.name, entity.role, ...entity.aliases.map((alias) => alias.text)].some((text) =>
          foldString(text).includes(folded),
        );
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [entities, origins, query, filter]);

  const current = selected ? corpus.catalog?.entityById.get(selected) : undefined;

  async function undoRemove() {
    if (!undo) return;
    setUndo(undefined);
    try {
      const { catalog, restored } = await restoreEntity(corpus.store, undo.removed);
      corpus.changed(catalog);
      if (restored && undo.removed.decisions.length) onProposalsChanged?.(catalog);
      if (restored && undo.removed.stored) setSelected(undo.removed.stored.id);
      setStatus(
        restored ? `Restored “${undo.label}”.` : `“${undo.label}” was saved again meanwhile: the newer version stays.`,
      );
    } catch (error) {
      setStatus(describeWriteFailure(error, 'edit'));
    }
  }

  return (
    <section className="opt-section" aria-labelledby="opt-entities-title">
      <div className="opt-section-head">
        <div>
          <h2 id="opt-entities-title">Entities</h2>
          <p className="opt-muted">
            {entities.length.toLocaleString('en')} entities: the bundled knowledge base, plus{' '}
            {stored.filter((entry) => entry.origin === 'user').length} of yours and{' '}
            {stored.filter((entry) => entry.origin === 'override').length} you edited.
          </p>
        </div>
        <button
          type="button"
          className="opt-button opt-primary"
          onClick={() => {
            setCreating(true);
            setStatus('');
          }}
        >
          New entity
        </button>
      </div>
      <div className="opt-live" role="status" aria-live="polite">
        {undo ? (
          <div className="opt-toast">
            <span>{status}</span>
            <button type="button" className="opt-button opt-small" onClick={() => void undoRemove()}>
              Undo
            </button>
          </div>
        ) : (
          status
        )}
      </div>
      <div className="opt-master-detail">
        <div className="opt-master">
          <div className="opt-toolbar">
            <label className="opt-field opt-grow">
              <span className="opt-visually-hidden">Search entities</span>
              <input
                type="search"
                placeholder="Search entities"
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
              />
            </label>
            <label className="opt-field">
              <span className="opt-visually-hidden">Show</span>
              <select value={filter} onChange={(event) => setFilter(event.currentTarget.value as Filter)}>
                <option value="all">All</option>
                <option value="yours">Added by you</option>
                <option value="edited">Edited by you</option>
              </select>
            </label>
          </div>
          <ul className="opt-entity-list" aria-label="Entities">
            {listed.map((entity) => (
              <li key={entity.id}>
                <button
                  type="button"
                  className="opt-entity-row"
                  aria-current={entity.id === selected ? 'true' : undefined}
                  onClick={() => {
                    setSelected(entity.id);
                    setCreating(false);
                    setStatus('');
                    setUndo(undefined);
                  }}
                >
                  <span className={`opt-dot opt-kind-${entity.kind}`} aria-hidden="true" />
                  <span className="opt-entity-name" dir="auto">
                    {entity.name}
                  </span>
                  {origins.get(entity.id) === 'user' && <span className="opt-badge">yours</span>}
                  {origins.get(entity.id) === 'override' && <span className="opt-badge">edited</span>}
                </button>
              </li>
            ))}
            {listed.length === 0 && <li className="opt-muted opt-pad">No entity matches.</li>}
          </ul>
        </div>
        <div className="opt-detail">
          {creating ? (
            <NewEntityForm
              corpus={corpus}
              draft={draft}
              onCancel={() => setCreating(false)}
              onCreated={(entityId, name) => {
                setCreating(false);
                setSelected(entityId);
                setStatus(`Added “${name}”. It is highlighted on open news pages now.`);
              }}
            />
          ) : current ? (
            <EntityEditor
              key={`${current.id}-${origins.get(current.id) ?? 'bundled'}`}
              entity={current}
              origin={origins.get(current.id)}
              corpus={corpus}
              setStatus={(next) => {
                setUndo(undefined);
                setStatus(next);
              }}
              onRemoved={(removed, message, catalog) => {
                if (origin(removed) === 'user') setSelected(undefined);
                if (removed.decisions.length) onProposalsChanged?.(catalog);
                setStatus(message);
                setUndo({ removed, label: current.name });
              }}
            />
          ) : (
            <div className="opt-empty">
              <p>Choose an entity to see and edit its names, role and background.</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function origin(removed: RemovedEntity): 'user' | 'override' | undefined {
  return removed.stored?.origin;
}

function EntityEditor({
  entity,
  origin,
  corpus,
  setStatus,
  onRemoved,
}: {
  entity: Entity;
  origin: 'user' | 'override' | undefined;
  corpus: Corpus;
  setStatus: (status: string) => void;
  /** After a deletion or a return to the bundled version: the panel offers Undo. */
  onRemoved: (removed: RemovedEntity, message: string, catalog: ImportCatalog) => void;
}) {
  const [kind, setKind] = useState<EntityKind>(entity.kind);
  const [aliases, setAliases] = useState<Alias[]>(entity.aliases);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const date = field('date');
    setBusy(true);
    setStatus('');
    const { date: _date, ...rest } = entity;
    let result: Awaited<ReturnType<typeof saveEntity>>;
    try {
      result = await saveEntity(
        corpus.store,
        {
          ...rest,
          kind,
          name: field('name'),
          role: field('role'),
          background: field('background'),
          aliases: aliases.filter((alias) => alias.text.trim()),
          ...(kind === 'event' ? { date: { start: date, precision: precisionOf(date) } } : {}),
        },
        entity.name,
      );
    } catch (error) {
      setBusy(false);
      setProblems([{ file: entity.name, field: WHOLE_FILE, reason: describeWriteFailure(error, 'edit') }]);
      return;
    }
    setBusy(false);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    setStatus('Saved. Open pages are highlighted again with your changes.');
    corpus.changed(result.catalog);
  }

  async function remove() {
    setBusy(true);
    let change: Awaited<ReturnType<typeof removeEntity>>;
    try {
      change = await removeEntity(corpus.store, entity.id);
    } catch (error) {
      setBusy(false);
      setConfirming(false);
      setProblems([{ file: entity.name, field: WHOLE_FILE, reason: describeWriteFailure(error, 'edit') }]);
      return;
    }
    setBusy(false);
    setConfirming(false);
    corpus.changed(change.catalog);
    onRemoved(
      change.removed,
      origin === 'user'
        ? `Deleted “${entity.name}”.`
        : `Your edits of “${entity.name}” were removed: this is the bundled version again.`,
      change.catalog,
    );
  }

  const fromCandidate = useLiveQuery(
    () => corpus.store.db.candidateDecisions.filter((decision) => decision.entityId === entity.id).count(),
    [corpus.store, entity.id],
  );

  const setAlias = (position: number, change: Partial<Alias>) =>
    setAliases(aliases.map((alias, index) => (index === position ? { ...alias, ...change } : alias)));

  return (
    <form className="opt-form opt-entity-form" onSubmit={save} aria-label={`Edit ${entity.name}`}>
      <div className="opt-span-2 opt-editor-head">
        <h3 dir="auto">{entity.name}</h3>
        <span className="opt-muted">
          {origin === 'user' ? 'Added by you' : origin === 'override' ? 'Bundled, edited by you' : 'Bundled'}
        </span>
      </div>
      <label className="opt-field">
        <span>Name</span>
        <input name="name" defaultValue={entity.name} required />
      </label>
      <label className="opt-field">
        <span>Kind</span>
        <select value={kind} onChange={(event) => setKind(event.currentTarget.value as EntityKind)}>
          {entityKinds.map((option) => (
            <option key={option} value={option}>
              {KIND_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      {kind === 'event' && (
        <label className="opt-field">
          <span>Date</span>
          <input name="date" defaultValue={entity.date?.start ?? ''} required placeholder="2024-11-27" />
        </label>
      )}
      <label className="opt-field opt-span-2">
        <span>Role, in one line</span>
        <input name="role" defaultValue={entity.role} maxLength={160} required />
      </label>
      <label className="opt-field opt-span-2">
        <span>Background</span>
        <textarea name="background" defaultValue={entity.background} rows={4} maxLength={1200} required />
      </label>
      <fieldset className="opt-span-2 opt-aliases">
        <legend>
          Names it goes by ({aliases.length} {plural(aliases.length, 'alias', 'aliases')})
        </legend>
        <table>
          <thead>
            <tr>
              <th scope="col">Alias</th>
              <th scope="col">Language</th>
              <th scope="col" title="Matches only in this exact case, like UN or AP">
                Exact case
              </th>
              <th scope="col" title="A surname or shared name: highlighted only with the full name or a title nearby">
                Surname only
              </th>
              <th scope="col">
                <span className="opt-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {aliases.map((alias, position) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: aliases are edited in place; their text is what changes
              <tr key={position}>
                <td>
                  <input
                    aria-label={`Alias ${position + 1}`}
                    value={alias.text}
                    dir="auto"
                    onChange={(event) => setAlias(position, { text: event.currentTarget.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Language of alias ${position + 1}`}
                    value={alias.lang}
                    onChange={(event) => setAlias(position, { lang: event.currentTarget.value as Alias['lang'] })}
                  >
                    {aliasLanguages.map((lang) => (
                      <option key={lang} value={lang}>
                        {lang}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Alias ${position + 1} matches in exact case only`}
                    checked={alias.caseSensitive === true}
                    onChange={(event) =>
                      setAlias(position, { caseSensitive: event.currentTarget.checked || undefined })
                    }
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Alias ${position + 1} is a surname only`}
                    checked={alias.ambiguous === true}
                    onChange={(event) => setAlias(position, { ambiguous: event.currentTarget.checked || undefined })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="opt-button opt-quiet opt-small"
                    aria-label={`Remove alias ${alias.text || position + 1}`}
                    onClick={() => setAliases(aliases.filter((_, index) => index !== position))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="opt-button opt-small"
          onClick={() => setAliases([...aliases, { text: '', lang: 'en' }])}
        >
          Add an alias
        </button>
      </fieldset>
      <ProblemList problems={problems} wide />
      <div className="opt-actions opt-span-2">
        <button type="submit" className="opt-button opt-primary" disabled={busy}>
          Save
        </button>
        {origin === 'override' && (
          <button type="button" className="opt-button" disabled={busy} onClick={() => void remove()}>
            Restore the bundled version
          </button>
        )}
        {origin === 'user' && (
          <button type="button" className="opt-button opt-danger" disabled={busy} onClick={() => setConfirming(true)}>
            Delete this entity…
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${entity.name}”?`}
        description={
          <p>
            {entity.aliases.length > 1 ? `“${entity.name}” and its ${entity.aliases.length} names` : `“${entity.name}”`}{' '}
            will no longer be highlighted on any page, and its card goes. Your articles that mention it are kept.
            {fromCandidate
              ? ' It was added from a proposed entity: that one will be proposed again in New entities.'
              : ''}{' '}
            You can undo right after.
          </p>
        }
        confirmLabel="Delete entity"
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}

function precisionOf(date: string): 'day' | 'month' | 'year' | 'unknown' {
  const parts = date ? date.split('-').length : 0;
  return parts === 3 ? 'day' : parts === 2 ? 'month' : parts === 1 ? 'year' : 'unknown';
}
