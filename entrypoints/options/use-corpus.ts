import { useCallback, useEffect, useMemo, useState } from 'react';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { sendToBackground } from '@/lib/extension/send-message';
import { purgeTrash } from '@/lib/storage/article-trash';
import { NewsContextDatabase } from '@/lib/storage/database';
import { type CorpusStore, type ImportCatalog, readImportCatalog } from '@/lib/storage/imported-corpus';
import { importedSearchIndex } from '@/lib/storage/imported-search-index';

/** The options page's handle on the reader's corpus. */
export interface Corpus {
  store: CorpusStore;
  /** Undefined while the catalog loads. */
  catalog: ImportCatalog | undefined;
  /**
   * Call after any write that changes articles or entities: keeps the new
   * catalog and tells the background, which drops its cache and asks open
   * tabs to annotate again (no reload needed).
   */
  changed(catalog?: ImportCatalog): void;
}

/**
 * Opens the extension's database (an extension page may: it shares the
 * background's origin) and keeps the current catalog.
 */
export function useCorpus(): Corpus {
  const store = useMemo<CorpusStore>(
    () => ({ db: new NewsContextDatabase(), index: loadBundledIndex().index, search: importedSearchIndex }),
    [],
  );
  const [catalog, setCatalog] = useState<ImportCatalog>();

  useEffect(() => {
    let live = true;
    // The trash keeps deleted articles a week (issue #14); this page is the only one that shows it, so it purges.
    void purgeTrash(store).catch(() => 0);
    void readImportCatalog(store.db, store.index).then((loaded) => {
      if (live) setCatalog(loaded);
    });
    return () => {
      live = false;
    };
  }, [store]);

  const changed = useCallback(
    (next?: ImportCatalog) => {
      if (next) setCatalog(next);
      else void readImportCatalog(store.db, store.index).then(setCatalog);
      // No answer needed; a background that is not listening (tests, an old build) must not break the page.
      void sendToBackground({ type: 'catalog/changed' });
    },
    [store],
  );

  return { store, catalog, changed };
}
