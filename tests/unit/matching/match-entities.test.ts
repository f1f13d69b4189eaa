import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpusInputs } from '../../../lib/cli/write-bundled-index';
import {
  buildMatcherSpec,
  createEntityMatcher,
  type EntityMatch,
  type EntityMatcher,
  MATCHER_SPEC_VERSION,
  type MatcherSpec,
  matchesUnderCaseRules,
} from '../../../lib/matching/match-entities';
import { type Entity, type EntityInput, entitySchema } from '../../../lib/model/knowledge-base';
import { foldKeepCase, foldString } from '../../../lib/text/fold-text';
import { sentenceAround } from '../../../lib/text/sentence-around';
import { endsSentenceAt } from '../../../lib/text/sentence-ends';

// A small knowledge base in the real schema, written here so these tests do
// not depend on data/knowledge-base.json.
type Fixture = Omit<EntityInput, 'role' | 'background'>;

function entities(fixtures: Fixture[]): Entity[] {
  return fixtures.map((fixture) => entitySchema.parse({ role: 'Test entity.', background: 'Test.', ...fixture }));
}

const KB: Fixture[] = [
  {
    id: 'hezbollah',
    kind: 'organisation',
    name: 'Hezbollah',
    aliases: [{ text: 'Hezbollah' }, { text: 'حزب الله', lang: 'ar' }, { text: 'חיזבאללה', lang: 'he' }],
  },
  {
    id: 'israel',
    kind: 'place',
    name: 'Israel',
    specificity: 'general',
    aliases: [{ text: 'Israel' }, { text: 'إسرائيل', lang: 'ar' }, { text: 'ישראל', lang: 'he' }],
  },
  {
    id: 'lebanon',
    kind: 'place',
    name: 'Lebanon',
    specificity: 'general',
    aliases: [{ text: 'Lebanon' }, { text: 'Lebanese' }, { text: 'لبنان', lang: 'ar' }, { text: 'לבנון', lang: 'he' }],
  },
  {
    id: 'lebanese-armed-forces',
    kind: 'organisation',
    name: 'Lebanese Armed Forces',
    aliases: [{ text: 'Lebanese Armed Forces' }, { text: 'Lebanese Army' }, { text: 'LAF', caseSensitive: true }],
  },
  {
    id: 'united-states',
    kind: 'place',
    name: 'United States',
    specificity: 'general',
    aliases: [{ text: 'United States' }, { text: 'US', caseSensitive: true }, { text: 'U.S.', caseSensitive: true }],
  },
  {
    id: 'united-nations',
    kind: 'organisation',
    name: 'United Nations',
    aliases: [{ text: 'United Nations' }, { text: 'UN', caseSensitive: true }],
  },
  {
    id: 'associated-press',
    kind: 'organisation',
    name: 'Associated Press',
    aliases: [{ text: 'Associated Press' }, { text: 'AP', caseSensitive: true }],
  },
  {
    id: 'idf',
    kind: 'organisation',
    name: 'Israel Defense Forces',
    aliases: [{ text: 'Israel Defense Forces' }, { text: 'IDF', caseSensitive: true }, { text: 'צה״ל', lang: 'he' }],
  },
  {
    id: 'trump-administration',
    kind: 'organisation',
    name: 'Trump administration',
    aliases: [{ text: 'the Trump administration' }],
  },
  { id: 'naqoura', kind: 'place', name: 'Naqoura', aliases: [{ text: 'Naqoura' }, { text: 'الناقورة', lang: 'ar' }] },
  { id: 'beirut', kind: 'place', name: 'Beirut', aliases: [{ text: 'Beirut' }, { text: 'بيروت', lang: 'ar' }] },
  {
    id: 'knesset',
    kind: 'organisation',
    name: 'Knesset',
    aliases: [{ text: 'Knesset' }, { text: 'הכנסת', lang: 'he' }],
  },
  { id: 'washington', kind: 'place', name: 'Washington', aliases: [{ text: 'Washington' }] },
  { id: 'elysee', kind: 'place', name: 'Élysée Palace', aliases: [{ text: 'Élysée Palace' }] },
  { id: 'maalot', kind: 'place', name: "Ma'alot-Tarshiha", aliases: [{ text: "Ma'alot-Tarshiha" }] },
  {
    id: 'joseph-aoun',
    kind: 'person',
    name: 'Joseph Aoun',
    aliases: [
      { text: 'Joseph Aoun' },
      { text: 'Aoun', ambiguous: true },
      { text: 'جوزاف عون', lang: 'ar' },
      { text: 'عون', lang: 'ar', ambiguous: true },
      { text: 'ג׳וזף עאון', lang: 'he' },
    ],
    roleCues: ['President', 'Lebanese President', 'الرئيس'],
  },
  {
    id: 'nawaf-salam',
    kind: 'person',
    name: 'Nawaf Salam',
    aliases: [{ text: 'Nawaf Salam' }, { text: 'Salam', ambiguous: true }],
    roleCues: ['Prime Minister', 'PM'],
  },
  {
    id: 'nabih-berri',
    kind: 'person',
    name: 'Nabih Berri',
    aliases: [{ text: 'Nabih Berri' }, { text: 'Berri', ambiguous: true }, { text: 'نبيه بري', lang: 'ar' }],
    roleCues: ['Speaker'],
  },
  {
    id: 'israel-katz',
    kind: 'person',
    name: 'Israel Katz',
    aliases: [{ text: 'Israel Katz' }, { text: 'Katz', ambiguous: true }],
    roleCues: ['Defense Minister', 'Minister'],
  },
  {
    id: 'tom-barrack',
    kind: 'person',
    name: 'Tom Barrack',
    aliases: [{ text: 'Tom Barrack' }, { text: 'Thomas Barrack' }, { text: 'Barrack', ambiguous: true }],
    roleCues: ['Ambassador', 'envoy'],
  },
  {
    id: 'rodolphe-haykal',
    kind: 'person',
    name: 'Rodolphe Haykal',
    aliases: [{ text: 'Rodolphe Haykal' }, { text: 'Haykal', ambiguous: true }],
    roleCues: ['Gen.', 'General', 'commander'],
  },
  {
    id: 'invasion-1982',
    kind: 'event',
    name: '1982 Israeli invasion of Lebanon',
    date: { start: '1982-06', precision: 'month' },
    aliases: [{ text: 'the 1982 invasion' }, { text: '1982 Israeli invasion' }, { text: 'invasion', needsCue: true }],
    cues: ['1982', 'June', 'Beirut', 'PLO'],
  },
  {
    id: 'ceasefire-2024',
    kind: 'event',
    name: 'November 2024 ceasefire',
    date: { start: '2024-11-27', precision: 'day' },
    aliases: [
      { text: 'the November 2024 ceasefire' },
      { text: 'ceasefire', needsCue: true },
      { text: 'truce', needsCue: true },
    ],
    cues: ['2024', 'November', 'Hezbollah', 'U.S.-brokered'],
  },
  {
    id: 'gaza-ceasefire',
    kind: 'event',
    name: 'Gaza ceasefire',
    date: { start: '2025-01', precision: 'month' },
    aliases: [{ text: 'ceasefire', needsCue: true }],
    cues: ['Gaza', 'Hamas', '2025'],
  },
  {
    id: 'naqoura-talks',
    kind: 'event',
    name: 'Naqoura talks',
    date: { start: '2025-12', precision: 'month' },
    aliases: [{ text: 'talks', needsCue: true }],
    cues: ['Naqoura', 'civilian', 'الناقورة'],
  },
];

