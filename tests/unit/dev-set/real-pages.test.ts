/**
 * The development set of real pages (issue #12): the committed file holds
 * addresses, queries and gold ids only, never a page's text, and every gold id
 * is an entity the knowledge base knows. The scoring helpers behind
 * `npm run eval:linking` are checked on paraphrased text written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseCorpusIndex } from '@/lib/model/index-schema';
import bundledIndexJson from '../../../data/index.json';
import knowledgeBaseJson from '../../../data/knowledge-base.json';
import devSetJson from '../../dev-set/real-pages.json';
import {
  blocksOf,
  DEV_SET_LANGUAGES,
  type DevSetPage,
  linkPage,
  parseDevSet,
  productionLinker,
  scoreLinking,
  unknownGoldIds,
} from '../../support/dev-set';

const devSet = parseDevSet(devSetJson);
const knownIds = new Set(knowledgeBaseJson.entities.map((entity) => entity.id));

describe('tests/dev-set/real-pages.json', () => {
  it('lists at least 25 pages in English, French, Arabic and Hebrew', () => {
    expect(devSet.pages.length).toBeGreaterThanOrEqual(25);
    expect(new Set(devSet.pages.map((page) => page.language))).toEqual(new Set(DEV_SET_LANGUAGES));
  });

  it('names only entities of the knowledge base as gold', () => {
    expect(unknownGoldIds(devSet, knownIds)).toEqual([]);
  });

  it('gives every page its own slug and address, and no gold id twice', () => {
    expect(new Set(devSet.pages.map((page) => page.slug)).size).toBe(devSet.pages.length);
    expect(new Set(devSet.pages.map((page) => page.url)).size).toBe(devSet.pages.length);
    for (const page of devSet.pages) expect(new Set(page.gold).size, page.slug).toBe(page.gold.length);
  });

  it('stores no text of a real page: a `text` field is refused, naming the file and the field', () => {
    const withText = structuredClone(devSetJson) as { pages: Record<string, unknown>[] };
    (withText.pages[0] as Record<string, unknown>).text = 'words of the article';
    expect(() => parseDevSet(withText)).toThrow(/tests\/dev-set\/real-pages\.json: pages\.0: .*text/);
  });

  it('refuses a set of fewer than 25 pages and an unknown language', () => {
    const few = { ...devSetJson, pages: devSetJson.pages.slice(0, 24) };
    expect(() => parseDevSet(few)).toThrow(/at least 25/);
    const german = structuredClone(devSetJson);
    (german.pages[0] as { language: string }).language = 'de';
    expect(() => parseDevSet(german)).toThrow(/pages\.0\.language/);
  });

  it('finds a gold id the knowledge base does not know', () => {
    const page = { ...devSet.pages[0], gold: ['hezbollah', 'no-such-entity'] } as DevSetPage;
    expect(unknownGoldIds({ ...devSet, pages: [page] }, knownIds)).toEqual([`${page.slug}: no-such-entity`]);
  });
});

describe('eval:linking scoring', () => {
  const linker = productionLinker(parseCorpusIndex(bundledIndexJson));

  it('places a short first line as the headline and the next two long lines as the lede', () => {
    const long = 'A paragraph long enough to count as the lede of an article, past sixty characters.';
    expect(blocksOf(`Short headline\n\n${long}\n${long}\n${long}`).map((block) => block.place)).toEqual([
      'headline',
      'lede',
      'lede',
      'body',
    ]);
  });

  it('links a paraphrased page with the production matcher and scores it against its gold', () => {
    const page: DevSetPage = {
      slug: 'paraphrase',
      url: 'https://example.org/paraphrase',
      query: 'paraphrase',
      language: 'en',
      published: '2025-12-05',
      gold: ['hezbollah', 'naqoura', 'lebanon', 'israel', 'joseph-aoun'],
    };
    const text =
      'Envoys meet in Naqoura\n' +
      'Officials from Lebanon and Israel sat at the same table in Naqoura this week, a first in decades.\n' +
      'Hezbollah was not in the room, and its weapons stayed the main question for both delegations.';
    const linking = linkPage(text, page, linker);
    expect(linking.relevance.related).toBe(true);
    const score = scoreLinking([{ page, linking }]);
    expect(linking.entities).toEqual(expect.arrayContaining(['naqoura', 'lebanon', 'israel', 'hezbollah']));
    expect(score.missed).toEqual(['paraphrase: joseph-aoun']);
    expect(score.recall).toBeCloseTo(4 / 5);
    expect(score.correct).toBe(4);
  });

  it('counts a link outside the gold as wrong, with the words it was made on', () => {
    const page: DevSetPage = {
      slug: 'washington-only',
      url: 'https://example.org/w',
      query: 'q',
      language: 'en',
      gold: ['hezbollah'],
    };
    const linking = linkPage('Hezbollah and Naqoura were discussed in Washington on Monday evening.', page, linker);
    const score = scoreLinking([{ page, linking }]);
    expect(score.wrong).toEqual(expect.arrayContaining(['washington-only: naqoura ("Naqoura")']));
    expect(score.precision).toBeLessThan(1);
  });
});
