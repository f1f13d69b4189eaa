import { type FormEvent, useEffect, useState } from 'react';
import {
  firstSeenBackground,
  readSelectionPage,
  type SelectionContext,
  type SelectionDraft,
  selectionContext,
} from '@/lib/extension/selection-entity';
import { importPageDocument } from '@/lib/import/page-import';
import { type ImportProblem, WHOLE_FILE } from '@/lib/model/import-problems';
import { type EntityKind, entityKinds } from '@/lib/model/knowledge-base';
import { createEntity, newEntityNameProblem } from '@/lib/storage/reader-entities';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import { KIND_LABELS } from './candidates-panel';
import { FormActions } from './form-actions';
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
 *
 * From a page's selection, the form reads the sentence it was made in and the
 * page's outlet and date, shows them, starts the background with them, and
 * offers to import the page's article in the same step, so the new entity's
 * card quotes a dated excerpt with its outlet.
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
  /** `note` says what happened to the page's article, when it was imported with the entity. */
  onCreated: (entityId: string, name: string, note?: string) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<EntityKind>('person');
  // A selection is checked at once: a passage, a common word or a known name says so before anything is typed.
  const [problems, setProblems] = useState<ImportProblem[]>(() => {
    const problem = draft && corpus.catalog ? newEntityNameProblem(draft.name, corpus.catalog) : undefined;
    return problem ? [{ file: 'The selection', field: 'name', reason: problem }] : [];
  });
  const [busy, setBusy] = useState(false);
  const page = useSelectionPage(draft);
  const [importPage, setImportPage] = useState(true);

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
      let note: string | undefined;
      if (page.state === 'read' && importPage && draft?.pageUrl) {
        // After the entity exists, so the article is matched with it and its card quotes the sentence.
        const outcome = await importPageDocument(corpus.store, page.doc, draft.pageUrl, result.catalog);
        note =
          outcome.status === 'imported'
            ? 'The page’s article was imported: its card quotes it.'
            : outcome.duplicates.length > 0
              ? 'The page’s article was already in your corpus.'
              : 'The page’s article could not be imported; its sentence is in the background.';
      }
      // Also after an import: the background drops its cached excerpts, so cards quote the new article at once.
      corpus.changed(result.catalog);
      onCreated(result.entityId, field('name'), note);
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
      {page.state === 'read' && <SelectionSource context={page.context} />}
      {page.state === 'reading' && <p className="opt-muted opt-span-2">Reading the page…</p>}
      {page.state === 'unreadable' && (
        <p className="opt-muted opt-span-2">
          The page could not be read again (it was closed or moved on), so its sentence, outlet and date are not shown.
        </p>
      )}
      <label className="opt-field opt-span-2">
        <span>Background</span>
        <textarea
          // Remounted once the page is read: the default takes the sentence, outlet and date.
          key={page.state}
          name="background"
          rows={3}
          maxLength={1200}
          defaultValue={
            page.state === 'read'
              ? firstSeenBackground(page.context, draft?.pageUrl)
              : draft?.pageUrl
                ? `First seen on ${draft.pageUrl}`
                : ''
          }
        />
      </label>
      {page.state === 'read' && draft?.pageUrl && (
        <label className="opt-check opt-span-2">
          <input
            type="checkbox"
            checked={importPage}
            onChange={(event) => setImportPage(event.currentTarget.checked)}
          />
          <span>Also import this page’s article, so the card quotes it with its outlet and date</span>
        </label>
      )}
      <ProblemList problems={problems} wide />
      <FormActions submitLabel="Add entity" busy={busy} onCancel={onCancel} />
    </form>
  );
}

type PageRead =
  | { state: 'none' | 'reading' | 'unreadable' }
  | { state: 'read'; context: SelectionContext; doc: Document };

/** Reads the selection's page once, when the draft names its tab. */
function useSelectionPage(draft: SelectionDraft | undefined): PageRead {
  const [page, setPage] = useState<PageRead>({ state: draft?.tabId === undefined ? 'none' : 'reading' });
  useEffect(() => {
    if (draft?.tabId === undefined) return;
    let live = true;
    void readSelectionPage(draft.tabId, draft.frameId).then((read) => {
      if (!live) return;
      if (!read) {
        setPage({ state: 'unreadable' });
        return;
      }
      // Parsed into an inert document: the page's scripts never run here, its images never load.
      const doc = new DOMParser().parseFromString(read.html, 'text/html');
      setPage({ state: 'read', context: selectionContext(read, doc, draft.pageUrl), doc });
    });
    return () => {
      live = false;
    };
  }, [draft]);
  return page;
}

/** The sentence the selection was made in, with its outlet and date. */
function SelectionSource({ context }: { context: SelectionContext }) {
  const source = [context.outlet, context.date ?? 'date not stated'].filter(Boolean).join(' · ');
  return (
    <figure className="opt-span-2 opt-selection-source" aria-label="Where the selection was made">
      {context.sentence ? (
        <blockquote dir="auto">{context.sentence}</blockquote>
      ) : (
        <p className="opt-muted">The selection’s sentence was not found on the page.</p>
      )}
      <figcaption className="opt-muted">
        {source}
        {context.title ? ` · “${context.title}”` : ''}
      </figcaption>
    </figure>
  );
}
