import { describe, expect, it } from 'vitest';
import { nameSkeleton, sameNameAcrossScripts, scriptOf } from '@/lib/import/candidate-scripts';

describe('one name in three scripts', () => {
  it('meets the Hebrew and Arabic forms of a Latin name', () => {
    for (const [latin, ...others] of [
      ['Morgan Ortagus', 'מורגן אורטגוס', 'مورغان أورتاغوس'],
      ['Simon Karam', 'סימון כרם', 'سيمون كرم'],
      ['Uri Resnick', 'אורי רזניק', 'أوري رزنيك'],
      ['Karim Haddad', 'כרים חדאד', 'كريم حداد'],
      ['Wafiq Safa', 'ופיק ספא', 'وفيق صفا'],
      ['Sarah Whitfield', 'שרה וייטפילד'],
      ['Lina Farah', 'לינה פרח'],
    ] as const) {
      for (const other of others) expect(sameNameAcrossScripts(latin, other), `${latin} / ${other}`).toBe(true);
    }
    expect(nameSkeleton('Morgan Ortagus')).toBe(nameSkeleton('מורגן אורטגוס'));
  });

  it('keeps different names apart, short names and names in one script included', () => {
    expect(sameNameAcrossScripts('Karim Haddad', 'كريم عواد')).toBe(false);
    expect(sameNameAcrossScripts('Simon Karam', 'سليم عازار')).toBe(false);
    expect(sameNameAcrossScripts('Lina Farah', 'كريم حداد')).toBe(false);
    expect(sameNameAcrossScripts('Danny Levy', 'דני לוי')).toBe(false);
    expect(sameNameAcrossScripts('Simon Karam', 'סימון')).toBe(false);
    expect(sameNameAcrossScripts('Morgan Ortagus', 'Morgan Ortagus')).toBe(false);
    expect([scriptOf('Karam'), scriptOf('כרם'), scriptOf('كرم')]).toEqual(['latin', 'hebrew', 'arabic']);
  });
});
