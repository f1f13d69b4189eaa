/**
 * `npm run eval:candidates` (issue #11): prints the candidate extractor's
 * recall, precision, kind and role accuracy on the project's own test
 * articles, all of them, the held-out ones and each language, with every
 * miss and mistake.
 */
import { candidateArticles } from '../fixtures/candidate-articles';
import { type CandidateScores, scoreCandidates } from '../support/candidate-eval';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function report(label: string, scores: CandidateScores): void {
  console.log(
    `${label}: ${scores.articles} articles, recall ${percent(scores.recall)} (${scores.found}/${scores.gold}), ` +
      `precision ${percent(scores.precision)} (${scores.proposed - scores.wrong}/${scores.proposed}), ` +
      `role ${percent(scores.roleAccuracy)} (${scores.roleRight}/${scores.withRole}), ` +
      `kind ${percent(scores.kindAccuracy)} (${scores.kindRight}/${scores.found})`,
  );
}

const all = scoreCandidates(candidateArticles);
const heldOut = scoreCandidates(candidateArticles.filter((article) => article.heldOut));
report('all', all);
report('held-out', heldOut);
for (const language of ['en', 'fr', 'ar', 'he'] as const)
  report(`  ${language}`, scoreCandidates(candidateArticles.filter((article) => article.language === language)));
for (const miss of all.misses) console.log(`  missed   ${miss}`);
for (const mistake of all.mistakes) console.log(`  mistaken ${mistake}`);
for (const role of all.wrongRoles) console.log(`  role     ${role}`);