const matcher = createEntityMatcher(buildMatcherSpec(entities(KB)));

/** `[text, entityId]` for each match, in order: easy to read in a failure. */
function found(text: string, m: EntityMatcher = matcher): [string, string][] {
  return m.match(text).map((match) => [text.slice(match.start, match.end), match.entityId]);
}

function ids(text: string, m: EntityMatcher = matcher): string[] {
  return m.match(text).map((match) => match.entityId);
}

describe('folding', () => {
  it('lower-cases, drops Latin diacritics and unifies quotes, dashes and whitespace', () => {
    expect(foldString('Élysée  Palace')).toBe('elysee palace');
    expect(foldString('He\u0301zbollah’s\u00a0“talks”')).toBe('hezbollah\'s "talks"');
    expect(foldString('senior‑level – Lebanon‐Israel')).toBe('senior-level - lebanon-israel');
    expect(foldKeepCase('ÉLYSÉE Palace')).toBe('ELYSEE Palace');
  });

  it('strips Arabic tashkeel and tatweel and unifies alef and yeh forms, keeping ة', () => {
    expect(foldString('حِزْبُ اللّٰهِ')).toBe(foldString('حزب الله'));
    expect(foldString('حـــزب')).toBe('حزب');
    expect(foldString('أإآٱ')).toBe('اااا');
    expect(foldString('برى')).toBe('بري');
    expect(foldString('الناقورة')).toContain('ة');
  });

  it('strips Hebrew niqqud and unifies geresh and gershayim', () => {
    expect(foldString('חִיזְבָּאלְלָה')).toBe('חיזבאללה');
    expect(foldString('צה״ל')).toBe(foldString('צה"ל'));
    expect(foldString('צה”ל')).toBe(foldString('צה"ל'));
    expect(foldString('ג׳וזף')).toBe(foldString("ג'וזף"));
  });
});

