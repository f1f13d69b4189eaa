import { sentenceDates } from '../../lib/corpus/sentence-dates';
import { sentenceDates as origDates } from './_orig/sentence-dates';
import { CorpusGenerator } from './corpus-generator';
import { newsVocabulary } from './search-bench';
import { loadBundledIndex } from '../../lib/corpus/bundled-index';
const { index } = loadBundledIndex({ check: 'version' });
const gen = new CorpusGenerator({ vocabulary: newsVocabulary(), entities: index.entities });
const sentences: string[] = [];
for (let n = 0; n < 2000; n++) sentences.push(...gen.article(n).text.split(/(?<=\.)\s+/));
console.log('sentences', sentences.length, 'avg len', (sentences.join('').length / sentences.length).toFixed(0), 'with year', sentences.filter((s) => /(?:19|20)\d\d/.test(s)).length);
const ref = { date: '2026-03-09', precision: 'day' as const };
for (let round = 0; round < 3; round++) {
  for (const [label, fn] of [['orig', origDates], ['new', sentenceDates]] as const) {
    const t = performance.now();
    for (const s of sentences) fn(s, ref);
    console.log(label, (performance.now() - t).toFixed(1), 'ms');
  }
}
