/**
 * The development set of real pages (issue #12, deliverables 6 and 7): their
 * addresses, the search query that found each, language, date and the
 * entities a careful reader expects linked. The pages' text is never stored in
 * the repository; `npm run eval:linking` reads it from the ignored folder
 * tests/dev-set/.text/ and scores the production matching path against the gold.
 */
import { z } from 'zod';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import type { NewsPageMatcher } from '@/lib/matching/news-page-matcher';
import {
  type AnnotationEntity,
  type MentionPlace,
  type PageRelevance,
  type ScoredMention,
  scorePageRelevance,
} from '@/lib/matching/page-relevance';
import type { CorpusIndex } from '@/lib/model/index-schema';

export const DEV_SET_FILE = 'tests/dev-set/real-pages.json';
export const DEV_SET_LANGUAGES = ['en', 'fr', 'ar', 'he'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const devSetPageSchema = z
  .object({
    /** File name of the page's text in tests/dev-set/.text/ (without `.txt`). */
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case slug'),
    url: z.url(),
    /** The `pages` search query that found the page, so it can be found again. */
    query: z.string().min(3),
    language: z.enum(DEV_SET_LANGUAGES),
    /** The page's publication date when the page or its address states one; drives the events' timeline rule. */
    published: isoDate.optional(),
    /** Knowledge-base ids a careful reader expects linked on the page's text. */
    gold: z.array(z.string().min(1)).min(1),
  })
  // Strict: a `text` (or any other) field would put a real page's words in the repository.
  .strict();

export const devSetSchema = z
  .object({
    schemaVersion: z.literal(1),
    pages: z.array(devSetPageSchema).min(25, 'at least 25 real pages (issue #12)'),
  })
  .strict();

export type DevSetPage = z.infer<typeof devSetPageSchema>;
export type DevSet = z.infer<typeof devSetSchema>;

/** Parses the development set; errors name the file, the field and the reason. */
export function parseDevSet(value: unknown, file = DEV_SET_FILE): DevSet {
  const result = devSetSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file}: ${issues.join('; ')} (fix the entry and run the unit test again)`);
  }
  return result.data;
}

/** Gold ids that the knowledge base does not know, as `slug: id`. */
export function unknownGoldIds(devSet: DevSet, knownIds: ReadonlySet<string>): string[] {
  return devSet.pages.flatMap((page) => page.gold.filter((id) => !knownIds.has(id)).map((id) => `${page.slug}: ${id}`));
}

/** What the production matching path makes of one page's text. */
export interface PageLinking {
  /** Every linked mention: entity id and the surface text it was linked on. */
  mentions: { entityId: string; text: string }[];
  /** Distinct linked entity ids, in order of first mention. */
  entities: string[];
  relevance: PageRelevance;
}

// Same thresholds as the annotator's headline and lede (lib/page/page-annotator.ts):
// a text file has no <h1>, so a short first block stands for the headline.
const HEADLINE_MAX_CHARS = 160;
const LEDE_BLOCKS = 2;
const MIN_LEDE_CHARS = 60;

/** Splits a page's text into blocks (non-empty lines) and gives each its place: headline, lede or body. */
export function blocksOf(text: string): { text: string; place: MentionPlace }[] {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  let ledeBlocks = 0;
  return lines.map((line, index) => {
    if (index === 0 && line.length <= HEADLINE_MAX_CHARS) return { text: line, place: 'headline' };
    if (ledeBlocks < LEDE_BLOCKS && line.length >= MIN_LEDE_CHARS) {
      ledeBlocks++;
      return { text: line, place: 'lede' };
    }
    return { text: line, place: 'body' };
  });
}

/** The matcher and entities exactly as the extension builds them from the bundled index (lib/corpus/catalog.ts). */
export function productionLinker(index: CorpusIndex): {
  matcher: NewsPageMatcher;
  entities: ReadonlyMap<string, AnnotationEntity>;
} {
  const catalog = new CorpusCatalog({ index });
  return {
    matcher: catalog.newsPageMatcher(),
    entities: new Map(catalog.annotationEntities().map((entity) => [entity.id, entity])),
  };
}

/**
 * Links one page's text the way the annotator does: scan each block, resolve
 * the blocks as one document on the page's date, score relevance with the
 * headline and lede weighted and the page's language.
 */
export function linkPage(
  text: string,
  page: Pick<DevSetPage, 'language' | 'published'>,
  linker: ReturnType<typeof productionLinker>,
): PageLinking {
  const blocks = blocksOf(text);
  const resolved = linker.matcher.resolve(
    blocks.map((block) => linker.matcher.scan(block.text)),
    page.published,
  );
  const mentions: PageLinking['mentions'] = [];
  const scored: ScoredMention[] = [];
  blocks.forEach((block, index) => {
    for (const match of resolved[index] ?? []) {
      if (!linker.entities.has(match.entityId)) continue;
      mentions.push({ entityId: match.entityId, text: block.text.slice(match.start, match.end) });
      scored.push({ entityId: match.entityId, place: block.place });
    }
  });
  return {
    mentions,
    entities: [...new Set(mentions.map((mention) => mention.entityId))],
    relevance: scorePageRelevance(scored, linker.entities, page.language),
  };
}

/** Entity-level precision and recall of one or more pages against their gold. */
export interface LinkingScore {
  pages: number;
  gold: number;
  linked: number;
  correct: number;
  precision: number;
  recall: number;
  /** Gold ids not linked, as `slug: id`. */
  missed: string[];
  /** Linked ids not in the gold, as `slug: id ("surface", …)`. */
  wrong: string[];
}

/** Scores linked entities against the gold, summed over `results`. */
export function scoreLinking(results: readonly { page: DevSetPage; linking: PageLinking }[]): LinkingScore {
  let gold = 0;
  let linked = 0;
  let correct = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const { page, linking } of results) {
    const expected = new Set(page.gold);
    gold += expected.size;
    linked += linking.entities.length;
    for (const id of linking.entities) {
      if (expected.has(id)) correct++;
      else {
        const surfaces = [...new Set(linking.mentions.filter((m) => m.entityId === id).map((m) => `"${m.text}"`))];
        wrong.push(`${page.slug}: ${id} (${surfaces.join(', ')})`);
      }
    }
    for (const id of expected) if (!linking.entities.includes(id)) missed.push(`${page.slug}: ${id}`);
  }
  return {
    pages: results.length,
    gold,
    linked,
    correct,
    // No link at all is vacuously precise; no gold at all is vacuously recalled.
    precision: linked === 0 ? 1 : correct / linked,
    recall: gold === 0 ? 1 : correct / gold,
    missed,
    wrong,
  };
}
