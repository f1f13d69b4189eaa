// @vitest-environment happy-dom
/**
 * The annotator resolves and paints at a few points of a pass (after the
 * first slice, each time the blocks read have doubled, at the end), not after
 * every slice (issue #6). Whatever the slicing, a pass must end with exactly
 * what reading the page in one go paints, including surname-only mentions
 * that only a later block confirms.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEntityMatcher } from '@/lib/matching/match-entities';
import { buildMatcherSpec } from '@/lib/matching/matcher-spec';
import { newsPageMatcher } from '@/lib/matching/news-page-matcher';
import type { AnnotationEntity } from '@/lib/matching/page-relevance';
import { entitySchema } from '@/lib/model/knowledge-base';
import { Highlighter } from '@/lib/page/highlighter';
import { PageAnnotator } from '@/lib/page/page-annotator';

const knowledgeBase = [
  {
    id: 'joseph-aoun',
    kind: 'person',
    name: 'Joseph Aoun',
    aliases: [{ text: 'Joseph Aoun' }, { text: 'Aoun', ambiguous: true }],
    role: 'President of Lebanon.',
    background: 'Test entity.',
    roleCues: ['President'],
  },
  {
    id: 'hezbollah',
    kind: 'organisation',
    name: 'Hezbollah',
    aliases: [{ text: 'Hezbollah' }],
    role: 'Lebanese party and militia.',
    background: 'Test entity.',
  },
].map((entity) => entitySchema.parse(entity));
const matcher = newsPageMatcher(createEntityMatcher(buildMatcherSpec(knowledgeBase)), new Map());
const entities = new Map<string, AnnotationEntity>(
  knowledgeBase.map(({ id, name, kind, specificity }) => [id, { id, name, kind, specificity }]),
);

const annotators: PageAnnotator[] = [];
afterEach(() => {
  for (const annotator of annotators.splice(0)) annotator.destroy();
  document.body.replaceChildren();
});

function setPage(paragraphs: readonly string[]): void {
  document.body.replaceChildren(
    ...paragraphs.map((text) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      return paragraph;
    }),
  );
}

async function paintedTexts(sliceMs: number): Promise<string[]> {
  const highlighter = new Highlighter(document);
  const annotator = new PageAnnotator({
    doc: document,
    matcher,
    entities,
    highlighter,
    highlightMode: 'every',
    sliceMs,
  });
  annotators.push(annotator);
  await annotator.start();
  const texts = highlighter.mentions().map((mention) => `${mention.entityId}:${mention.range.toString()}`);
  annotator.destroy();
  return texts;
}

describe('PageAnnotator slicing', () => {
  it('paints the same mentions in one slice or one block per slice', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says nothing about anyone in particular.`);
    setPage([
      // Only the last paragraph names Joseph Aoun: the surname alone links because of it.
      'Aoun said the army would deploy. Hezbollah did not comment.',
      ...filler,
      'Hezbollah and Aoun met again.',
      ...filler,
      'Joseph Aoun ended the day in Baabda.',
    ]);
    const inOneGo = await paintedTexts(10_000);
    const blockByBlock = await paintedTexts(0);
    expect(inOneGo.filter((text) => text === 'joseph-aoun:Aoun')).toHaveLength(2);
    expect(blockByBlock).toEqual(inOneGo);
  });
});
