import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { type BatchOutcome, commitPreparedFiles } from '@/lib/import/commit-import';
import {
  formatBytes,
  type ImportSource,
  MAX_FILE_BYTES,
  readImportFile,
  sourceFromPaste,
} from '@/lib/import/import-sources';
import {
  choosePackEffects,
  defaultPackChoices,
  listPackEffects,
  type PackEffect,
  type PackEffectContext,
  readPackEffectContext,
} from '@/lib/import/pack-effects';
import { type ImportProgress, type PreparedFile, prepareImport } from '@/lib/import/prepare-import';
import { ImportPreview, ImportResults } from './import-preview';
import { PackEffectsChoice } from './pack-effects-choice';
import { ProgressBar } from './progress-bar';
import type { Corpus } from './use-corpus';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number; phase: 'reading' | 'checking'; cancelling?: boolean }
  | {
      kind: 'preview';
      files: PreparedFile[];
      /** Per file: a corpus pack's effects, what the reader ticked, and the data they were compared with. */
      effects: PackEffect[][];
      choices: Set<string>[];
      effectContext?: PackEffectContext;
    }
  | { kind: 'importing'; progress: ImportProgress; cancelling?: boolean }
  | { kind: 'done'; outcome: BatchOutcome; files: PreparedFile[] };

const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.json';

/** The prepared files with each corpus pack reduced to its articles and the effects the reader ticked. */
function chosenFiles(stage: Extract<Stage, { kind: 'preview' }>): PreparedFile[] {
  const { effectContext } = stage;
  return stage.files.map((file, position) =>
    file.pack && effectContext
      ? { ...file, pack: choosePackEffects(file.pack, stage.choices[position] ?? new Set(), effectContext.settings) }
      : file,
  );
}

/** An inert document: DOMParser never runs a script or loads a resource. */
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * Import: files (picker or drag and drop, several at once) or a pasted
 * article → a preview → one transaction per file, with a progress bar and
 * Cancel for large batches.
 */
