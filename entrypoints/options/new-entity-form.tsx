import { type FormEvent, useState } from 'react';
import type { SelectionDraft } from '@/lib/extension/selection-entity';
import { type ImportProblem, WHOLE_FILE } from '@/lib/model/import-problems';
import { type EntityKind, entityKinds } from '@/lib/model/knowledge-base';
import { createEntity, newEntityNameProblem } from '@/lib/storage/reader-entities';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import { KIND_LABELS } from './candidates-panel';
import { ProblemList } from './problem-list';
import type { Corpus } from './use-corpus';

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * "New entity" in the Entities tab (issue #11): an entity from scratch, for
 * a name the importer did not propose. Surnames typed in their own field are
 * stored as surname-only aliases, highlighted only beside the full name or a
 * title, as the bundled ones are.
 */
export function NewEntityForm({
  corpus,
  draft,
  onCreated,
  onCancel,
}: {
  corpus: Corpus;
  /** A selection from a news page ("Add to News Context"). */
  draft?: SelectionDraft;
  onCreated: (entityId: string, name: string) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<EntityKind>('person');
  // A selection is checked at once: a passage, a common word or a known name says so before anything is typed.
  const [problems, setProblems] = useState<ImportProblem[]>(() => {
    const problem = draft && corpus.catalog ? newEntityNameProblem(draft.name, corpus.catalog) : undefined;
    return problem ? [{ file: 'The selection', field: 'name', reason: problem }] : [];
  });
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const catalog = corpus.catalog;
    if (!catalog) return;
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    try {
      const result = await createEntity(
        corpus.store,
        {
          name: field('name'),
          kind,
          aliases: list(field('aliases')),
          surnames: kind === 'person' ? list(field('surnames')) : [],
          role: field('role'),
          background: field('background'),
          date: field('date'),
        },
        catalog,
      );
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      corpus.changed(result.catalog);
      onCreated(result.entityId, field('name'));
    } catch (error) {
      setProblems([
        { file: field('name') || 'New entity', field: WHOLE_FILE, reason: describeWriteFailure(error, 'edit') },
      ]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="opt-form opt-entity-form" onSubmit={(event) => void submit(event)} aria-label="New entity">
      <div className="opt-span-2 opt-editor-head">
        <h3>New entity</h3>
        <span className="opt-muted">Highlighted on open news pages as soon as you add it</span>
      </div>
      <label className="opt-field">
        <span>Name</span>
        <input
          name="name"
          required
          // biome-ignore lint/a11y/noAutofocus: the reader just asked for this form; the name comes first
          autoFocus
          defaultValue={draft?.name.slice(0, 120) ?? ''}
          maxLength={120}
          placeholder="e.g. Simon Karam"
        />
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
          <span>Date of the event</span>
          <input name="date" required placeholder="2025-12-03, 2025-12 or 2025" />
        </label>
      )}
      <label className="opt-field opt-span-2">
        <span>Other names (aliases), separated by commas</span>
        <input name="aliases" dir="auto" placeholder="e.g. سيمون كرم" />
      </label>
      {kind === 'person' && (
        <label className="opt-field opt-span-2">
          <span>Surname alone, separated by commas (highlighted only beside the full name or a title)</span>
          <input name="surnames" placeholder="e.g. Karam" />
        </label>
      )}
      <label className="opt-field opt-span-2">
        <span>Role, in one line</span>
        <input name="role" maxLength={160} placeholder="e.g. Head of Lebanon’s civilian delegation to the talks" />
      </label>
      <label className="opt-field opt-span-2">
        <span>Background</span>
        <textarea
          name="background"
          rows={3}
          maxLength={1200}
          defaultValue={draft?.pageUrl ? `First seen on ${draft.pageUrl}` : ''}
        />
      </label>
      <ProblemList problems={problems} wide />
      <div className="opt-actions opt-span-2">
        <button type="submit" className="opt-button opt-primary" disabled={busy}>
          Add entity
        </button>
        <button type="button" className="opt-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
