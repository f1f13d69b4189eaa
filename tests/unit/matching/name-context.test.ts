import { describe, expect, it } from 'vitest';
import { createEntityMatcher } from '@/lib/matching/match-entities';
import { buildMatcherSpec } from '@/lib/matching/matcher-spec';
import { createNameContextReader } from '@/lib/matching/name-context';
import { CANDIDATE_OTHER_PERSON, CANDIDATE_PART_OF_NAME } from '@/lib/matching/resolve-candidates';
import { entities, found, ids, KB, matcher } from '../../support/matcher-fixtures';
import { aliasTables } from '../../support/matcher-tables';

describe('ambiguous surname-only aliases', () => {
  it('link when the full name is in the same text', () => {
    // seeds/002
    const text =
      'Last week, Lebanese President Joseph Aoun offered to hold direct negotiations. ' +
      'Aoun also asked for a boost in funding for Lebanese troops.';
    expect(found(text)).toEqual([
      ['Lebanese', 'lebanon'],
      ['Joseph Aoun', 'joseph-aoun'],
      ['Aoun', 'joseph-aoun'],
      ['Lebanese', 'lebanon'],
    ]);
    expect(ids('Aoun also asked for a boost in funding for Lebanese troops.')).toEqual(['lebanon']);
  });

  it('link after a role cue right before the surname', () => {
    // seeds/003
    const text =
      'Axios reported that the dispute has created tensions between Haykal and Prime Minister Salam and has led to ' +
      'pressure from officials in Washington urging President Aoun to remove the military commander.';
    expect(found(text)).toEqual([
      ['Salam', 'nawaf-salam'],
      ['Washington', 'washington'],
      ['Aoun', 'joseph-aoun'],
    ]);
    // The previous sentence names Gen. Rodolphe Haykal in full, so "Haykal" links too.
    const withHaykal = `However, Lebanese Army commander Gen. Rodolphe Haykal has reportedly resisted orders. ${text}`;
    expect(ids(withHaykal).filter((id) => id === 'rodolphe-haykal')).toEqual(['rodolphe-haykal', 'rodolphe-haykal']);
    expect(ids('Gen. Haykal resisted')).toEqual(['rodolphe-haykal']);
    expect(ids('Speaker Berri said')).toEqual(['nabih-berri']);
    expect(ids('Barrack said')).toEqual([]);
  });

  it('link after a role cue in Arabic, with or without a proclitic on it', () => {
    expect(found('قال الرئيس عون إن')).toEqual([['عون', 'joseph-aoun']]);
    expect(found('والرئيس عون')).toEqual([['عون', 'joseph-aoun']]);
    expect(found('وقال الرئيس جوزاف عون ثم قال عون')).toEqual([
      ['جوزاف عون', 'joseph-aoun'],
      ['عون', 'joseph-aoun'],
    ]);
    // "عون" is also the word for "help": alone, it links nothing.
    expect(ids('طلب عون المجتمع الدولي')).toEqual([]);
  });

  it('follow a chain of title and first name when the full name is not an alias', () => {
    const onlySurname = createEntityMatcher(
      buildMatcherSpec(
        entities([
          {
            id: 'joseph-aoun',
            kind: 'person',
            name: 'Joseph Aoun',
            aliases: [{ text: 'Aoun', ambiguous: true }],
            roleCues: ['President'],
          },
        ]),
      ),
    );
    expect(found('Last week, Lebanese President Joseph Aoun offered talks', onlySurname)).toEqual([
      ['Aoun', 'joseph-aoun'],
    ]);
    expect(ids('Last week, Joseph Aoun offered talks', onlySurname)).toEqual([]);
  });

  it('do not link when another person with that surname is named', () => {
    // Michel Aoun is not in the knowledge base: his first name gives him away, in the whole text.
    expect(ids('Former president Michel Aoun spoke. Later, President Aoun replied.')).toEqual([]);
    // With an entity of his own, his full name is a rival for the bare surname.
    const withMichel = createEntityMatcher(
      buildMatcherSpec(
        entities([
          ...KB,
          { id: 'michel-aoun', kind: 'person', name: 'Michel Aoun', aliases: [{ text: 'Michel Aoun' }] },
        ]),
      ),
    );
    expect(found('Joseph Aoun succeeded Michel Aoun. Aoun said', withMichel)).toEqual([
      ['Joseph Aoun', 'joseph-aoun'],
      ['Michel Aoun', 'michel-aoun'],
    ]);
    expect(ids('Joseph Aoun spoke. Aoun said', withMichel)).toEqual(['joseph-aoun', 'joseph-aoun']);
  });

  it('read ALL-CAPS headlines: the role cue in any case, capitalised neighbours proving nothing', () => {
    expect(ids('PRESIDENT AOUN SAYS TALKS WILL GO ON')).toEqual(['joseph-aoun']);
    expect(ids('AOUN MEETS ENVOY')).toEqual([]);
  });

  it('ignore a capitalised word that only opens the sentence', () => {
    expect(found('Nawaf Salam spoke. But Salam said. When Salam left, "Salam')).toEqual([
      ['Nawaf Salam', 'nawaf-salam'],
      ['Salam', 'nawaf-salam'],
      ['Salam', 'nawaf-salam'],
      ['Salam', 'nawaf-salam'],
    ]);
  });

  it('never match inside another word or name', () => {
    const fullNames = 'Tom Barrack, Nawaf Salam, Israel Katz and Joseph Aoun met. ';
    const rest = 'Barrack Street, barracks, As-Salam, Salama, Katzenberg, Aoun-Smith, Barrack Obama';
    expect(ids(fullNames + rest)).toEqual(['tom-barrack', 'nawaf-salam', 'israel-katz', 'joseph-aoun']);
    // Not a name after all: a lower-case word after a hyphen, a day after the surname, the end of a sentence.
    expect(found(`${fullNames}the Aoun-led cabinet, pro-Salam crowds, Barrack Monday, met Katz. Then`)).toHaveLength(8);
  });

  it('find no person in a food-hall review', () => {
    const text = 'chef Sarah Katz opened her stall on Barrack Street in Washington';
    const people = matcher
      .match(text)
      .filter((match) => ['israel-katz', 'tom-barrack'].includes(match.entityId) || match.entityId.includes('-'));
    expect(people).toEqual([]);
    expect(ids(text)).toEqual(['washington']);
  });
});