describe('matching', () => {
  it('finds each mention with UTF-16 offsets into the original text and the alias that matched', () => {
    // seeds/001: "Israeli officials also reiterated concerns about Hezbollah’s influence in southern Lebanon"
    const text = 'Israeli officials also reiterated concerns about Hezbollah’s influence in southern Lebanon';
    expect(matcher.match(text)).toEqual<EntityMatch[]>([
      { start: 49, end: 58, entityId: 'hezbollah', alias: 'Hezbollah' },
      { start: 83, end: 90, entityId: 'lebanon', alias: 'Lebanon' },
    ]);
    expect(text.slice(83, 90)).toBe('Lebanon');
    // Astral characters before a name count as two units.
    const withEmoji = '🇱🇧 Hezbollah';
    expect(matcher.match(withEmoji)[0]).toMatchObject({ start: 5, end: 14 });
  });

  it('excludes the possessive from the span, with either apostrophe', () => {
    // seeds/002: "Israel killed most of **Hezbollah's top leaders**"
    expect(found("Israel killed most of **Hezbollah's top leaders**")).toEqual([
      ['Israel', 'israel'],
      ['Hezbollah', 'hezbollah'],
    ]);
    // seeds/003: "Barrack rejected the proposal, emphasizing ... Hezbollah’s weapons."
    expect(found('without concrete steps regarding Hezbollah’s weapons')).toEqual([['Hezbollah', 'hezbollah']]);
    expect(found("Joseph Aoun met reporters; President Aoun's office said")).toEqual([
      ['Joseph Aoun', 'joseph-aoun'],
      ['Aoun', 'joseph-aoun'],
    ]);
    expect(found("the Lebanese Armed Forces' deployment")).toEqual([
      ['Lebanese Armed Forces', 'lebanese-armed-forces'],
    ]);
  });

  it('prefers the longest alias: the person Israel Katz, not the country', () => {
    // seeds/002
    expect(found('Last week, Israeli Defense Minister Israel Katz said the Lebanese government')).toEqual([
      ['Israel Katz', 'israel-katz'],
      ['Lebanese', 'lebanon'],
    ]);
    expect(found('troops of the Lebanese Armed Forces')).toEqual([['Lebanese Armed Forces', 'lebanese-armed-forces']]);
  });

  it('returns sorted spans that never overlap', () => {
    const text = 'Israel Katz, Israel, Lebanese Armed Forces, Lebanese, Lebanon';
    const matches = matcher.match(text);
    expect(matches.map((match) => match.entityId)).toEqual([
      'israel-katz',
      'israel',
      'lebanese-armed-forces',
      'lebanon',
      'lebanon',
    ]);
    for (let k = 1; k < matches.length; k++) {
      expect(matches[k]?.start).toBeGreaterThanOrEqual(matches[k - 1]?.end ?? 0);
    }
  });

  it('matches a name only at word boundaries, in any script', () => {
    expect(ids('Israeli officials')).toEqual([]);
    expect(ids('the Hezbollahs')).toEqual([]);
    expect(ids('pre-Hezbollah era and Hezbollah-run clinics')).toEqual(['hezbollah', 'hezbollah']);
    expect(ids('xIsrael Israel2 Israel_')).toEqual(['israel']); // "_" is not a letter or digit
    expect(ids('لبنانية')).toEqual([]);
    expect(ids('ישראלי')).toEqual([]);
  });

  it('treats non-breaking spaces and whitespace runs inside a name as one space, not a paragraph break', () => {
    expect(ids('Lebanese\u00a0Armed   Forces')).toEqual(['lebanese-armed-forces']);
    expect(ids('Israel\nKatz said')).toEqual(['israel-katz']);
    expect(ids('Israel\n\nKatz said')).toEqual(['israel']);
  });

  it('matches across diacritics, curly apostrophes and dash variants', () => {
    expect(ids('at the Elysee Palace')).toEqual(['elysee']);
    expect(ids('at the ÉLYSÉE PALACE')).toEqual(['elysee']);
    expect(ids('at the E\u0301lyse\u0301e Palace')).toEqual(['elysee']);
    expect(found('a rocket hit Ma’alot‑Tarshiha')).toEqual([['Ma’alot‑Tarshiha', 'maalot']]);
    // seeds/003: "Hezbollah entered the fighting on the second day of the US‑Israeli war" (U+2011)
    expect(found('the second day of the US‑Israeli war against Iran')).toEqual([['US', 'united-states']]);
  });
});

