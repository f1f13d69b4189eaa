import { describe, expect, it } from 'vitest';
import {
  ARABIC_PREFIXES,
  ARABIC_PROCLITICS,
  HEBREW_ARTICLE_DROPPERS,
  HEBREW_PREFIX_LETTERS,
  HEBREW_PREFIXES,
  semiticPrefixes,
} from '@/lib/matching/attached-prefixes';
import { found, ids } from '../../support/matcher-fixtures';

describe('Arabic and Hebrew', () => {
  it('matches across tashkeel, tatweel, alef and yeh forms', () => {
    expect(ids('قال حِزْبُ اللهِ إن')).toEqual(['hezbollah']);
    expect(ids('قال حـزب الله إن')).toEqual(['hezbollah']);
    expect(ids('اسرائيل وإسرائيل')).toEqual(['israel', 'israel']);
    expect(ids('رئيس المجلس نبيه برى')).toEqual(['nabih-berri']);
  });

  it('matches after an attached proclitic, and the span covers only the name', () => {
    expect(found('وحزب الله')).toEqual([['حزب الله', 'hezbollah']]);
    expect(found('لحزب الله')).toEqual([['حزب الله', 'hezbollah']]);
    expect(found('اجتماع بالناقورة')).toEqual([['الناقورة', 'naqoura']]);
    expect(found('وبالناقورة')).toEqual([['الناقورة', 'naqoura']]);
    expect(found('فلبنان ولبنان')).toEqual([
      ['لبنان', 'lebanon'],
      ['لبنان', 'lebanon'],
    ]);
    // ل + ال: the article's alef is not written.
    expect(found('للناقورة')).toEqual([['لناقورة', 'naqoura']]);
    // A proclitic glued to a word that is not a name stays unmatched.
    expect(ids('وبيان وكتاب')).toEqual([]);
  });

  it('matches Hebrew names after a one-letter prefix or ו plus one, without niqqud, with either gershayim', () => {
    expect(found('וחיזבאללה')).toEqual([['חיזבאללה', 'hezbollah']]);
    expect(found('בלבנון ומישראל')).toEqual([
      ['לבנון', 'lebanon'],
      ['ישראל', 'israel'],
    ]);
    expect(found('חִיזְבָּאלְלָה')).toEqual([['חִיזְבָּאלְלָה', 'hezbollah']]);
    expect(ids('דובר צה"ל ודובר צה”ל')).toEqual(['idf', 'idf']);
    // ב + הכנסת: the article's ה is not written.
    expect(found('נאום בכנסת ובהכנסת')).toEqual([
      ['כנסת', 'knesset'],
      ['הכנסת', 'knesset'],
    ]);
    expect(ids("הנשיא ג'וזף עאון")).toEqual(['joseph-aoun']);
  });
});

describe('prefix letters in the spec', () => {
  it('gives the prefix letters trie symbols only when a key is Arabic or Hebrew', () => {
    expect(semiticPrefixes(['hezbollah', 'lebanon'])).toEqual([]);
    const letters = semiticPrefixes(['hezbollah', 'لبنان']);
    expect(letters).toEqual([...ARABIC_PROCLITICS, ...HEBREW_PREFIX_LETTERS]);
    expect(semiticPrefixes(['ישראל'])).toEqual(letters);
  });

  it('lists every one-letter prefix among the whole prefixes the context readers accept', () => {
    for (const code of ARABIC_PROCLITICS) expect(ARABIC_PREFIXES.has(String.fromCharCode(code))).toBe(true);
    for (const code of HEBREW_PREFIX_LETTERS) expect(HEBREW_PREFIXES.has(String.fromCharCode(code))).toBe(true);
    for (const code of HEBREW_ARTICLE_DROPPERS) expect(HEBREW_PREFIX_LETTERS).toContain(code);
  });
});
