import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { readerPageLink } from '@/lib/extension/reader-page-url';
import { formatPartialDate } from '@/lib/model/format-date';
import { type ImportProblem, WHOLE_FILE } from '@/lib/model/import-problems';
import { restoreFromTrash } from '@/lib/storage/article-trash';
import type { StoredArticle } from '@/lib/storage/database';
import { TRASH_KEEP_DAYS } from '@/lib/storage/database';
import {
  deleteArticles,
  exportCorpus,
  exportFileName,
  type ResetChoices,
  type ResetScope,
  readResetScope,
  resetToSeedCorpus,
  updateArticleMetadata,
} from '@/lib/storage/manage-articles';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import { foldString } from '@/lib/text/fold-text';
import { ConfirmDialog } from './confirm-dialog';
import { plural } from './import-preview';
import { ProblemList } from './problem-list';
import { TrashSection } from './trash-section';
import type { Corpus } from './use-corpus';

type Sort = 'imported-desc' | 'imported-asc' | 'published-desc' | 'title' | 'outlet';
const SORTS: Record<Sort, string> = {
  'imported-desc': 'Newest imported first',
  'imported-asc': 'Oldest imported first',
  'published-desc': 'Newest published first',
  title: 'Title, A to Z',
  outlet: 'Outlet, A to Z',
};
const PAGE = 100;

/**
 * The reader's imported articles: search, sort, edit metadata, delete (to
 * the trash, with Undo that survives a reload: issue #14), export everything
 * as a corpus pack, reset to the seed corpus after a dialog that says what
 * goes and what stays.
 */
