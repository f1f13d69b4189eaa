/**
 * Scores the candidate extractor against the gold labels of
 * `tests/fixtures/candidate-articles.ts` (issue #11): recall of gold names,
 * precision of what is proposed, and how often the proposed kind and role
 * agree with the gold ones. Shared by `npm run eval:candidates` and the CI
 * test, so both measure the same thing.
 */
import { loadBundledIndex } from '../../lib/corpus/bundled-index';
import { CandidateCollector, type EntityCandidate } from '../../lib/import/entity-candidates';
import { buildImportCatalog } from '../../lib/storage/imported-corpus';
import { foldString } from '../../lib/text/fold-text';
import type { CandidateArticle } from '../fixtures/candidate-articles';

export interface CandidateScores {
  articles: number;
  gold: number;
  found: number;
  proposed: number;
  wrong: number;
  recall: number;
  precision: number;
  withRole: number;
  roleRight: number;
  roleAccuracy: number;
  kindRight: number;
  kindAccuracy: number;
  misses: string[];
  mistakes: string[];
  wrongRoles: string[];
}

const { index } = loadBundledIndex();
const catalog = buildImportCatalog(index, []);

/** Folded, with punctuation and spacing set aside, for comparing names and roles. */
function normal(text: string): string {
  return foldString(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The candidates proposed for one article read alone. */
export function candidatesFor(article: CandidateArticle): EntityCandidate[] {
  const collector = new CandidateCollector({
    matcher: catalog.matcher,
    decidedKeys: new Set(),
    knownKeys: new Set(catalog.matcherSpec.aliases.map((alias) => alias.key)),
  });
  collector.add(article);
  return collector.candidates();
}

/** Scores the extractor on `articles`, each read alone. */
export function scoreCandidates(articles: readonly CandidateArticle[]): CandidateScores {
  const scores: CandidateScores = {
    articles: articles.length,
    gold: 0,
    found: 0,
    proposed: 0,
    wrong: 0,
    recall: 0,
    precision: 0,
    withRole: 0,
    roleRight: 0,
    roleAccuracy: 0,
    kindRight: 0,
    kindAccuracy: 0,
    misses: [],
    mistakes: [],
    wrongRoles: [],
  };
  for (const article of articles) {
    const proposed = candidatesFor(article);
    const byName = new Map(proposed.map((candidate) => [normal(candidate.name), candidate]));
    const optional = new Set((article.optional ?? []).map(normal));
    const goldNames = new Set(article.gold.map((gold) => normal(gold.name)));
    for (const gold of article.gold) {
      scores.gold++;
      const candidate = byName.get(normal(gold.name));
      // Role accuracy is over every gold name with a role: a missed name's role is missed too.
      if (gold.role) scores.withRole++;
      if (!candidate) {
        scores.misses.push(`${article.id}: ${gold.name}`);
        continue;
      }
      scores.found++;
      if (candidate.kind === gold.kind) scores.kindRight++;
      if (gold.role) {
        const role = normal(candidate.role ?? '');
        const want = normal(gold.role);
        if (role && (role.includes(want) || want.includes(role))) scores.roleRight++;
        else scores.wrongRoles.push(`${article.id}: ${gold.name} → “${candidate.role ?? ''}” (want “${gold.role}”)`);
      }
    }
    for (const candidate of proposed) {
      const name = normal(candidate.name);
      if (optional.has(name)) continue;
      scores.proposed++;
      if (!goldNames.has(name)) {
        scores.wrong++;
        scores.mistakes.push(`${article.id}: ${candidate.name} (${candidate.kind})`);
      }
    }
  }
  scores.recall = scores.gold ? scores.found / scores.gold : 1;
  scores.precision = scores.proposed ? (scores.proposed - scores.wrong) / scores.proposed : 1;
  scores.roleAccuracy = scores.withRole ? scores.roleRight / scores.withRole : 1;
  scores.kindAccuracy = scores.found ? scores.kindRight / scores.found : 1;
  return scores;
}