describe('case rules', () => {
  it('matches case-sensitive acronyms only in their exact case', () => {
    // seeds/001: "U.S. envoys chaired the session, underscoring Washington’s renewed commitment"
    expect(found('U.S. envoys chaired the session, underscoring Washington’s renewed commitment')).toEqual([
      ['U.S.', 'united-states'],
      ['Washington', 'washington'],
    ]);
    expect(ids('they told us and Us, un and Un, ap and Ap, idf')).toEqual([]);
    expect(ids('the UN, the AP, the IDF and the LAF')).toEqual([
      'united-nations',
      'associated-press',
      'idf',
      'lebanese-armed-forces',
    ]);
    // seeds/002: "Israel and the U.S had expected more" has no full stop after the S.
    expect(ids('Israel and the U.S had expected more')).toEqual(['israel']);
  });

  it('matches names as written, in ALL CAPS, and capitalised when the alias starts lower case', () => {
    expect(ids('HEZBOLLAH REMAINS DEFIANT')).toEqual(['hezbollah']);
    expect(ids('hezbollah and HeZbollah')).toEqual([]);
    expect(ids('the envoy barrack')).toEqual([]);
    // seeds/003: "through the mediation of the Trump administration"
    expect(found('through the mediation of the Trump administration in an effort to end the war')).toEqual([
      ['the Trump administration', 'trump-administration'],
    ]);
    expect(ids('The Trump administration has shown little interest')).toEqual(['trump-administration']);
    expect(ids('THE TRUMP ADMINISTRATION')).toEqual(['trump-administration']);
    expect(ids('the trump administration')).toEqual([]);
  });

  it('exposes the case rules as a pure predicate', () => {
    const alias = { text: 'the Trump administration', lang: 'en' as const };
    expect(matchesUnderCaseRules('The Trump administration', alias)).toBe(true);
    expect(matchesUnderCaseRules('THE TRUMP ADMINISTRATION', alias)).toBe(true);
    expect(matchesUnderCaseRules('The Trump Administration', alias)).toBe(false);
    expect(matchesUnderCaseRules('US', { text: 'US', lang: 'en', caseSensitive: true })).toBe(true);
    expect(matchesUnderCaseRules('Us', { text: 'US', lang: 'en', caseSensitive: true })).toBe(false);
    expect(matchesUnderCaseRules('Hezbollah', { text: 'Hezbollah', lang: 'en' })).toBe(true);
    expect(matchesUnderCaseRules('hezbollah', { text: 'Hezbollah', lang: 'en' })).toBe(false);
    expect(matchesUnderCaseRules('لناقورة', { text: 'الناقورة', lang: 'ar' })).toBe(true);
  });
});

