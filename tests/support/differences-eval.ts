/**
 * Scores the "Sources differ" detector against the gold of tests/fixtures/differences (issue #15):
 * the seeds and our test articles go through the build's own matcher and excerpt cutting, the
 * detector runs over all their sentences, and each reported conflict is checked against the gold
 * pairs. Shared by the unit test and `npm run eval:differences`.
 */
import { indexMentions } from '@/lib/corpus/build-index';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { claimSentences, findSourceDifferences, type SourceDifference } from '@/lib/corpus/source-differences';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';
import type { IndexedArticle } from '@/lib/model/index-schema';
import { goldPairs, testArticles } from '../fixtures/differences/gold';

export interface DifferencesScore {
  precision: number;
  recall: number;
  truePositives: SourceDifference[];
  falsePositives: SourceDifference[];
  missed: typeof goldPairs;
  changedOverTime: SourceDifference[];
}

export function testCorpusArticles(): IndexedArticle[] {
  return testArticles.map((entry) => ({
    id: entry.id,
    title: entry.title,
    titleSource: 'ours',
    outlet: entry.outlet,
    byline: 'unknown',
    language: 'en',
    published: { date: entry.date, precision: 'day', basis: 'stated', reason: 'Test article.' },
    text: entry.text,
    origin: 'import',
  }));
}

export function scoreDifferences(): DifferencesScore {
  const { index } = loadBundledIndex();
  const matcher = createEntityMatcher(index.matcher as MatcherSpec);
  const articles = testCorpusArticles();
  const own = indexMentions(articles, index.entities, matcher);
  const excerpts = [index.excerpts, own.excerpts].flatMap((byEntity) =>
    Object.entries(byEntity).flatMap(([entityId, list]) => list.map((excerpt) => ({ ...excerpt, entityId }))),
  );
  const sentences = claimSentences(excerpts);
  const entityById = new Map(index.entities.map((entity) => [entity.id, entity]));
  const differences = findSourceDifferences(sentences, entityById);

  const sentenceWith = (fragment: string) => {
    const matches = sentences.filter((sentence) => sentence.text.includes(fragment));
    if (matches.length !== 1) throw new Error(`gold: "${fragment}" is in ${matches.length} sentences, not one`);
    return (matches[0] as (typeof sentences)[number]).id;
  };
  const pairKey = (kind: string, x: string, y: string) => `${kind}|${[x, y].sort().join('|')}`;
  const gold = new Map(goldPairs.map((pair) => [pairKey(pair.kind, sentenceWith(pair.a), sentenceWith(pair.b)), pair]));

  const conflicts = new Map<string, SourceDifference>();
  for (const difference of differences) {
    if (difference.verdict !== 'conflict') continue;
    const key = pairKey(difference.kind, difference.a.id, difference.b.id);
    if (!conflicts.has(key)) conflicts.set(key, difference);
  }
  const truePositives = [...conflicts].filter(([key]) => gold.has(key)).map(([, difference]) => difference);
  const falsePositives = [...conflicts].filter(([key]) => !gold.has(key)).map(([, difference]) => difference);
  const missed = [...gold].filter(([key]) => !conflicts.has(key)).map(([, pair]) => pair);
  return {
    precision: conflicts.size === 0 ? 0 : truePositives.length / conflicts.size,
    recall: truePositives.length / gold.size,
    truePositives,
    falsePositives,
    missed,
    changedOverTime: differences.filter((difference) => difference.verdict === 'changed-over-time'),
  };
}
