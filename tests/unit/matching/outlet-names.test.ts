import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { createEntityMatcher, type MatcherSpec } from '@/lib/matching/match-entities';
import { findOutletNames, OUTLETS, withoutOutletPlaces } from '@/lib/matching/outlet-names';

const { index } = loadBundledIndex();
const matcher = createEntityMatcher(index.matcher as MatcherSpec);
/** Entity ids the matcher finds in `text` once outlets' places are dropped. */
const linked = (text: string) => withoutOutletPlaces(text, matcher.match(text)).map((match) => match.entityId);

describe('outlet names', () => {
  it('knows at least 60 outlets, with Arabic, French and Hebrew names where they have them', () => {
    expect(OUTLETS.length).toBeGreaterThanOrEqual(60);
    const forms = OUTLETS.flatMap((outlet) => outlet.forms);
    expect(forms.some((form) => /\p{Script=Arabic}/u.test(form))).toBe(true);
    expect(forms.some((form) => /\p{Script=Hebrew}/u.test(form))).toBe(true);
    expect(forms).toContain('MTV Liban');
  });

  it('never reads a place inside an outlet’s name (paraphrased credit lines)', () => {
    expect(linked('The Times of Israel said the meeting was short.')).toEqual([]);
    expect(linked('A reporter for MTV Liban filmed the convoy.')).toEqual([]);
    expect(linked('The New York Times and The Washington Post ran the story.')).toEqual([]);
    expect(linked('(Agence France-Presse) Officials met on Monday.')).toEqual([]);
    expect(linked('France 24 and Voice of Lebanon carried the speech.')).toEqual([]);
    expect(linked('وقالت صحيفة تايمز أوف إسرائيل إن الاجتماع كان قصيراً')).toEqual([]);
    expect(linked('לפי ישראל היום, הפגישה הייתה קצרה')).toEqual([]);
  });

  it('keeps the place outside the name, and an outlet the knowledge base knows', () => {
    expect(linked('The Times of Israel reported that Israel and Lebanon met.')).toEqual(['israel', 'lebanon']);
    expect(linked('Reuters reported the talks in Washington.')).toEqual(['reuters', 'washington']);
    expect(linked('Al Jazeera said so.')).toEqual(['al-jazeera']);
  });

  it('finds names case-sensitively and as whole words', () => {
    expect(findOutletNames('the times of israel')).toEqual([]);
    expect(findOutletNames('AFPs and AFP.')).toEqual([[9, 12]]);
    expect(findOutletNames('The New York Times')).toEqual([[0, 18]]);
  });
});
