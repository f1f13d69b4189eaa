import type { CorpusCatalog } from '@/lib/corpus/catalog';
import type { MessageSender } from '@/lib/extension/extension-messaging';
import {
  type Candidate,
  createEntityMatcher,
  type EntityMatch,
  type EntityMatcher,
} from '@/lib/matching/match-entities';

/**
 * Matching for news pages, in the background (issue #13). The content script
 * sends its text blocks and gets candidates back, then sends the page's
 * candidates to be resolved as one document. The matcher is built once per
 * catalog (the bundled index plus the reader's entities) instead of once per
 * page, and no page receives or decodes the matcher spec: that alone took
 * 4–16 ms of script time and most of the content script's size.
 */
export function createPageMatching(loadCatalog: () => Promise<CorpusCatalog>) {
  let built: { catalog: CorpusCatalog; matcher: EntityMatcher } | undefined;

  async function matcher(): Promise<EntityMatcher> {
    const catalog = await loadCatalog();
    if (built?.catalog !== catalog) built = { catalog, matcher: createEntityMatcher(catalog.matcherSpec()) };
    return built.matcher;
  }

  return {
    async scan(texts: readonly string[], sender: MessageSender): Promise<Candidate[][] | null> {
      if (!sender.tab) return null;
      const current = await matcher();
      return texts.map((text) => current.scan(text));
    },
    async resolve(chunks: readonly (readonly Candidate[])[], sender: MessageSender): Promise<EntityMatch[][] | null> {
      if (!sender.tab) return null;
      return (await matcher()).resolve(chunks);
    },
  };
}
