import { describe, expect, it } from 'vitest';
import { candidateArticles } from '../../fixtures/candidate-articles';
import { scoreCandidates } from '../../support/candidate-eval';

/**
 * Candidate quality on the project's own paraphrased articles (issue #11).
 * The thresholds are the targets; the extractor on main before #11
 * scored 6.3% recall (3/48), 60% precision (3/5) and 0/38 roles on the first
 * 21 articles (`npm run eval:candidates`). The issue asks for at least 40
 * articles in the languages readers of this story read.
 */
describe('candidate quality', () => {
  it('has at least 40 articles, in English, French, Arabic and Hebrew, with held-out ones', () => {
    expect(candidateArticles.length).toBeGreaterThanOrEqual(40);
    const inLanguage = (language: string) => candidateArticles.filter((article) => article.language === language);
    expect(inLanguage('fr').length).toBeGreaterThanOrEqual(8);
    expect(inLanguage('ar').length).toBeGreaterThanOrEqual(3);
    expect(inLanguage('he').length).toBeGreaterThanOrEqual(5);
    // Sentences with no new name: a proposal there is a mistake.
    expect(candidateArticles.filter((article) => article.gold.length === 0).length).toBeGreaterThanOrEqual(4);
    expect(candidateArticles.filter((article) => article.heldOut).length).toBeGreaterThanOrEqual(8);
    expect(new Set(candidateArticles.map((article) => article.id)).size).toBe(candidateArticles.length);
  });

  it('meets the targets in Arabic and Hebrew, which have no capitals to find names by', () => {
    const scores = scoreCandidates(
      candidateArticles.filter((article) => article.language === 'ar' || article.language === 'he'),
    );
    expect(scores.gold).toBeGreaterThanOrEqual(15);
    expect(scores.recall, `missed:\n${scores.misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(scores.precision, `mistaken:\n${scores.mistakes.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(scores.roleAccuracy, `roles:\n${scores.wrongRoles.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });

  for (const [label, articles] of [
    ['all articles', candidateArticles],
    ['held-out articles', candidateArticles.filter((article) => article.heldOut)],
  ] as const) {
    it(`meets the targets on ${label}`, () => {
      const scores = scoreCandidates(articles);
      expect(scores.gold).toBeGreaterThanOrEqual(label === 'all articles' ? 80 : 40);
      expect(scores.recall, `missed:\n${scores.misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
      expect(scores.precision, `mistaken:\n${scores.mistakes.join('\n')}`).toBeGreaterThanOrEqual(0.9);
      expect(scores.roleAccuracy, `roles:\n${scores.wrongRoles.join('\n')}`).toBeGreaterThanOrEqual(0.8);
      expect(scores.kindAccuracy).toBeGreaterThanOrEqual(0.85);
    });
  }
});
