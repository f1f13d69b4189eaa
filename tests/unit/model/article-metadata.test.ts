import { describe, expect, it } from 'vitest';
import { guessLanguage, partialDateFromInput, publishedDate, titleFromText } from '@/lib/model/article-metadata';

describe('partialDateFromInput', () => {
  it('reads the usual written forms, as precisely as they are', () => {
    expect(partialDateFromInput('2026')).toBe('2026');
    expect(partialDateFromInput('2026-03')).toBe('2026-03');
    expect(partialDateFromInput('2026-03-09T10:00:00+02:00')).toBe('2026-03-09');
    expect(partialDateFromInput('March 9, 2026')).toBe('2026-03-09');
    expect(partialDateFromInput('9 Mar 2026')).toBe('2026-03-09');
    expect(partialDateFromInput('March 2026')).toBe('2026-03');
  });

  it('refuses what is not a date', () => {
    for (const input of ['yesterday', '2026-13-01', '2026-02-30', '', 'Marching 2026']) {
      expect(partialDateFromInput(input), input).toBeNull();
    }
  });
});

describe('publishedDate', () => {
  it('says where a date came from, and never guesses one', () => {
    expect(publishedDate('2026-03', 'the front matter', '')).toEqual({
      date: '2026-03',
      precision: 'month',
      basis: 'stated',
      reason: 'given in the front matter',
    });
    expect(publishedDate(null, 'the file', 'Published: March 9, 2026\n\nText.')).toMatchObject({
      date: '2026-03-09',
      basis: 'stated',
    });
    expect(publishedDate(null, 'the file', 'No date here.')).toMatchObject({ date: null, precision: 'unknown' });
  });
});

describe('guessLanguage', () => {
  it('tells Arabic, Hebrew, French and English apart', () => {
    expect(guessLanguage('التقى الرئيس جوزاف عون المبعوثين في الناقورة')).toBe('ar');
    expect(guessLanguage('ראש הממשלה נפגש עם השליח בביירות')).toBe('he');
    expect(guessLanguage('Le Liban et Israël ont repris les discussions dans la ville.')).toBe('fr');
    expect(guessLanguage('Lebanon and Israel resumed the talks in the town.')).toBe('en');
  });
});

describe('titleFromText', () => {
  it('takes a headline-like first paragraph, else the file name, else the first words', () => {
    expect(titleFromText('Talks resume in Naqoura\n\nThe delegations met.', 'a.txt')).toEqual({
      title: 'Talks resume in Naqoura',
      titleSource: 'text',
    });
    expect(titleFromText('The delegations met on Monday.', 'naqoura talks march.txt')).toEqual({
      title: 'Naqoura talks march',
      titleSource: 'ours',
    });
    expect(titleFromText('The delegations met on Monday.', 'IMG_2031.txt').title).toBe(
      'The delegations met on Monday.…',
    );
  });
});