describe('Arabic and Hebrew', () => {
  it('matches across tashkeel, tatweel, alef and yeh forms', () => {
    expect(ids('قال حِزْبُ اللهِ إن')).toEqual(['hezbollah']);
    expect(ids('قال حـزب الله إن')).toEqual(['hezbollah']);
    expect(ids('اسرائيل وإسرائيل')).toEqual(['israel', 'israel']);
    expect(ids('رئيس المجلس نبيه برى')).toEqual(['nabih-berri']);
  });

  it('matches after an attached proclitic, and the span covers only the name', () => {
    expect(found('وحزب الله')).toEqual([['حزب الله', 'hezbollah']]);
    expect(found('لحزب الله')).toEqual([['حزب الله', 'hezbollah']]);
    expect(found('اجتماع بالناقورة')).toEqual([['الناقورة', 'naqoura']]);
    expect(found('وبالناقورة')).toEqual([['الناقورة', 'naqoura']]);
    expect(found('فلبنان ولبنان')).toEqual([
      ['لبنان', 'lebanon'],
      ['لبنان', 'lebanon'],
    ]);
    // ل + ال: the article's alef is not written.
    expect(found('للناقورة')).toEqual([['لناقورة', 'naqoura']]);
    // A proclitic glued to a word that is not a name stays unmatched.
    expect(ids('وبيان وكتاب')).toEqual([]);
  });

  it('matches Hebrew names after a one-letter prefix or ו plus one, without niqqud, with either gershayim', () => {
    expect(found('וחיזבאללה')).toEqual([['חיזבאללה', 'hezbollah']]);
    expect(found('בלבנון ומישראל')).toEqual([
      ['לבנון', 'lebanon'],
      ['ישראל', 'israel'],
    ]);
    expect(found('חִיזְבָּאלְלָה')).toEqual([['חִיזְבָּאלְלָה', 'hezbollah']]);
    expect(ids('דובר צה"ל ודובר צה”ל')).toEqual(['idf', 'idf']);
    // ב + הכנסת: the article's ה is not written.
    expect(found('נאום בכנסת ובהכנסת')).toEqual([
      ['כנסת', 'knesset'],
      ['הכנסת', 'knesset'],
    ]);
    expect(ids("הנשיא ג'וזף עאון")).toEqual(['joseph-aoun']);
  });
});

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

  it('find no person in a food-hall review', () => {
    const text = 'chef Sarah Katz opened her stall on Barrack Street in Washington';
    const people = matcher
      .match(text)
      .filter((match) => ['israel-katz', 'tom-barrack'].includes(match.entityId) || match.entityId.includes('-'));
    expect(people).toEqual([]);
    expect(ids(text)).toEqual(['washington']);
  });
});

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

describe('documents in chunks', () => {
  it('match(text) is resolve([scan(text)])[0]', () => {
    const text = 'Lebanese President Joseph Aoun offered talks. Aoun also asked. The 2024 ceasefire held.';
    expect(matcher.match(text)).toEqual(matcher.resolve([matcher.scan(text)])[0]);
  });

  it('resolves surnames across the chunks of one page', () => {
    const chunks = ['Lebanese President Joseph Aoun offered talks.', 'Aoun also asked for funding.'];
    const [first, second] = matcher.resolve(chunks.map((chunk) => matcher.scan(chunk)));
    expect(first?.map((match) => match.entityId)).toEqual(['lebanon', 'joseph-aoun']);
    expect(second).toEqual([{ start: 0, end: 4, entityId: 'joseph-aoun', alias: 'Aoun' }]);
    expect(matcher.match(chunks[1] ?? '')).toEqual([]);
  });

  it('keeps scan output plain data that survives a message', () => {
    const candidates = matcher.scan('Aoun also asked. Hezbollah said.');
    expect(JSON.parse(JSON.stringify(candidates))).toEqual(candidates);
  });
});

