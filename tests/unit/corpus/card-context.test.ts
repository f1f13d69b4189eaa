import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '@/lib/corpus/bundled-index';
import { cardDifferenceSchema } from '@/lib/corpus/card-context';
import { CorpusCatalog } from '@/lib/corpus/catalog';
import { entityCardSchema } from '@/lib/corpus/entity-card';

const { index } = loadBundledIndex();

/** Our own sentence, contradicting seed 004's toll of that Monday. */
const text = 'Israeli strikes in southern Lebanon on Monday killed 274 people, the Lebanese Health Ministry said.';
const imported = {
  articleId: 'coastal-courier-1',
  start: 0,
  end: text.length,
  mentionStart: text.indexOf('Lebanese Health Ministry'),
  mentionEnd: text.indexOf('Lebanese Health Ministry') + 'Lebanese Health Ministry'.length,
  text,
  outlet: 'Coastal Courier',
  date: '2024-09-24',
  precision: 'day' as const,
};

describe('cards and the story around a name', () => {
  it('shows "Sources differ" with both quotes, outlets and dates once an import contradicts a seed figure', () => {
    const catalog = new CorpusCatalog({ index });
    expect(catalog.card('lebanese-health-ministry')?.differences).toBeUndefined();
    const card = catalog.card('lebanese-health-ministry', 3, {
      excerpts: [imported],
      articles: [{ id: 'coastal-courier-1', title: 'Strikes on Monday' }],
    });
    expect(entityCardSchema.parse(card)).toEqual(card);
    expect(cardDifferenceSchema.array().parse(card?.differences)).toHaveLength(1);
    const [difference] = card?.differences ?? [];
    expect(difference).toMatchObject({ kind: 'figure', verdict: 'conflict' });
    const quotes = [difference?.a, difference?.b];
    expect(quotes.map((quote) => quote?.outlet).sort()).toEqual(['Coastal Courier', 'Defence Talks']);
    expect(quotes.some((quote) => quote?.text.includes('over 550 lives'))).toBe(true);
    expect(quotes.some((quote) => quote?.text.includes('killed 274 people'))).toBe(true);
    expect(difference?.what).toMatch(/550.*274|274.*550/);
  });

  it('places the card on the timeline: events before and after its latest mention', () => {
    const card = new CorpusCatalog({ index }).card('najib-mikati');
    expect(card?.onTimeline?.date).toBe('2024-09');
    expect(card?.onTimeline?.before.map((event) => event.id)).toContain('october-7-attack');
    expect(card?.onTimeline?.after.map((event) => event.id)).toContain('ceasefire-november-2024');
    expect(card?.onTimeline?.after.every((event) => event.date >= '2024-09')).toBe(true);
  });

  it('gives the date of the newest source, for "Newer than your sources"', () => {
    expect(new CorpusCatalog({ index }).card('joseph-aoun')?.latestSource).toEqual({
      date: '2026-03-09',
      precision: 'day',
    });
  });
});
