import { describe, expect, it } from 'vitest';
import { foldKeepCase, foldString } from '@/lib/text/fold-text';

describe('folding', () => {
  it('lower-cases, drops Latin diacritics and unifies quotes, dashes and whitespace', () => {
    expect(foldString('Élysée  Palace')).toBe('elysee palace');
    expect(foldString('He\u0301zbollah’s\u00a0“talks”')).toBe('hezbollah\'s "talks"');
    expect(foldString('senior‑level – Lebanon‐Israel')).toBe('senior-level - lebanon-israel');
    expect(foldKeepCase('ÉLYSÉE Palace')).toBe('ELYSEE Palace');
  });

  it('strips Arabic tashkeel and tatweel and unifies alef and yeh forms, keeping ة', () => {
    expect(foldString('حِزْبُ اللّٰهِ')).toBe(foldString('حزب الله'));
    expect(foldString('حـــزب')).toBe('حزب');
    expect(foldString('أإآٱ')).toBe('اااا');
    expect(foldString('برى')).toBe('بري');
    expect(foldString('الناقورة')).toContain('ة');
  });

  it('strips Hebrew niqqud and unifies geresh and gershayim', () => {
    expect(foldString('חִיזְבָּאלְלָה')).toBe('חיזבאללה');
    expect(foldString('צה״ל')).toBe(foldString('צה"ל'));
    expect(foldString('צה”ל')).toBe(foldString('צה"ל'));
    expect(foldString('ג׳וזף')).toBe(foldString("ג'וזף"));
  });
});
