import { describe, expect, it } from 'vitest';
import { claimSentences, type DifferenceEntity, findSourceDifferences } from '@/lib/corpus/source-differences';
import { buildTimeline, type TimelineArticle } from '@/lib/corpus/timeline';
import { differencesByPoint, differingSentenceIds, excerptsToCompare } from '@/lib/corpus/timeline-differences';
import type { Excerpt } from '@/lib/model/index-schema';

const entities = new Map<string, DifferenceEntity>([
  ['talks', { kind: 'event', specificity: 'specific', related: ['naqoura'] }],
  ['naqoura', { kind: 'place', specificity: 'specific', related: [] }],
  ['tyre', { kind: 'place', specificity: 'specific', related: [] }],
]);

function article(id: string, outlet: string, date: string): TimelineArticle {
  return {
    id,
    title: `${outlet} report`,
    outlet,
    language: 'en',
    published: { date, precision: 'day', basis: 'stated', reason: 'stated in the test article' },
  };
}

/** One excerpt per named entity of a sentence, as the index stores them. */
function excerpts(articleId: string, outlet: string, date: string, text: string, names: Record<string, string>) {
  const start = 40;
  return Object.entries(names).map(([entityId, name]): Excerpt & { entityId: string } => ({
    entityId,
    articleId,
    start,
    end: start + text.length,
    mentionStart: start + text.indexOf(name),
    mentionEnd: start + text.indexOf(name) + name.length,
    text,
    outlet,
    date,
    precision: 'day',
  }));
}

// Neither sentence states a date or reports anyone: without the difference, neither is a point.
const placedIn = (place: string) => `The talks were held in ${place}.`;
const all = [
  ...excerpts('ledger-1', 'Harbour Ledger', '2025-12-04', placedIn('Naqoura'), { talks: 'talks', naqoura: 'Naqoura' }),
  ...excerpts('courier-1', 'Coastal Courier', '2025-12-05', placedIn('Tyre'), { talks: 'talks', tyre: 'Tyre' }),
];
const articles = [
  article('ledger-1', 'Harbour Ledger', '2025-12-04'),
  article('courier-1', 'Coastal Courier', '2025-12-05'),
];

describe('"Sources differ" on the timeline', () => {
  const differences = findSourceDifferences(claimSentences(all), entities);

  it('places both sentences of a disagreement, at their articles’ dates', () => {
    expect(differences.map((difference) => difference.kind)).toEqual(['place']);
    expect(buildTimeline({ entities: [], articles, excerpts: all })).toEqual([]);
    const points = buildTimeline({
      entities: [],
      articles,
      excerpts: all,
      alsoPlace: differingSentenceIds(differences),
    });
    expect(points.map((point) => [point.id, point.kind, point.date, point.dateBasis])).toEqual([
      ['ledger-1:40', 'fact', '2025-12-04', 'article'],
      ['courier-1:40', 'fact', '2025-12-05', 'article'],
    ]);
  });

  it('shows each disagreement at both of its points, each pointing at the other', () => {
    const byPoint = differencesByPoint(differences);
    expect(byPoint.get('ledger-1:40')?.map((pair) => pair.otherPointId)).toEqual(['courier-1:40']);
    expect(byPoint.get('courier-1:40')?.map((pair) => pair.otherPointId)).toEqual(['ledger-1:40']);
    expect(byPoint.get('ledger-1:40')?.[0]?.differences.map((difference) => difference.what)).toEqual([
      differences[0]?.what,
    ]);
  });

  it('quotes two sentences once however many ways they differ, conflicts first', () => {
    const [conflict] = differences;
    if (!conflict) throw new Error('no difference found');
    const changed = { ...conflict, kind: 'figure' as const, verdict: 'changed-over-time' as const, what: 'changed' };
    const byPoint = differencesByPoint([changed, conflict]);
    const pairs = byPoint.get('ledger-1:40') ?? [];
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.differences.map((difference) => difference.verdict)).toEqual(['conflict', 'changed-over-time']);
  });
});

describe('excerptsToCompare (the timeline page over a large corpus)', () => {
  const older = excerpts('gazette-1', 'Old Gazette', '2025-12-04', placedIn('Tyre'), { talks: 'talks', tyre: 'Tyre' });
  const newer = [
    ...excerpts('ledger-2', 'Harbour Ledger', '2025-12-06', placedIn('Naqoura'), {
      talks: 'talks',
      naqoura: 'Naqoura',
    }),
    ...excerpts('post-2', 'Coastal Post', '2025-12-07', placedIn('Naqoura'), { talks: 'talks', naqoura: 'Naqoura' }),
  ];
  const kept = (perEntity: number) =>
    claimSentences(excerptsToCompare([...older, ...newer], entities, perEntity)).map((sentence) => [
      sentence.id,
      sentence.mentions.map((mention) => mention.entityId),
    ]);

  it("keeps each specific entity's newest sentences, each with every entity it names", () => {
    // All compared: the oldest source differs from both newer ones.
    const all = findSourceDifferences(claimSentences([...older, ...newer]), entities);
    expect(all.map((difference) => difference.kind)).toEqual(['place', 'place']);
    // One per entity: the talks keep only their newest; Tyre still brings the old sentence (with the talks).
    expect(kept(1)).toEqual([
      ['gazette-1:40', ['talks', 'tyre']],
      ['post-2:40', ['talks', 'naqoura']],
    ]);
    // Two per entity: all three sentences.
    expect(kept(2).map(([id]) => id)).toEqual(['gazette-1:40', 'ledger-2:40', 'post-2:40']);
  });

  it('keeps everything under the cap, in the order given', () => {
    expect(excerptsToCompare(all, entities, 10)).toEqual(all);
  });
});
