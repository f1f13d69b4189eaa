import type { CorpusCatalog } from '@/lib/corpus/catalog';
import type { MessageSender } from '@/lib/extension/extension-messaging';
import type { Candidate, EntityMatch } from '@/lib/matching/match-entities';

/**
 * Matching for news pages, in the background (issue #13). The content script
 * sends its text blocks and gets candidates back, then sends the page's
 * candidates (and its date) to be resolved as one document. The matcher is
 * built once per catalog (the bundled index plus the reader's entities)
 * instead of once per page, and no page receives or decodes the matcher spec:
 * that alone took 4–16 ms of script time and most of the content script's
 * size. The news-page rules (outlet names are not places, generic event
 * phrases stay on the page's timeline) run here too, so the content script
 * carries neither the outlet list nor the events' dates.
 */
export function createPageMatching(loadCatalog: () => Promise<CorpusCatalog>) {
  return {
    async scan(texts: readonly string[], sender: MessageSender): Promise<Candidate[][] | null> {
      if (!sender.tab) return null;
      const matcher = (await loadCatalog()).newsPageMatcher();
      return texts.map((text) => matcher.scan(text));
    },
    async resolve(
      chunks: readonly (readonly Candidate[])[],
      pageDate: string | undefined,
      sender: MessageSender,
    ): Promise<EntityMatch[][] | null> {
      if (!sender.tab) return null;
      return (await loadCatalog()).newsPageMatcher().resolve(chunks, pageDate);
    },
  };
}
