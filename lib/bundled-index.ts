import bundledIndexJson from '../data/index.json';
import { type CorpusIndex, parseCorpusIndex } from './corpus-index';

interface LoadedIndex {
  index: CorpusIndex;
  aliasCount: number;
}

let loaded: LoadedIndex | undefined;

/**
 * The index shipped with the extension, validated once per context and kept:
 * opening the popup must not re-parse it (issue #4).
 */
export function loadBundledIndex(): LoadedIndex {
  if (!loaded) {
    const index = parseCorpusIndex(bundledIndexJson);
    loaded = { index, aliasCount: index.entities.reduce((sum, entity) => sum + entity.aliases.length, 0) };
  }
  return loaded;
}
