import { describe, expect, it } from 'vitest';
import { extractClaims, type FigureClaim } from '@/lib/corpus/source-claims';
import {
  type ClaimSentence,
  claimSentences,
  compareFigures,
  type DifferenceEntity,
  findSourceDifferences,
} from '@/lib/corpus/source-differences';

function figure(sentence: string, outlet: string, date: string) {
  const [claim] = extractClaims(sentence);
  return { claim: claim as FigureClaim, outlet, date };
}

describe('compareFigures', () => {
  it('flags two outlets giving different counts in the same week', () => {
    expect(
      compareFigures(
        figure('Some 40 soldiers were wounded.', 'A', '2025-03-01'),
        figure('12 soldiers were wounded.', 'B', '2025-03-03'),
      ),
    ).toBe('conflict');
  });

  it('takes "at least 3,000" and "more than 3,800" as compatible floors', () => {
    expect(
      compareFigures(
        figure('at least 3,000 people died', 'A', '2024-10-01'),
        figure('more than 3,800 people died', 'B', '2024-10-02'),
      ),
    ).toBe('agree');
  });

  it('treats rounding as agreement', () => {
    expect(
      compareFigures(figure('2,950 people fled', 'A', '2025-01-01'), figure('3,000 people fled', 'B', '2025-01-01')),
    ).toBe('agree');
  });

  it('calls figures months apart a change over time', () => {
    expect(
      compareFigures(figure('1,200 people died', 'A', '2024-01-01'), figure('3,800 people died', 'B', '2024-11-30')),
    ).toBe('changed-over-time');
  });
});

describe('findSourceDifferences', () => {
  const entities = new Map<string, DifferenceEntity>([
    ['talks', { kind: 'event', specificity: 'specific', related: ['naqoura'] }],
    ['naqoura', { kind: 'place', specificity: 'specific', related: ['southern-lebanon'] }],
    ['southern-lebanon', { kind: 'place', specificity: 'specific', related: [] }],
    ['beirut', { kind: 'place', specificity: 'general', related: [] }],
    ['lebanon', { kind: 'place', specificity: 'general', related: [] }],
  ]);
  let offset = 0;
  const sentence = (text: string, outlet: string, date: string, names: Record<string, string>): ClaimSentence => {
    offset += 1000;
    return {
      id: `${outlet}:${offset}`,
      articleId: `${outlet}-${offset}`,
      start: offset,
      end: offset + text.length,
      text,
      outlet,
      date,
      precision: 'day',
      mentions: Object.entries(names).map(([entityId, name]) => ({
        entityId,
        start: text.indexOf(name),
        end: text.indexOf(name) + name.length,
      })),
    };
  };

  it('finds two places for one event, but not a town and the region it lies in', () => {
    const a = sentence('The talks were held in Naqoura.', 'A', '2025-12-04', { talks: 'talks', naqoura: 'Naqoura' });
    const b = sentence('The talks were held in Beirut.', 'B', '2025-12-04', { talks: 'talks', beirut: 'Beirut' });
    const c = sentence('The talks were held in southern Lebanon.', 'C', '2025-12-04', {
      talks: 'talks',
      'southern-lebanon': 'southern Lebanon',
    });
    const found = findSourceDifferences([a, b, c], entities);
    expect(found.map((difference) => [difference.kind, difference.a.outlet, difference.b.outlet])).toEqual([
      ['place', 'A', 'B'],
      ['place', 'B', 'C'],
    ]);
  });

  it('takes a month and a day in that month as the same date, and compares only one source against another', () => {
    const a = sentence('The talks were held on 3 December 2025.', 'A', '2025-12-04', { talks: 'talks' });
    const b = sentence('The talks were held in December 2025.', 'B', '2025-12-05', { talks: 'talks' });
    const c = sentence('The talks were held on 4 December 2025.', 'A', '2025-12-05', { talks: 'talks' });
    expect(findSourceDifferences([a, b, c], entities)).toEqual([]);
  });

  it('never pairs sentences through a general entity alone', () => {
    const a = sentence('Strikes killed 40 people in Lebanon.', 'A', '2025-01-01', { lebanon: 'Lebanon' });
    const b = sentence('Strikes killed 90 people in Lebanon.', 'B', '2025-01-01', { lebanon: 'Lebanon' });
    expect(findSourceDifferences([a, b], entities)).toEqual([]);
  });

  it('builds one claim sentence per sentence from excerpts, with every entity it names', () => {
    const excerpt = {
      articleId: 'x',
      start: 10,
      end: 50,
      text: 'The talks were held in Naqoura on Monday.',
      outlet: 'A',
      date: '2025-12-04',
      precision: 'day' as const,
    };
    const sentences = claimSentences([
      { ...excerpt, entityId: 'talks', mentionStart: 14, mentionEnd: 19 },
      { ...excerpt, entityId: 'naqoura', mentionStart: 33, mentionEnd: 40 },
    ]);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]?.mentions).toEqual([
      { entityId: 'talks', start: 4, end: 9 },
      { entityId: 'naqoura', start: 23, end: 30 },
    ]);
  });
});
