import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { formatBytes } from '@/lib/import/import-sources';
import type { Corpus } from './use-corpus';

interface Usage {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/**
 * How much space the reader's data takes (`navigator.storage.estimate()`),
 * and persistent storage: with it, the browser does not evict our data when
 * the disk runs low. The extension also asks for `unlimitedStorage`.
 */
export function StoragePanel({ corpus }: { corpus: Corpus }) {
  const { db } = corpus.store;
  const [usage, setUsage] = useState<Usage>({});
  const [message, setMessage] = useState('');
  const counts = useLiveQuery(
    async () => ({
      articles: await db.articles.count(),
      entities: await db.entities.count(),
      mentions: await db.mentions.count(),
      feedback: await db.feedback.count(),
    }),
    [db],
  );

  const refresh = useCallback(async () => {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const persisted = await navigator.storage?.persisted?.().catch(() => undefined);
    setUsage({ usage: estimate?.usage, quota: estimate?.quota, persisted });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function persist() {
    const granted = await navigator.storage?.persist?.().catch(() => false);
    setMessage(
      granted
        ? 'Done: the browser will keep your data even when space runs low.'
        : 'The browser did not grant it. Your data is still kept; it could only be cleared if the disk runs very low.',
    );
    await refresh();
  }

  const share = usage.usage !== undefined && usage.quota ? Math.min(1, usage.usage / usage.quota) : undefined;
  return (
    <section className="opt-section" aria-labelledby="opt-storage-title">
      <h2 id="opt-storage-title">Storage</h2>
      <div className="opt-storage-grid">
        <div className="opt-card">
          <h3>Space used</h3>
          <p className="opt-big">{usage.usage === undefined ? '…' : formatBytes(usage.usage)}</p>
          {share !== undefined && usage.quota !== undefined && (
            <>
              <progress value={share} max={1} aria-label="Share of the available space used" />
              <p className="opt-muted">
                of {formatBytes(usage.quota)} the browser allows (
                {share < 0.0001 ? 'less than 0.01' : (share * 100).toFixed(share < 0.01 ? 2 : 1)}%)
              </p>
            </>
          )}
          <button type="button" className="opt-button opt-small" onClick={() => void refresh()}>
            Measure again
          </button>
        </div>
        <div className="opt-card">
          <h3>Keep my data</h3>
          <p>
            {usage.persisted
              ? 'Persistent storage is on: the browser keeps your articles and entities even when space runs low.'
              : 'Persistent storage is off: if the disk ran very low, the browser could clear your imported data.'}
          </p>
          {!usage.persisted && (
            <button type="button" className="opt-button opt-primary" onClick={() => void persist()}>
              Turn on persistent storage
            </button>
          )}
          <p className="opt-live" role="status" aria-live="polite">
            {message}
          </p>
        </div>
        <div className="opt-card">
          <h3>What is stored</h3>
          <dl className="opt-counts">
            <dt>Imported articles</dt>
            <dd>{counts?.articles.toLocaleString('en') ?? '…'}</dd>
            <dt>Your entities and edits</dt>
            <dd>{counts?.entities.toLocaleString('en') ?? '…'}</dd>
            <dt>Entities found in them</dt>
            <dd>{counts?.mentions.toLocaleString('en') ?? '…'}</dd>
            <dt>Feedback given</dt>
            <dd>{counts?.feedback.toLocaleString('en') ?? '…'}</dd>
          </dl>
          <p className="opt-muted">All of it stays in this browser profile. Nothing is sent anywhere.</p>
        </div>
      </div>
    </section>
  );
}