export function ArticlesPanel({ corpus }: { corpus: Corpus }) {
  const { db } = corpus.store;
  const articles = useLiveQuery(() => db.articles.toArray(), [db]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('imported-desc');
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<string>();
  const [undo, setUndo] = useState<{ articleIds: string[]; label: string }>();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [resetScope, setResetScope] = useState<ResetScope>();
  const [resetChoices, setResetChoices] = useState<ResetChoices>({ hiddenEntities: true, settings: false });
  const [resetting, setResetting] = useState(false);

  const listed = useMemo(() => {
    const folded = foldString(query.trim());
    const matching = (articles ?? []).filter(
      (article) => !folded || foldString(`${article.title} ${article.outlet} ${article.byline}`).includes(folded),
    );
    return matching.sort(comparator(sort));
  }, [articles, query, sort]);

  /** Runs a write; a failure is shown instead of thrown (each write is one transaction: nothing changed). */
  async function attempt(write: () => Promise<void>) {
    setFailure('');
    try {
      await write();
    } catch (error) {
      setFailure(describeWriteFailure(error, 'edit'));
    }
  }

  async function remove(article: StoredArticle) {
    const articleIds = await deleteArticles(corpus.store, [article.id]);
    corpus.changed();
    // No timer: the article waits in the trash, so Undo stays right until the next action.
    setUndo({ articleIds, label: article.title });
    setStatus('');
  }

  async function undoRemove() {
    if (!undo) return;
    const { restored } = await restoreFromTrash(corpus.store, undo.articleIds, corpus.catalog);
    setUndo(undefined);
    corpus.changed();
    setStatus(restored.length ? `Restored “${undo.label}”.` : 'It was imported again meanwhile; nothing to restore.');
  }

  async function download() {
    const pack = await exportCorpus(corpus.store);
    const blob = new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(
      `Exported ${pack.articles.length} ${plural(pack.articles.length, 'article')} and ${pack.entities?.length ?? 0} ${plural(pack.entities?.length ?? 0, 'entity', 'entities')} to ${exportFileName()}.`,
    );
  }

  async function askReset() {
    setStatus('');
    setResetChoices({ hiddenEntities: true, settings: false });
    setResetScope(await readResetScope(corpus.store));
  }

  async function reset() {
    setResetting(true);
    try {
      const catalog = await resetToSeedCorpus(corpus.store, resetChoices);
      corpus.changed(catalog);
      setUndo(undefined);
      setResetScope(undefined);
      setStatus('Reset done: News Context has its bundled corpus only.');
    } finally {
      setResetting(false);
    }
  }

  return (
    <section className="opt-section" aria-labelledby="opt-articles-title">
      <div className="opt-section-head">
        <div>
          <h2 id="opt-articles-title">Your articles</h2>
          <p className="opt-muted">
            {(articles?.length ?? 0).toLocaleString('en')} imported {plural(articles?.length ?? 0, 'article')}, on top
            of the {corpus.store.index.articles.length} bundled ones.
          </p>
        </div>
        <div className="opt-actions">
          <button type="button" className="opt-button" onClick={() => void attempt(download)}>
            Export everything
          </button>
          <button type="button" className="opt-button opt-danger" onClick={() => void attempt(askReset)}>
            Reset to the seed corpus…
          </button>
        </div>
      </div>

      <div className="opt-live" role="status" aria-live="polite">
        {undo ? (
          <div className="opt-toast">
            <span>
              Moved “{undo.label}” to the trash (kept {TRASH_KEEP_DAYS} days).
            </span>
            <button type="button" className="opt-button opt-small" onClick={() => void attempt(undoRemove)}>
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

      <div className="opt-toolbar">
        <label className="opt-field opt-grow">
          <span className="opt-visually-hidden">Search your articles</span>
          <input
            type="search"
            placeholder="Search by title, outlet or author"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <label className="opt-field opt-inline-label">
          <span>Sort</span>
          <select value={sort} onChange={(event) => setSort(event.currentTarget.value as Sort)}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {articles === undefined ? (
        <p className="opt-muted">Loading…</p>
      ) : listed.length === 0 ? (
        <div className="opt-empty">
          <p>{articles.length ? 'No article matches.' : 'You have not imported any article yet.'}</p>
        </div>
      ) : (
        <ul className="opt-article-list" aria-label="Imported articles">
          {listed.slice(0, shown).map((article) =>
            editing === article.id ? (
              <ArticleEditor
                key={article.id}
                article={article}
                corpus={corpus}
                onClose={(message) => {
                  setEditing(undefined);
                  if (message) setStatus(message);
                }}
              />
            ) : (
              <li key={article.id} className="opt-article-row">
                <div className="opt-article-main">
                  <div className="opt-article-title" dir="auto">
                    {article.title}
                  </div>
                  <div className="opt-meta">
                    {article.outlet === 'unknown' ? 'Outlet unknown' : article.outlet} ·{' '}
                    {formatPartialDate(article.published.date, article.published.precision)}
                    {article.byline !== 'unknown' && ` · ${article.byline}`} · imported{' '}
                    {new Date(article.importedAt).toLocaleDateString('en-GB', {
                      day: 'numeric',
                      month: 'short',
                      year: 'numeric',
                    })}
                  </div>
                </div>
                <div className="opt-row-actions">
                  <a className="opt-button opt-small" href={readerPageLink({ articleId: article.id })}>
                    Read
                  </a>
                  <button type="button" className="opt-button opt-small" onClick={() => setEditing(article.id)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="opt-button opt-small opt-quiet"
                    aria-label={`Delete “${article.title}”`}
                    onClick={() => void attempt(() => remove(article))}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {listed.length > shown && (
        <button type="button" className="opt-button opt-link-button" onClick={() => setShown(shown + PAGE)}>
          Show more ({(listed.length - shown).toLocaleString('en')} left)
        </button>
      )}

      <TrashSection
        corpus={corpus}
        onStatus={(message) => {
          // What the trash did supersedes the last deletion's Undo (the article may be back, or gone for good).
          setUndo(undefined);
          setStatus(message);
        }}
      />

      <ConfirmDialog
        open={resetScope !== undefined}
        title="Reset to the seed corpus?"
        description={<p>{resetScope && resetSummary(resetScope, resetChoices)} It cannot be undone.</p>}
        details={
          resetScope && (
            <ResetDetails
              scope={resetScope}
              choices={resetChoices}
              onChange={setResetChoices}
              onExport={() => void attempt(download)}
            />
          )
        }
        confirmLabel="Reset"
        cancelLabel="Keep everything"
        busy={resetting}
        onConfirm={() => void attempt(reset)}
        onCancel={() => setResetScope(undefined)}
      />
    </section>
  );
}

/** One sentence: what the reset deletes, with the counts. */
function resetSummary(scope: ResetScope, choices: ResetChoices): string {
  const gone = [
    `${scope.articles.toLocaleString('en')} imported ${plural(scope.articles, 'article')}`,
    `${scope.trashedArticles.toLocaleString('en')} ${plural(scope.trashedArticles, 'article')} in the trash`,
    `${scope.entities} ${plural(scope.entities, 'entity', 'entities')} you added or edited`,
    `${scope.candidateDecisions} ${plural(scope.candidateDecisions, 'decision')} on proposed entities`,
  ];
  if (choices.hiddenEntities)
    gone.push(`${scope.hiddenEntities} hidden ${plural(scope.hiddenEntities, 'entity', 'entities')}`);
  if (choices.settings) gone.push('your settings');
  return `This deletes ${gone.slice(0, -1).join(', ')} and ${gone.at(-1)}.`;
}

const MODE_WORDS: Record<ResetScope['highlightMode'], string> = {
  first: 'first mention only',
  every: 'every mention',
};

/** What stays unless ticked, and the way out: export first. */
function ResetDetails({
  scope,
  choices,
  onChange,
  onExport,
}: {
  scope: ResetScope;
  choices: ResetChoices;
  onChange: (next: ResetChoices) => void;
  onExport: () => void;
}) {
  return (
    <div className="opt-reset-details">
      <fieldset className="opt-reset-choices">
        <legend>Also clear</legend>
        <label>
          <input
            type="checkbox"
            checked={choices.hiddenEntities}
            onChange={(event) => onChange({ ...choices, hiddenEntities: event.currentTarget.checked })}
          />{' '}
          Hidden entities ({scope.hiddenEntities}): “Don’t highlight this” and “Not this” are forgotten, so they are
          highlighted again
        </label>
        <label>
          <input
            type="checkbox"
            checked={choices.settings}
            onChange={(event) => onChange({ ...choices, settings: event.currentTarget.checked })}
          />{' '}
          Settings: highlight {MODE_WORDS[scope.highlightMode]}, {scope.pausedSites} paused{' '}
          {plural(scope.pausedSites, 'site')}, {scope.extraSites} added {plural(scope.extraSites, 'site')}
        </label>
      </fieldset>
      <p className="opt-muted">
        Kept: the bundled corpus and knowledge base
        {choices.hiddenEntities ? '' : ', your hidden entities'}
        {choices.settings ? '' : ', your settings'}. Export first if you may want the rest back.
      </p>
      <button type="button" className="opt-button opt-small" onClick={onExport}>
        Export first
      </button>
    </div>
  );
}

function comparator(sort: Sort): (a: StoredArticle, b: StoredArticle) => number {
  const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  switch (sort) {
    case 'imported-desc':
      return (a, b) => b.importedAt - a.importedAt || text(a.title, b.title);
    case 'imported-asc':
      return (a, b) => a.importedAt - b.importedAt || text(a.title, b.title);
    case 'published-desc':
      return (a, b) => text(b.published.date ?? '', a.published.date ?? '') || text(a.title, b.title);
    case 'title':
      return (a, b) => text(a.title, b.title);
    case 'outlet':
      return (a, b) => text(a.outlet, b.outlet) || text(a.title, b.title);
  }
}

function ArticleEditor({
  article,
  corpus,
  onClose,
}: {
  article: StoredArticle;
  corpus: Corpus;
  onClose: (message?: string) => void;
}) {
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    let result: Awaited<ReturnType<typeof updateArticleMetadata>>;
    try {
      result = await updateArticleMetadata(
        corpus.store,
        article.id,
        {
          title: field('title'),
          outlet: field('outlet'),
          byline: field('byline'),
          date: field('date'),
          url: field('url'),
          language: field('language'),
        },
        corpus.catalog,
      );
    } catch (error) {
      result = {
        ok: false,
        problems: [{ file: article.title, field: WHOLE_FILE, reason: describeWriteFailure(error, 'edit') }],
      };
    }
    setBusy(false);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    corpus.changed();
    onClose(`Saved “${result.article.title}”.`);
  }

  const known = (value: string) => (value === 'unknown' ? '' : value);
  return (
    <li className="opt-article-row opt-editing">
      <form className="opt-form" onSubmit={save} aria-label={`Edit ${article.title}`}>
        <label className="opt-field opt-span-2">
          <span>Title</span>
          {/* biome-ignore lint/a11y/noAutofocus: the reader just asked to edit this article */}
          <input name="title" defaultValue={article.title} required maxLength={500} dir="auto" autoFocus />
        </label>
        <label className="opt-field">
          <span>Outlet</span>
          <input name="outlet" defaultValue={known(article.outlet)} />
        </label>
        <label className="opt-field">
          <span>Author</span>
          <input name="byline" defaultValue={known(article.byline)} />
        </label>
        <label className="opt-field">
          <span>Published</span>
          <input name="date" defaultValue={article.published.date ?? ''} placeholder="2026-03-09, 2026-03 or 2026" />
        </label>
        <label className="opt-field">
          <span>Language</span>
          <input name="language" defaultValue={article.language} maxLength={2} required />
        </label>
        <label className="opt-field opt-span-2">
          <span>Web address</span>
          <input name="url" defaultValue={article.url ?? ''} inputMode="url" placeholder="https://…" />
        </label>
        <ProblemList problems={problems} wide />
        <div className="opt-actions opt-span-2">
          <button type="submit" className="opt-button opt-primary" disabled={busy}>
            Save
          </button>
          <button type="button" className="opt-button" onClick={() => onClose()}>
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}
