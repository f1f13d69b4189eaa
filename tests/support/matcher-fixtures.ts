/**
 * A small knowledge base in the real schema, and a matcher built from it,
 * shared by the tests of lib/matching/ (one file per concern of the matcher),
 * so those tests do not depend on data/knowledge-base.json. Each entity is
 * there for a rule: case-sensitive acronyms, Arabic and Hebrew forms,
 * surname-only aliases with role cues, generic event words with cues.
 */
import { createEntityMatcher, type EntityMatcher } from '@/lib/matching/match-entities';
import { buildMatcherSpec } from '@/lib/matching/matcher-spec';
import { type Entity, type EntityInput, entitySchema } from '@/lib/model/knowledge-base';

export type Fixture = Omit<EntityInput, 'role' | 'background'>;

export function entities(fixtures: Fixture[]): Entity[] {
  return fixtures.map((fixture) => entitySchema.parse({ role: 'Test entity.', background: 'Test.', ...fixture }));
}

export const KB: Fixture[] = [
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

export const matcher = createEntityMatcher(buildMatcherSpec(entities(KB)));

/** `[text, entityId]` for each match, in order: easy to read in a failure. */
export function found(text: string, m: EntityMatcher = matcher): [string, string][] {
  return m.match(text).map((match) => [text.slice(match.start, match.end), match.entityId]);
}

export function ids(text: string, m: EntityMatcher = matcher): string[] {
  return m.match(text).map((match) => match.entityId);
}
