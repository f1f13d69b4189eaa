import { describe, expect, it } from 'vitest';
import { hebrewNamesInSentence, hebrewTitleOf, isHebrewSentence } from '@/lib/import/candidate-hebrew';

function names(sentence: string, knownWords: string[] = []) {
  const known = (start: number, end: number) => knownWords.some((word) => sentence.slice(start, end).includes(word));
  return hebrewNamesInSentence(sentence, 0, sentence.length, known).map((name) => ({
    name: sentence.slice(name.start, name.end),
    role: name.role,
  }));
}

describe('names in Hebrew prose', () => {
  it('reads a name after a title and its complements, with the title as its role', () => {
    expect(names('את הישיבה ניהלה השליחה האמריקנית מורגן אורטגוס בנאקורה')).toEqual([
      { name: 'מורגן אורטגוס', role: 'השליחה האמריקנית' },
    ]);
    expect(names('ראש הממשלה בנימין נתניהו אמר כי השיחות חיוביות')).toEqual([
      { name: 'בנימין נתניהו', role: 'ראש הממשלה' },
    ]);
    expect(names('ולבנון שלחה את השגריר לשעבר סימון כרם')).toEqual([{ name: 'סימון כרם', role: 'השגריר לשעבר' }]);
  });

  it('finds a title under the prefixes attached to it, and leaves them out of the role', () => {
    expect(hebrewTitleOf('ולשגריר')).toBe('שגריר');
    expect(hebrewTitleOf('מהשליחה')).toBe('שליחה');
    expect(hebrewTitleOf('שלום')).toBeUndefined();
    expect(names('ולדוברת משרד החוץ רותם אלון לא הייתה תגובה')).toEqual([
      { name: 'רותם אלון', role: 'דוברת משרד החוץ' },
    ]);
    expect(names('מהשליחה האמריקנית שרה וייטפילד נמסר כי הפגישה הייתה עניינית')).toEqual([
      { name: 'שרה וייטפילד', role: 'השליחה האמריקנית' },
    ]);
  });

  it('reads a name before an appositive that opens with a title', () => {
    expect(names('אורי רזניק, בכיר במועצה לביטחון לאומי, ייצג את ישראל')).toEqual([
      { name: 'אורי רזניק', role: 'בכיר במועצה לביטחון לאומי' },
    ]);
  });

  it('skips known names, single words, verbs after a title and sentences with no title', () => {
    expect(names('בכיר חיזבאללה ופיק ספא הזהיר', ['חיזבאללה'])).toEqual([{ name: 'ופיק ספא', role: 'בכיר חיזבאללה' }]);
    expect(names('שר הביטחון ישראל כ"ץ השיב כי הצבא יישאר', ['ישראל כ"ץ', 'ישראל'])).toEqual([]);
    expect(names('השר לוי אמר כי')).toEqual([]);
    expect(names('הפגישה התקיימה בנאקורה ביום רביעי')).toEqual([]);
  });

  it('tells Hebrew sentences from others', () => {
    expect(isHebrewSentence('אורי רזניק (Uri)', 0, 16)).toBe(true);
    expect(isHebrewSentence('Uri Resnick met him', 0, 19)).toBe(false);
  });
});
