/**
 * `npm run eval:differences`: the "Sources differ" detector's precision and recall on the gold
 * (tests/fixtures/differences/gold.ts), with every miss and false alarm, for issue #15.
 */
import { scoreDifferences } from '../support/differences-eval';

const score = scoreDifferences();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const quote = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);
console.log(`Sources differ: ${score.truePositives.length + score.missed.length} gold pairs`);
for (const difference of score.falsePositives) {
  console.log(
    `  false alarm (${difference.kind}): "${quote(difference.a.text)}" / "${quote(difference.b.text)}" — ${difference.what}`,
  );
}
for (const pair of score.missed) console.log(`  missed (${pair.kind}): "${pair.a}" / "${pair.b}"`);
console.log(`  shown as "figures changed over time": ${score.changedOverTime.length}`);
console.log(`precision ${percent(score.precision)} (target >= 90%)`);
console.log(`recall ${percent(score.recall)} (target >= 70%)`);
