import { describe, expect, it } from 'vitest';
import {
  cardDatePrecisions,
  cardDifferenceKinds,
  cardEntityKinds,
  cardImportedMessage,
  cardPageMessage,
  cardShowMessage,
} from '@/entrypoints/card/card-messages';
import { entityCardSchema } from '@/lib/corpus/entity-card';
import { differenceKinds } from '@/lib/corpus/source-differences';
import { cardFrameImportedMessage, cardFramePageMessage, cardFrameShowMessage } from '@/lib/extension/messages';
import { datePrecisions, entityKinds } from '@/lib/model/knowledge-base';

/**
 * The card page checks the background's messages with Zod Mini (issue #13: the classic bundle
 * cost the card its first paint). These are the rules of the classic schemas the rest of the
 * extension uses: every message below must get the same verdict from both.
 */

/** The classic check of a card/show message: the message, then its card as an EntityCard (or null). */
function classicShow(raw: unknown): boolean {
  const message = cardFrameShowMessage.safeParse(raw);
  return message.success && entityCardSchema.nullable().safeParse(message.data.card).success;
}

const quote = {
  articleId: 'a1',
  outlet: 'Courier',
  date: '2024-09-24',
  precision: 'day',
  text: 'It said 500.',
  start: 0,
  end: 12,
};

const card = {
  id: 'lebanese-health-ministry',
  name: 'Lebanese Health Ministry',
  kind: 'organisation',
  role: 'Ministry',
  background: 'A ministry.',
  date: { start: '1943', precision: 'year' },
  excerpts: [
    {
      articleId: 'a1',
      articleTitle: 'Strikes',
      outlet: 'Courier',
      date: null,
      precision: 'unknown',
      before: 'The ',
      mention: 'ministry',
      after: ' said.',
      start: 0,
      end: 18,
    },
  ],
  related: [{ id: 'beirut', name: 'Beirut', kind: 'place' }],
  excerptTotal: 4,
  differences: [{ kind: 'figure', verdict: 'conflict', what: 'casualties', a: quote, b: { ...quote, text: '600' } }],
  onTimeline: {
    pointId: 'courier-1:0',
    date: '2024-09-24',
    precision: 'day',
    before: [{ id: 'e1', name: 'Talks', date: '2024-09-01', end: '2024-09-02', precision: 'day' }],
    after: [],
  },
  latestSource: { date: '2024-09', precision: 'month' },
};

const show = {
  type: 'card/show',
  entityId: card.id,
  pinned: false,
  card,
  pageDate: { date: '2026-05-04', precision: 'day' },
};

const showCases: [string, unknown][] = [
  ['a full card', show],
  ['an unknown entity', { ...show, card: null }],
  ['no page date', { type: 'card/show', entityId: card.id, pinned: true, card }],
  ['a card with only what it needs', { ...show, card: { ...card, date: undefined, differences: undefined } }],
  ['an empty entity id', { ...show, entityId: '' }],
  ['a long entity id', { ...show, entityId: 'x'.repeat(201) }],
  ['a page date that is not one', { ...show, pageDate: { date: '2026-13-01', precision: 'day' } }],
  ['an unknown precision', { ...show, pageDate: { date: '2026-05', precision: 'year' } }],
  ['an extra field', { ...show, html: '<b>x</b>' }],
  ['a card with an extra field', { ...show, card: { ...card, script: 'x' } }],
  ['an unknown kind', { ...show, card: { ...card, kind: 'planet' } }],
  ['a negative excerpt total', { ...show, card: { ...card, excerptTotal: -1 } }],
  ['a fractional offset', { ...show, card: { ...card, excerpts: [{ ...card.excerpts[0], start: 1.5 }] } }],
  ['an unknown difference', { ...show, card: { ...card, differences: [{ ...card.differences[0], kind: 'mood' }] } }],
  [
    'a quote without text',
    { ...show, card: { ...card, differences: [{ ...card.differences[0], a: { ...quote, text: undefined } }] } },
  ],
  ['a related entity with no kind', { ...show, card: { ...card, related: [{ id: 'x', name: 'X' }] } }],
  [
    'a timeline event with a number for a date',
    {
      ...show,
      card: {
        ...card,
        onTimeline: { ...card.onTimeline, after: [{ id: 'e', name: 'E', date: 2024, precision: 'day' }] },
      },
    },
  ],
  ['a card that is a string', { ...show, card: 'card' }],
  ['no pinned flag', { type: 'card/show', entityId: card.id, card }],
];

describe('card page messages (Zod Mini) against the classic schemas', () => {
  it.each(showCases)('gives card/show with %s the same verdict', (_name, raw) => {
    expect(cardShowMessage.safeParse(raw).success).toBe(classicShow(raw));
  });

  it('accepts the full card and refuses the broken ones (the cases test both ways)', () => {
    const verdicts = showCases.map(([, raw]) => cardShowMessage.safeParse(raw).success);
    expect(verdicts.filter(Boolean)).toHaveLength(4);
    expect(verdicts.filter((ok) => !ok)).toHaveLength(showCases.length - 4);
  });

  it.each([
    ['a page', { type: 'card/page', url: 'https://example.org/a', html: '<p>Page</p>' }],
    ['an empty page', { type: 'card/page', url: 'https://example.org/a', html: '' }],
    ['no address', { type: 'card/page', url: 'not a url', html: '' }],
    ['a long address', { type: 'card/page', url: `https://example.org/${'a'.repeat(8_200)}`, html: '' }],
    ['an extra field', { type: 'card/page', url: 'https://example.org/a', html: '', card }],
  ])('gives card/page with %s the same verdict', (_name, raw) => {
    expect(cardPageMessage.safeParse(raw).success).toBe(cardFramePageMessage.safeParse(raw).success);
  });

  it.each([
    ['a status', { type: 'card/imported', status: 'Imported “Strikes”.' }],
    ['a long status', { type: 'card/imported', status: 'x'.repeat(2_001) }],
    ['no status', { type: 'card/imported' }],
  ])('gives card/imported with %s the same verdict', (_name, raw) => {
    expect(cardImportedMessage.safeParse(raw).success).toBe(cardFrameImportedMessage.safeParse(raw).success);
  });

  it('lists the same kinds and precisions as the knowledge base', () => {
    expect(cardEntityKinds).toEqual(entityKinds);
    expect(cardDatePrecisions).toEqual(datePrecisions);
    expect(cardDifferenceKinds).toEqual(differenceKinds);
  });
});