export function ImportPanel({
  corpus,
  onImported,
  onReviewCandidates,
  candidateCount,
  lookingForCandidates,
}: {
  corpus: Corpus;
  onImported: (articleIds: string[]) => void;
  onReviewCandidates: () => void;
  candidateCount: number;
  lookingForCandidates: boolean;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [failure, setFailure] = useState('');
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const busy = stage.kind === 'reading' || stage.kind === 'importing';

  /** Reading and checking write nothing; if they fail, the reader is told and can start again. */
  async function prepare(read: (signal: AbortSignal) => Promise<ImportSource[]>) {
    setFailure('');
    try {
      await prepareOrThrow(read);
    } catch {
      abort.current = undefined;
      setStage({ kind: 'idle' });
      setFailure('The files could not be checked because of an unexpected error. Nothing was saved; try again.');
    }
  }

  async function prepareOrThrow(read: (signal: AbortSignal) => Promise<ImportSource[]>) {
    const { catalog, store } = corpus;
    if (!catalog) return;
    const controller = new AbortController();
    abort.current = controller;
    const sources = await read(controller.signal);
    if (controller.signal.aborted) {
      setStage({ kind: 'idle' });
      return;
    }
    setStage({ kind: 'reading', phase: 'checking', done: 0, total: sources.length });
    const files = await prepareImport({ ...store, catalog }, sources, {
      signal: controller.signal,
      onProgress: (progress) =>
        setStage((current) => ({
          kind: 'reading',
          phase: 'checking',
          done: progress.done,
          total: progress.total,
          cancelling: current.kind === 'reading' ? current.cancelling : undefined,
        })),
    });
    abort.current = undefined;
    if (controller.signal.aborted && files.length === 0) {
      setStage({ kind: 'idle' });
      return;
    }
    // A corpus pack's side effects are listed and chosen one by one (issue #14).
    const effectContext = files.some((file) => file.pack)
      ? await readPackEffectContext(store.db, store.index.entities)
      : undefined;
    const effects = files.map((file) => (file.pack && effectContext ? listPackEffects(file.pack, effectContext) : []));
    setStage({ kind: 'preview', files, effects, choices: effects.map(defaultPackChoices), effectContext });
  }

  function chooseFiles(list: FileList | null) {
    const files = [...(list ?? [])];
    if (files.length === 0 || busy) return;
    void prepare(async (signal) => {
      const sources: ImportSource[] = [];
      setStage({ kind: 'reading', phase: 'reading', done: 0, total: files.length });
      for (const file of files) {
        if (signal.aborted) break;
        sources.push(await readImportFile(file, parseHtml));
        if (sources.length % 20 === 0) {
          setStage({ kind: 'reading', phase: 'reading', done: sources.length, total: files.length });
        }
      }
      return sources;
    });
  }

  function onPaste(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    if (!field('text').trim()) return;
    void prepare(async () => [
      sourceFromPaste({
        title: field('title'),
        outlet: field('outlet'),
        date: field('date'),
        url: field('url'),
        text: field('text'),
      }),
    ]);
  }

  async function commit(files: PreparedFile[]) {
    const { catalog, store } = corpus;
    if (!catalog) return;
    const controller = new AbortController();
    abort.current = controller;
    const empty = { phase: 'importing' as const, done: 0, total: files.length, imported: 0, duplicates: 0, failed: 0 };
    setStage({ kind: 'importing', progress: empty });
    const outcome = await commitPreparedFiles({ ...store, catalog }, files, {
      signal: controller.signal,
      onProgress: (progress) =>
        setStage((current) => ({
          kind: 'importing',
          progress,
          cancelling: current.kind === 'importing' ? current.cancelling : undefined,
        })),
    });
    abort.current = undefined;
    setStage({ kind: 'done', outcome, files });
    const imported = outcome.outcomes.flatMap((file) => file.imported.map((article) => article.id));
    // A pack may bring only mutes or settings (ticked in its preview): open pages must follow those too (issue #14).
    const packs = new Set(files.filter((file) => file.pack).map((file) => file.file));
    const packLanded = outcome.outcomes.some(
      (file) => packs.has(file.file) && (file.status === 'imported' || file.status === 'nothing-new'),
    );
    if (imported.length || packLanded || outcome.outcomes.some((file) => file.entities > 0)) {
      corpus.changed(outcome.catalog);
    }
    onImported(imported);
  }

  function cancel() {
    abort.current?.abort();
    setStage((current) =>
      current.kind === 'reading' || current.kind === 'importing' ? { ...current, cancelling: true } : current,
    );
  }

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    chooseFiles(event.dataTransfer.files);
  };

  if (stage.kind === 'reading') {
    return (
      <section className="opt-section" aria-labelledby="opt-import-title">
        <h2 id="opt-import-title">Import articles</h2>
        <ProgressBar
          label={stage.phase === 'reading' ? 'Reading files' : 'Checking articles'}
          done={stage.done}
          total={stage.total}
          detail="Nothing is saved until you confirm the preview."
          onCancel={cancel}
          cancelling={stage.cancelling}
        />
      </section>
    );
  }
  if (stage.kind === 'preview') {
    return (
      <ImportPreview
        files={stage.files}
        catalog={corpus.catalog}
        onConfirm={() => void commit(chosenFiles(stage))}
        onBack={() => setStage({ kind: 'idle' })}
        packEffects={(position) => (
          <PackEffectsChoice
            effects={stage.effects[position] ?? []}
            chosen={stage.choices[position] ?? new Set()}
            unicodeNote={stage.files[position]?.packUnicodeNote}
            onChange={(next) =>
              setStage((current) =>
                current.kind === 'preview'
                  ? { ...current, choices: current.choices.map((set, at) => (at === position ? next : set)) }
                  : current,
              )
            }
          />
        )}
      />
    );
  }
  if (stage.kind === 'importing') {
    const { progress } = stage;
    return (
      <section className="opt-section" aria-labelledby="opt-import-title">
        <h2 id="opt-import-title">Importing</h2>
        <ProgressBar
          label="Importing files"
          done={progress.done}
          total={progress.total}
          detail={`${progress.imported.toLocaleString('en')} articles imported · ${progress.duplicates.toLocaleString('en')} duplicates skipped · ${progress.failed.toLocaleString('en')} files failed`}
          onCancel={cancel}
          cancelling={stage.cancelling}
        />
      </section>
    );
  }
  if (stage.kind === 'done') {
    return (
      <ImportResults
        outcome={stage.outcome}
        candidateCount={candidateCount}
        lookingForCandidates={lookingForCandidates}
        onReviewCandidates={onReviewCandidates}
        onAgain={() => setStage({ kind: 'idle' })}
      />
    );
  }

  return (
    <div className="opt-import-grid">
      {failure && (
        <p className="opt-problems opt-span-2" role="alert">
          {failure}
        </p>
      )}
      <section className="opt-section" aria-labelledby="opt-files-title">
        <h2 id="opt-files-title">Import files</h2>
        <p className="opt-muted">
          Text (.txt), Markdown (.md, with optional front matter), web pages (.html) and corpus packs (.json). Several
          at once; up to {formatBytes(MAX_FILE_BYTES)} each. You will see a preview before anything is saved.
        </p>
        <section
          className={`opt-dropzone${dragging ? ' opt-dropzone-active' : ''}`}
          aria-label="Drop files here"
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span className="opt-dropzone-icon" aria-hidden="true">
            ⇪
          </span>
          <p>
            <strong>Drop files here</strong>
            <br />
            <span className="opt-muted">or</span>
          </p>
          <button type="button" className="opt-button opt-primary" onClick={() => input.current?.click()}>
            Choose files…
          </button>
          <input
            ref={input}
            className="opt-visually-hidden"
            type="file"
            multiple
            accept={ACCEPTED}
            aria-label="Files to import"
            tabIndex={-1}
            onChange={(event) => {
              chooseFiles(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </section>
      </section>

      <section className="opt-section" aria-labelledby="opt-paste-title">
        <h2 id="opt-paste-title">Paste an article</h2>
        <form className="opt-form" onSubmit={onPaste}>
          <label className="opt-field opt-span-2">
            <span>Title</span>
            <input name="title" autoComplete="off" placeholder="Optional: taken from the text when left blank" />
          </label>
          <label className="opt-field">
            <span>Outlet</span>
            <input name="outlet" autoComplete="off" placeholder="e.g. Naharnet" />
          </label>
          <label className="opt-field">
            <span>Date</span>
            <input name="date" autoComplete="off" placeholder="2026-03-09" />
          </label>
          <label className="opt-field opt-span-2">
            <span>Web address</span>
            <input name="url" inputMode="url" autoComplete="off" placeholder="https://…" />
          </label>
          <label className="opt-field opt-span-2">
            <span>Text</span>
            <textarea
              name="text"
              className="opt-article-text"
              rows={8}
              required
              placeholder="Paste the article’s text here"
            />
          </label>
          <div className="opt-actions opt-span-2">
            <button type="submit" className="opt-button opt-primary">
              Preview
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
