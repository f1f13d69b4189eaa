import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deleteForever, purgeTimeOf, readTrash, restoreFromTrash } from '@/lib/storage/article-trash';
import { TRASH_KEEP_DAYS } from '@/lib/storage/database';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import { ConfirmDialog } from './confirm-dialog';
import { plural } from './import-preview';
import type { Corpus } from './use-corpus';

/** Which permanent deletion the dialog asks about. */
type Forever = { articleIds: string[]; label: string };

/**
 * Deleted articles, kept for a week (issue #14): restore one, delete one for
 * good, or empty the trash. The trash is in the database, so this list (and
 * the Undo it stands for) survives a reload or a restart; the options page
 * purges what is older than a week each time it opens.
 */
export function TrashSection({ corpus, onStatus }: { corpus: Corpus; onStatus: (status: string) => void }) {
  const { db } = corpus.store;
  const trash = useLiveQuery(() => readTrash(corpus.store), [db]);
  const [forever, setForever] = useState<Forever>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  if (!trash || trash.length === 0) return null;

  async function attempt(write: () => Promise<void>) {
    setFailure('');
    setBusy(true);
    try {
      await write();
    } catch (error) {
      setFailure(describeWriteFailure(error, 'edit'));
    } finally {
      setBusy(false);
    }
  }

  const restore = (articleId: string, title: string) =>
    attempt(async () => {
      const result = await restoreFromTrash(corpus.store, [articleId], corpus.catalog);
      corpus.changed();
      onStatus(
        result.restored.length
          ? `Restored “${title}”.`
          : `“${title}” was imported again meanwhile: the copy in the trash was dropped.`,
      );
    });

  const confirmForever = () =>
    attempt(async () => {
      if (!forever) return;
      const gone = await deleteForever(corpus.store, forever.articleIds);
      setForever(undefined);
      onStatus(`Deleted ${gone} ${plural(gone, 'article')} for good.`);
    });

  return (
    <section className="opt-trash" aria-labelledby="opt-trash-title">
      <div className="opt-section-head">
        <div>
          <h3 id="opt-trash-title">
            Trash <span className="opt-count">{trash.length}</span>
          </h3>
          <p className="opt-muted">
            Deleted articles are kept {TRASH_KEEP_DAYS} days, then deleted for good. Restore one to bring it back with
            its highlights and search entries.
          </p>
        </div>
        <button
          type="button"
          className="opt-button opt-danger"
          disabled={busy}
          onClick={() =>
            setForever({
              articleIds: trash.map((row) => row.articleId),
              label: `${trash.length} ${plural(trash.length, 'article')} in the trash`,
            })
          }
        >
          Empty the trash…
        </button>
      </div>
      {failure && (
        <p className="opt-problems" role="alert">
          {failure}
        </p>
      )}
      <ul className="opt-article-list" aria-label="Deleted articles">
        {trash.map((row) => (
          <li key={row.articleId} className="opt-article-row">
            <div className="opt-article-main">
              <div className="opt-article-title" dir="auto">
                {row.article.title}
              </div>
              <div className="opt-meta">
                {row.article.outlet === 'unknown' ? 'Outlet unknown' : row.article.outlet} · deleted{' '}
                {dateOf(row.deletedAt)} · gone for good after {dateOf(purgeTimeOf(row))}
              </div>
            </div>
            <div className="opt-row-actions">
              <button
                type="button"
                className="opt-button opt-small"
                disabled={busy}
                aria-label={`Restore “${row.article.title}”`}
                onClick={() => void restore(row.articleId, row.article.title)}
              >
                Restore
              </button>
              <button
                type="button"
                className="opt-button opt-small opt-quiet"
                disabled={busy}
                aria-label={`Delete “${row.article.title}” for good`}
                onClick={() => setForever({ articleIds: [row.articleId], label: `“${row.article.title}”` })}
              >
                Delete for good…
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={forever !== undefined}
        title="Delete for good?"
        description={
          <p>
            {forever?.label} will be deleted for good: it cannot be restored afterwards, and its text is not kept
            anywhere else in this browser.
          </p>
        }
        confirmLabel="Delete for good"
        cancelLabel="Keep in the trash"
        busy={busy}
        onConfirm={() => void confirmForever()}
        onCancel={() => setForever(undefined)}
      />
    </section>
  );
}

function dateOf(time: number): string {
  return new Date(time).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
