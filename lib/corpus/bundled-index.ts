import bundledIndexJson from '../../data/index.json';
import { CORPUS_INDEX_SCHEMA_VERSION, type CorpusIndex, parseCorpusIndex } from '../model/index-schema';

interface LoadedIndex {
  index: CorpusIndex;
  aliasCount: number;
}

let loaded: LoadedIndex | undefined;

export interface LoadBundledIndexOptions {
  /**
   * `full` (default) validates every field. `version` checks the schema
   * version only: for the popup, which opens often and must be interactive
   * within 150 ms (issue #4), where the full check costs about 25 ms each
   * time. The file is ours, written by the build; tests/unit/bundled-index.test.ts
   * checks that full validation leaves it exactly as it is.
   */
  check?: 'full' | 'version';
}

/**
 * The index shipped with the extension, validated once per context and kept:
 * opening the popup must not re-parse it (issue #4).
 *
 * @example const { index } = loadBundledIndex();
 */
export function loadBundledIndex(options: LoadBundledIndexOptions = {}): LoadedIndex {
  if (!loaded) {
    const json = bundledIndexJson as unknown as CorpusIndex;
    // A stale file takes the full path, whose error says what to do.
    const index =
      options.check === 'version' && json.schemaVersion === CORPUS_INDEX_SCHEMA_VERSION
        ? json
        : parseCorpusIndex(bundledIndexJson);
    loaded = { index, aliasCount: index.entities.reduce((sum, entity) => sum + entity.aliases.length, 0) };
  }
  return loaded;
}