describe('reading the context of one surname', () => {
  const spec = buildMatcherSpec(entities(KB));
  const { aliasFlags, aliasEntity, aliasesOf, entityIndex } = aliasTables(spec);
  const read = createNameContextReader(spec.entities, aliasFlags, aliasEntity);
  /** Reads the context of the first `surname` in `text`. */
  const context = (text: string, surname: string) => {
    const start = text.indexOf(surname);
    const local: number[] = [];
    const flags = read(text, start, start + surname.length, aliasesOf(surname.toLowerCase()), local);
    return { flags, local };
  };

  it('confirms the entity a role cue names, through its title and first name', () => {
    expect(context('urging President Aoun to act', 'Aoun').local).toEqual([entityIndex('joseph-aoun')]);
    expect(context('Lebanese President Joseph Aoun said', 'Aoun').local).toEqual([entityIndex('joseph-aoun')]);
    expect(context('the Gen. Haykal case', 'Haykal').local).toEqual([entityIndex('rodolphe-haykal')]);
    expect(context('urging Aoun to act', 'Aoun')).toEqual({ flags: 0, local: [] });
  });

  it('flags another person’s first name before the surname, but not a sentence opener', () => {
    expect(context('Former president Michel Aoun spoke', 'Aoun').flags).toBe(CANDIDATE_OTHER_PERSON);
    expect(context('It rained. But Aoun said', 'Aoun').flags).toBe(0);
    expect(context('on Monday Aoun said', 'Aoun').flags).toBe(0);
  });

  it('flags a surname that is part of a longer name, before or after', () => {
    expect(context('on Barrack Street', 'Barrack').flags).toBe(CANDIDATE_PART_OF_NAME);
    expect(context('the Aoun-Smith family', 'Aoun').flags).toBe(CANDIDATE_PART_OF_NAME);
    expect(context('in As-Salam', 'Salam').flags).toBe(CANDIDATE_PART_OF_NAME);
    expect(context('the pro-Salam crowd', 'Salam').flags).toBe(0);
    expect(context('Barrack Monday said', 'Barrack').flags).toBe(0);
  });

  it('takes no capitalised neighbour as evidence in an ALL-CAPS headline', () => {
    expect(context('FORMER PRESIDENT MICHEL AOUN MEETS ENVOY', 'AOUN').flags).toBe(0);
    expect(context('PRESIDENT AOUN SAYS', 'AOUN').local).toEqual([entityIndex('joseph-aoun')]);
  });
});
