import { describe, expect, it } from 'vitest';
import { createSentenceCues } from '@/lib/matching/event-cues';
import { buildMatcherSpec } from '@/lib/matching/matcher-spec';
import { sentenceAround } from '@/lib/text/sentence-around';
import { endsSentenceAt } from '@/lib/text/sentence-ends';
import { entities, found, ids, KB } from '../../support/matcher-fixtures';
import { aliasTables } from '../../support/matcher-tables';

describe('events', () => {
  it('link named event phrases like any alias', () => {
    // seeds/002
    expect(
      found('offered to hold direct negotiations with Israel for the first time since the 1982 Israeli invasion'),
    ).toEqual([
      ['Israel', 'israel'],
      ['1982 Israeli invasion', 'invasion-1982'],
    ]);
    expect(ids('since the November 2024 ceasefire')).toEqual(['ceasefire-2024']);
  });

  it('link a generic word only with one of its cues in the same sentence', () => {
    // seeds/002: "It accuses Israel of violating a 2024 U.S.-brokered ceasefire agreement because ..."
    expect(
      found('It accuses Israel of violating a 2024 U.S.-brokered ceasefire agreement because it continued.'),
    ).toEqual([
      ['Israel', 'israel'],
      ['U.S.', 'united-states'],
      ['ceasefire', 'ceasefire-2024'],
    ]);
    // seeds/001: "The talks were hosted in the border town of Naqoura, where civilian representatives ..."
    expect(found('The talks were hosted in the border town of Naqoura, where civilian representatives')).toEqual([
      ['talks', 'naqoura-talks'],
      ['Naqoura', 'naqoura'],
    ]);
    // seeds/000: no cue in the sentence.
    expect(ids('Lebanon is entering high-stakes talks with Israel in what officials are describing')).toEqual([
      'lebanon',
      'israel',
    ]);
    // seeds/001: "The meeting, conducted under a ceasefire monitoring framework, ..."
    expect(ids('The meeting, conducted under a ceasefire monitoring framework, signals a rare moment')).toEqual([]);
  });

  it('find the sentence around the word: abbreviations do not end it, a full stop or line break does', () => {
    expect(ids('The 2024 deal was backed by Gen. Haykal and U.S. envoys, and the ceasefire held.')).toContain(
      'ceasefire-2024',
    );
    expect(ids('The 2024 elections ended. The ceasefire held.')).not.toContain('ceasefire-2024');
    expect(ids('It happened in 2024\nThe ceasefire held.')).not.toContain('ceasefire-2024');
    expect(ids('The ceasefire, agreed in November, held.')).toContain('ceasefire-2024');
    expect(sentenceAround('Gen. Haykal spoke. Then it rained.', 5, 11)).toEqual([0, 18]);
    expect(endsSentenceAt('U.S. envoys', 3)).toBe(false);
    expect(endsSentenceAt('in 2024. Then', 7)).toBe(true);
  });

  it('give a shared generic word to the event with the most distinct cues, and to none on a tie', () => {
    expect(ids('In November 2024 the ceasefire also ended the war in Gaza.')).toContain('ceasefire-2024');
    expect(ids('The ceasefire talks in Gaza resumed in November.')).not.toContain('ceasefire-2024');
    expect(ids('The ceasefire talks in Gaza resumed in November.')).not.toContain('gaza-ceasefire');
    expect(ids('Hamas accepted the Gaza ceasefire.')).toEqual(['gaza-ceasefire']);
  });

  it('match cue words whole, under the same folding', () => {
    expect(ids('The ceasefire of 20245 held.')).toEqual([]);
    expect(ids('The ceasefire of NOVEMBER held.')).toEqual(['ceasefire-2024']);
    expect(ids('عقدت talks بالناقورة')).toEqual(['naqoura-talks', 'naqoura']);
  });
});

describe('the event rule alone', () => {
  const spec = buildMatcherSpec(entities(KB));
  const { aliasFlags, aliasEntity, aliasesOf, entityIndex } = aliasTables(spec);
  const cues = createSentenceCues(spec, aliasFlags, aliasEntity);
  /** The events the sentence around the first `word` in `text` confirms. */
  const confirmed = (text: string, word: string) => {
    const start = text.indexOf(word);
    const local: number[] = [];
    cues.read(text, start, start + word.length, aliasesOf(word), local);
    return local.map((entity) => spec.entities[entity]?.id);
  };

  it('confirms the event with the most distinct cues in the sentence', () => {
    expect(confirmed('In November 2024 the ceasefire held.', 'ceasefire')).toEqual(['ceasefire-2024']);
    expect(confirmed('Hamas and Gaza: the ceasefire of 2024 held.', 'ceasefire')).toEqual(['gaza-ceasefire']);
  });

  it('confirms none on a tie or without a cue', () => {
    expect(confirmed('In November, the ceasefire in Gaza held.', 'ceasefire')).toEqual([]);
    expect(confirmed('The ceasefire held.', 'ceasefire')).toEqual([]);
  });

  it('reads each sentence of a text on its own, in text order', () => {
    const text = 'The ceasefire of 2024 held. Then the ceasefire in Gaza, agreed with Hamas, held.';
    const second = text.lastIndexOf('ceasefire');
    const local: number[] = [];
    cues.read(text, text.indexOf('ceasefire'), text.indexOf('ceasefire') + 9, aliasesOf('ceasefire'), local);
    cues.read(text, second, second + 9, aliasesOf('ceasefire'), local);
    expect(local).toEqual([entityIndex('ceasefire-2024'), entityIndex('gaza-ceasefire')]);
    cues.forget();
    expect(confirmed(text, 'ceasefire')).toEqual(['ceasefire-2024']);
  });

  it('refuses a spec whose cue trie and cues disagree', () => {
    const damaged = JSON.parse(JSON.stringify(spec)) as typeof spec;
    damaged.entities = damaged.entities.map((entity) => ({ ...entity, cues: undefined }));
    expect(() => createSentenceCues(damaged, aliasFlags, aliasEntity)).toThrow(/cue trie and cues disagree/);
  });
});
