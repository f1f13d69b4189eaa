import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpusInputs } from '@/lib/cli/write-bundled-index';
import { createEntityMatcher } from '@/lib/matching/match-entities';
import {
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_NEEDS_CUE,
  buildMatcherSpec,
  cueKeysOf,
  foldedWords,
  groupKeys,
  MATCHER_SPEC_VERSION,
} from '@/lib/matching/matcher-spec';
import { entities, KB, matcher } from '../../support/matcher-fixtures';

describe('spec', () => {
  it('survives JSON and gives the same matches', () => {
    const spec = buildMatcherSpec(entities(KB));
    const fromJson = createEntityMatcher(JSON.parse(JSON.stringify(spec)));
    const text = 'Lebanese President Joseph Aoun, وحزب الله, צה״ל and the 2024 ceasefire. Aoun said.';
    expect(fromJson.match(text)).toEqual(matcher.match(text));
    expect(buildMatcherSpec(entities(KB))).toEqual(spec);
  });

  it('gives the same matches on the seeds after JSON as built directly, with the real knowledge base', () => {
    const inputs = readCorpusInputs();
    const spec = buildMatcherSpec(inputs.knowledgeBase.entities);
    const direct = createEntityMatcher(spec);
    const fromJson = createEntityMatcher(JSON.parse(JSON.stringify(spec)));
    const index = JSON.parse(readFileSync(new URL('../../../data/index.json', import.meta.url), 'utf8'));
    const texts: string[] = index.articles.map((article: { text: string }) => article.text);
    let total = 0;
    for (const text of [...texts, texts.join('\n\n').repeat(12)]) {
      const expected = direct.match(text);
      total += expected.length;
      expect(fromJson.match(text)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(100);
  });
});

describe('building the spec', () => {
  const spec = buildMatcherSpec(entities(KB));
  const aliasesOf = (id: string) => spec.aliases.filter((alias) => spec.entities[alias.entity]?.id === id);
  const entityOf = (id: string) => spec.entities.find((entity) => entity.id === id);

  it('folds each alias into its key, with the knowledge base’s flags as bits', () => {
    const aoun = aliasesOf('joseph-aoun').find((alias) => alias.text === 'Aoun');
    expect(aoun).toMatchObject({ key: 'aoun', flags: ALIAS_AMBIGUOUS });
    expect(aliasesOf('united-states').find((alias) => alias.text === 'U.S.')).toMatchObject({
      key: 'u.s.',
      flags: ALIAS_CASE_SENSITIVE,
    });
    expect(aliasesOf('naqoura-talks')).toEqual([expect.objectContaining({ key: 'talks', flags: ALIAS_NEEDS_CUE })]);
    expect(aliasesOf('elysee')[0]?.key).toBe('elysee palace');
  });

  it('writes the aliases in code-unit order of their keys, grouped by key', () => {
    const keys = spec.aliases.map((alias) => alias.key);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const { keys: distinct, keyStart } = groupKeys(spec.aliases);
    expect(distinct).toEqual([...new Set(keys)]);
    expect(keyStart[keyStart.length - 1]).toBe(spec.aliases.length);
  });

  it('names the rivals of a surname-only alias: other entities of the same kind whose full name ends in it', () => {
    const withMichel = buildMatcherSpec(
      entities([...KB, { id: 'michel-aoun', kind: 'person', name: 'Michel Aoun', aliases: [{ text: 'Michel Aoun' }] }]),
    );
    const michel = withMichel.entities.findIndex((entity) => entity.id === 'michel-aoun');
    const aoun = withMichel.aliases.find((alias) => alias.text === 'Aoun');
    expect(aoun?.rivals).toEqual([michel]);
    expect(spec.aliases.find((alias) => alias.text === 'Aoun')?.rivals).toBeUndefined();
  });

  it('keeps name words and role cues only for entities with a surname-only alias, and cues only for generic words', () => {
    expect(entityOf('joseph-aoun')).toMatchObject({
      nameWords: expect.arrayContaining(['joseph', 'aoun']),
      roleCues: ['president', 'lebanese president', 'الرئيس'],
    });
    expect(entityOf('rodolphe-haykal')?.roleCues).toContain('gen.');
    expect(entityOf('hezbollah')).toEqual({ id: 'hezbollah', kind: 'organisation' });
    expect(entityOf('ceasefire-2024')?.cues).toEqual(['2024', 'november', 'hezbollah', 'u.s.-brokered']);
    expect(cueKeysOf(spec.entities)).toEqual([...new Set(spec.entities.flatMap((entity) => entity.cues ?? []))].sort());
  });

  it('drops an alias written twice with the same flags, and empty keys', () => {
    const twice = buildMatcherSpec(
      entities([
        {
          id: 'hezbollah',
          kind: 'organisation',
          name: 'Hezbollah',
          aliases: [{ text: 'Hezbollah' }, { text: 'Hezbollah' }, { text: 'Hezbollah', caseSensitive: true }],
        },
      ]),
    );
    expect(twice.aliases.map((alias) => alias.flags)).toEqual([0, ALIAS_CASE_SENSITIVE]);
    expect(twice.version).toBe(MATCHER_SPEC_VERSION);
  });

  it('splits folded phrases into words', () => {
    expect(foldedWords('prime minister')).toEqual(['prime', 'minister']);
    expect(foldedWords('gen. rodolphe-haykal')).toEqual(['gen', 'rodolphe', 'haykal']);
  });
});