describe('spec', () => {
  it('survives JSON and gives the same matches', () => {
    const spec = buildMatcherSpec(entities(KB));
    const fromJson = createEntityMatcher(JSON.parse(JSON.stringify(spec)));
    const text = 'Lebanese President Joseph Aoun, وحزب الله, צה״ל and the 2024 ceasefire. Aoun said.';
    expect(fromJson.match(text)).toEqual(matcher.match(text));
    expect(buildMatcherSpec(entities(KB))).toEqual(spec);
  });

  it('refuses a spec of another version', () => {
    expect(() =>
      createEntityMatcher({ version: MATCHER_SPEC_VERSION + 1, entities: [], aliases: [] } as unknown as MatcherSpec),
    ).toThrow(/npm run build:index/);
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

  it('fails with a clear error when its encoded tables are damaged or truncated', () => {
    const json = JSON.stringify(buildMatcherSpec(entities(KB)));
    const damage = (edit: (spec: MatcherSpec) => void) => {
      const spec = JSON.parse(json) as MatcherSpec;
      edit(spec);
      return () => createEntityMatcher(spec);
    };
    const flip = (encoded: string, at: number) =>
      encoded.slice(0, at) + (encoded[at] === 'A' ? 'B' : 'A') + encoded.slice(at + 1);
    const message = /matcher spec .*damaged.*npm run build:index/;
    expect(
      damage((spec) => {
        spec.tables.aliases.nodeSymbol = flip(spec.tables.aliases.nodeSymbol, 5);
      }),
    ).toThrow(message);
    expect(
      damage((spec) => {
        spec.tables.aliases.childCount = spec.tables.aliases.childCount.slice(0, -8);
      }),
    ).toThrow(message);
    expect(
      damage((spec) => {
        spec.tables.aliases.terminalKey = '%%%';
      }),
    ).toThrow(message);
    expect(
      damage((spec) => {
        spec.tables.aliases.nodeCount += 1;
      }),
    ).toThrow(message);
    expect(
      damage((spec) => {
        spec.tables.fold.folds = flip(spec.tables.fold.folds, 100);
      }),
    ).toThrow(message);
    expect(
      damage((spec) => {
        if (spec.tables.cues) spec.tables.cues.terminalNodes = '';
        else spec.tables.aliases.checksum += 1;
      }),
    ).toThrow(message);
    expect(
      damage((spec) => {
        delete (spec as Partial<MatcherSpec>).tables;
      }),
    ).toThrow(/no tables/);
  });

  it('matches nothing without aliases', () => {
    expect(createEntityMatcher(buildMatcherSpec([])).match('Hezbollah')).toEqual([]);
  });
});

describe('speed (printed, not asserted in absolute time)', () => {
  it('reads a 2 MB text with 1,000 aliases at a small multiple of a plain charCodeAt loop', () => {
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const word = () => {
      let w = '';
      const length = 2 + Math.floor(random() * 8);
      for (let k = 0; k < length; k++) w += String.fromCharCode(97 + Math.floor(random() * 26));
      return w;
    };
    const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    const fixtures: Fixture[] = Array.from({ length: 1000 }, (_, k) => ({
      id: `entity-${k}`,
      kind: 'person',
      name: `Entity ${k}`,
      aliases: [{ text: Array.from({ length: 1 + (k % 3) }, () => capitalise(word())).join(' ') }],
    }));
    const bench = createEntityMatcher(buildMatcherSpec(entities(fixtures)));
    const vocabulary = Array.from({ length: 5000 }, word);
    const parts: string[] = [];
    let length = 0;
    while (length < 2_000_000) {
      const r = random();
      const alias = fixtures[Math.floor(random() * fixtures.length)]?.aliases[0]?.text ?? '';
      const plain = vocabulary[Math.floor(random() * vocabulary.length)] ?? '';
      const part = r < 0.01 ? alias : r < 0.1 ? capitalise(plain) : `${plain}${r > 0.95 ? '.' : ''}`;
      parts.push(part);
      length += part.length + 1;
    }
    const text = parts.join(' ');
    const readAll = () => {
      let sum = 0;
      for (let k = 0; k < text.length; k++) sum += text.charCodeAt(k);
      return sum;
    };
    let read = Number.POSITIVE_INFINITY;
    let scan = Number.POSITIVE_INFINITY;
    let count = 0;
    for (let round = 0; round < 7; round++) {
      const t0 = performance.now();
      readAll();
      const t1 = performance.now();
      count = bench.match(text).length;
      const t2 = performance.now();
      read = Math.min(read, t1 - t0);
      scan = Math.min(scan, t2 - t1);
    }
    const ratio = scan / read;
    console.log(
      `match-entities: ${(text.length / 1e6).toFixed(1)} MB, 1000 aliases, ${count} matches: ` +
        `${(text.length / 1e6 / (scan / 1000)).toFixed(0)} MB/s, ${ratio.toFixed(2)}x a charCodeAt loop ` +
        `(${scan.toFixed(1)} ms vs ${read.toFixed(1)} ms)`,
    );
    expect(count).toBeGreaterThan(1000);
    expect(ratio).toBeLessThan(30);
  });
});
