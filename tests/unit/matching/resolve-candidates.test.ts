import { describe, expect, it } from 'vitest';
import { createEntityMatcher } from '@/lib/matching/match-entities';
import { ALIAS_AMBIGUOUS, ALIAS_NEEDS_CUE, buildMatcherSpec, type MatcherSpecAlias } from '@/lib/matching/matcher-spec';
import {
  CANDIDATE_OTHER_PERSON,
  CANDIDATE_PART_OF_NAME,
  type Candidate,
  createResolver,
} from '@/lib/matching/resolve-candidates';
import { entities, ids, KB, matcher } from '../../support/matcher-fixtures';

describe('document-level resolution', () => {
  it('link a surname shared by two entities only when exactly one of them is confirmed', () => {
    const shared = createEntityMatcher(
      buildMatcherSpec(
        entities([
          ...KB,
          {
            id: 'michel-aoun',
            kind: 'person',
            name: 'Michel Aoun',
            aliases: [{ text: 'Michel Aoun' }, { text: 'Aoun', ambiguous: true }],
            roleCues: ['former president'],
          },
        ]),
      ),
    );
    expect(ids('Joseph Aoun spoke. Aoun said', shared)).toEqual(['joseph-aoun', 'joseph-aoun']);
    expect(ids('Michel Aoun spoke. Aoun said', shared)).toEqual(['michel-aoun', 'michel-aoun']);
    expect(ids('Joseph Aoun and Michel Aoun spoke. Aoun said', shared)).toEqual(['joseph-aoun', 'michel-aoun']);
    expect(ids('Aoun said', shared)).toEqual([]);
  });

  it('resolves surnames across the chunks of one page', () => {
    const chunks = ['Lebanese President Joseph Aoun offered talks.', 'Aoun also asked for funding.'];
    const [first, second] = matcher.resolve(chunks.map((chunk) => matcher.scan(chunk)));
    expect(first?.map((match) => match.entityId)).toEqual(['lebanon', 'joseph-aoun']);
    expect(second).toEqual([{ start: 0, end: 4, entityId: 'joseph-aoun', alias: 'Aoun' }]);
    expect(matcher.match(chunks[1] ?? '')).toEqual([]);
  });
});

describe('the resolver alone, on hand-made candidates', () => {
  // Three entities; alias 0 "Aoun" (surname-only, entity 0), alias 1 "Joseph Aoun" (entity 0),
  // alias 2 "Aoun" (surname-only, entity 1, whose full name is alias 3), alias 4 "Hezbollah"
  // shared by entities 1 and 2 (two entities, one name).
  const aliases: MatcherSpecAlias[] = [
    { text: 'Aoun', key: 'aoun', entity: 0, flags: ALIAS_AMBIGUOUS, rivals: [1] },
    { text: 'Joseph Aoun', key: 'joseph aoun', entity: 0, flags: 0 },
    { text: 'Aoun', key: 'aoun', entity: 1, flags: ALIAS_AMBIGUOUS, rivals: [0] },
    { text: 'Michel Aoun', key: 'michel aoun', entity: 1, flags: 0 },
    { text: 'Hezbollah', key: 'hezbollah', entity: 1, flags: 0 },
    { text: 'Hezbollah', key: 'hezbollah', entity: 2, flags: 0 },
    { text: 'talks', key: 'talks', entity: 2, flags: ALIAS_NEEDS_CUE },
  ];
  // Terminals: 0 "aoun", 1 "joseph aoun", 2 "michel aoun", 3 "hezbollah", 4 "talks".
  const aliasTerminal = Int32Array.from([0, 1, 0, 2, 3, 3, 4]);
  const resolve = createResolver({
    entityIds: ['joseph-aoun', 'michel-aoun', 'other'],
    aliases,
    aliasEntity: Int32Array.from(aliases.map((alias) => alias.entity)),
    aliasFlags: Uint8Array.from(aliases.map((alias) => alias.flags)),
    aliasTexts: aliases.map((alias) => alias.text),
    aliasTerminal,
    terminalFlags: Uint8Array.from([ALIAS_AMBIGUOUS, 0, 0, 0, ALIAS_NEEDS_CUE]),
  });
  const candidate = (start: number, aliasIds: number[], local: number[] = [], flags = 0): Candidate => ({
    start,
    end: start + 4,
    aliases: aliasIds,
    local,
    flags,
  });
  const surname = (start: number, local: number[] = [], flags = 0) => candidate(start, [0, 2], local, flags);
  const entityIdsOf = (chunks: Candidate[][]) => resolve(chunks).map((chunk) => chunk.map((match) => match.entityId));

  it('links a surname to the one entity whose full name the document holds, in any chunk', () => {
    expect(entityIdsOf([[candidate(0, [1])], [surname(10)]])).toEqual([['joseph-aoun'], ['joseph-aoun']]);
    expect(entityIdsOf([[surname(0)], [candidate(10, [3])]])).toEqual([['michel-aoun'], ['michel-aoun']]);
    expect(entityIdsOf([[surname(0)]])).toEqual([[]]);
  });

  it('links to none when both full names are in the document, unless the context chose one', () => {
    expect(entityIdsOf([[candidate(0, [1]), candidate(20, [3]), surname(40)]])).toEqual([
      ['joseph-aoun', 'michel-aoun'],
    ]);
    expect(entityIdsOf([[surname(0, [0])]])).toEqual([['joseph-aoun']]);
  });

  it('drops a surname that is part of a longer name, and every surname of a key another person carries', () => {
    expect(entityIdsOf([[candidate(0, [1]), surname(10, [], CANDIDATE_PART_OF_NAME)]])).toEqual([['joseph-aoun']]);
    expect(entityIdsOf([[candidate(0, [1]), surname(10, [], CANDIDATE_OTHER_PERSON)], [surname(0, [0])]])).toEqual([
      ['joseph-aoun'],
      [],
    ]);
  });

  it('gives a name two entities share to neither, and a generic word only to its confirmed event', () => {
    expect(entityIdsOf([[candidate(0, [4, 5])]])).toEqual([[]]);
    expect(entityIdsOf([[candidate(0, [6]), candidate(10, [6], [2])]])).toEqual([['other']]);
    expect(resolve([[candidate(10, [6], [2])]])).toEqual([[{ start: 10, end: 14, entityId: 'other', alias: 'talks' }]]);
  });
});
