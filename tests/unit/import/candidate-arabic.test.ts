import { describe, expect, it } from 'vitest';
import { arabicNamesInSentence, arabicTitleOf, isArabicSentence } from '@/lib/import/candidate-arabic';

function names(sentence: string, knownWords: string[] = []) {
  const known = (start: number, end: number) => knownWords.some((word) => sentence.slice(start, end).includes(word));
  return arabicNamesInSentence(sentence, 0, sentence.length, known).map((name) => ({
    name: sentence.slice(name.start, name.end),
    role: name.role,
  }));
}

describe('names in Arabic prose', () => {
  it('reads a name after a title and its adjectives, with the title as its role', () => {
    expect(names('ترأست المبعوثة الأميركية مورغان أورتاغوس اجتماع لجنة الميكانيزم')).toEqual([
      { name: 'مورغان أورتاغوس', role: 'المبعوثة الأميركية' },
    ]);
    expect(names('ومثّل لبنان السفير السابق سيمون كرم، فيما مثّل إسرائيل')).toEqual([
      { name: 'سيمون كرم', role: 'السفير السابق' },
    ]);
  });

  it('skips known names, single words and sentences with no title', () => {
    expect(names('وقال الرئيس جوزاف عون إن الاجتماع خطوة أولى', ['جوزاف عون'])).toEqual([]);
    expect(names('وقال الرئيس عون إن الاجتماع خطوة أولى')).toEqual([]);
    expect(names('عقد الاجتماع في الناقورة يوم الأربعاء')).toEqual([]);
  });

  it('tells Arabic sentences from others', () => {
    expect(isArabicSentence('مورغان أورتاغوس (Morgan)', 0, 22)).toBe(true);
    expect(isArabicSentence('Morgan Ortagus met him', 0, 22)).toBe(false);
  });

  it('finds a title under the proclitics attached to it, and leaves them out of the role', () => {
    expect(arabicTitleOf('بالسفيرة')).toBe('السفيرة');
    expect(arabicTitleOf('للسفير')).toBe('السفير');
    expect(arabicTitleOf('والمبعوث')).toBe('المبعوث');
    expect(arabicTitleOf('بيروت')).toBeUndefined();
    expect(names('واجتمع رئيس الحكومة بالسفيرة الأميركية ليزا جونسون في السراي')).toEqual([
      { name: 'ليزا جونسون', role: 'السفيرة الأميركية' },
    ]);
    expect(names('وقدّم الشكر للسفير الفرنسي هنري دوبوا في بيروت')).toEqual([
      { name: 'هنري دوبوا', role: 'السفير الفرنسي' },
    ]);
  });

  it('reads a third word only where the name ends at a comma or a full stop', () => {
    expect(names('التقى المبعوث الفرنسي جان إيف لودريان، ثم غادر')).toEqual([
      { name: 'جان إيف لودريان', role: 'المبعوث الفرنسي' },
    ]);
    expect(names('التقى الوزير كريم حداد رئيس الحكومة')).toEqual([{ name: 'كريم حداد', role: 'الوزير' }]);
    expect(names('والتقى الوزير السابق كريم حداد بالوفد.')).toEqual([{ name: 'كريم حداد', role: 'الوزير السابق' }]);
  });
});
