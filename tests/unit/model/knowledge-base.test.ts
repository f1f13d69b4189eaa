import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEntityMatcher } from '../../../lib/matching/match-entities';
import { buildMatcherSpec } from '../../../lib/matching/matcher-spec';
import { type Entity, type EntityKind, knowledgeBaseSchema, languageCode } from '../../../lib/model/knowledge-base';
import { parseOrThrow } from '../../../lib/model/validation-errors';
import { foldKeepCase, foldString } from '../../../lib/text/fold-text';

const FILE = 'data/knowledge-base.json';
const rawText = readFileSync(new URL('../../../data/knowledge-base.json', import.meta.url), 'utf8');
const rawJson: unknown = JSON.parse(rawText);
const kb = parseOrThrow(knowledgeBaseSchema, rawJson, FILE);
const entities = kb.entities;

/** The entity of `kind` whose canonical name or one of whose aliases is exactly `label`. */
function find(kind: EntityKind, label: string): Entity {
  const hits = entities.filter(
    (entity) => entity.kind === kind && (entity.name === label || entity.aliases.some((alias) => alias.text === label)),
  );
  if (hits.length !== 1) {
    throw new Error(`expected exactly one ${kind} named or aliased "${label}", found ${hits.length}`);
  }
  return hits[0] as Entity;
}

const hasAlias = (entity: Entity, text: string) => entity.aliases.some((alias) => alias.text === text);
const aliasesIn = (entity: Entity, lang: string) => entity.aliases.filter((alias) => alias.lang === lang);

const ARABIC = /[\u0600-\u06FF]/;
const HEBREW = /[\u0590-\u05FF]/;

describe('data/knowledge-base.json', () => {
  it('parses against knowledgeBaseSchema (which also resolves related ids)', () => {
    expect(() => parseOrThrow(knowledgeBaseSchema, rawJson, FILE)).not.toThrow();
    expect(entities.length).toBeGreaterThan(50);
  });

  it('is canonically formatted (JSON.stringify with 2 spaces and a final newline)', () => {
    expect(rawText).toBe(`${JSON.stringify(rawJson, null, 2)}\n`);
  });

  describe('required entities', () => {
    const required: Record<EntityKind, string[]> = {
      person: [
        'Joseph Aoun',
        'Nawaf Salam',
        'Nabih Berri',
        'Najib Mikati',
        'Rodolphe Haykal',
        'Tom Barrack',
        'Thomas Barrack',
        'Israel Katz',
        'Gideon Saar',
        'Mahmoud Qamati',
        'Randa Slim',
        'Ed Gabriel',
        'Donald Trump',
        'Michel Aoun',
      ],
      organisation: [
        'Hezbollah',
        'Hamas',
        'Islamic Revolutionary Guard Corps',
        'Iranian Revolutionary Guard',
        'Revolutionary Guard',
        'IRGC',
        'Lebanese Armed Forces',
        'Lebanese army',
        'Lebanese Army',
        "Lebanon's army",
        "Lebanon's armed forces",
        'Lebanese armed forces',
        'Israeli military',
        'Israel Defense Forces',
        'IDF',
        'Israeli forces',
        'Israeli troops',
        'United Nations',
        'United Nations General Assembly',
        'UN General Assembly',
        'UNGA',
        'White House National Security Council',
        'Stimson Center',
        'American Task Force on Lebanon',
        'Axios',
        'Reuters',
        'Associated Press',
        'Al Jazeera',
      ],
      place: [
        'Lebanon',
        'Israel',
        'Iran',
        'United States',
        'U.S.',
        'US',
        'Washington',
        'France',
        'Beirut',
        "Beirut's southern suburbs",
        'southern Lebanon',
        'Naqoura',
        'Cyprus',
        'Gaza',
        'Turkey',
        'Syria',
        'New York',
      ],
      event: [
        'Lebanese Civil War',
        'Taif Agreement',
        '1982 Israeli invasion',
        'Israeli occupation of southern Lebanon (1982–2000)',
        'October 7 attack',
        '7 October attack',
        'October 7',
        '2024 Israel-Hezbollah war',
        'November 2024 ceasefire',
        'US-French ceasefire proposal',
        'Naqoura talks',
        'Iran war',
        '2026 Israel-Hezbollah war',
        "ban on Hezbollah's military wing",
        'offer of direct talks',
      ],
    };

    for (const [kind, labels] of Object.entries(required) as [EntityKind, string[]][]) {
      for (const label of labels) {
        it(`has the ${kind} "${label}"`, () => {
          expect(find(kind, label).kind).toBe(kind);
        });
      }
    }

    it('keeps namesakes and related forms apart', () => {
      expect(find('person', 'Joseph Aoun').id).not.toBe(find('person', 'Michel Aoun').id);
      expect(find('place', 'Washington').id).not.toBe(find('place', 'United States').id);
      expect(find('organisation', 'UN General Assembly').id).not.toBe(find('organisation', 'United Nations').id);
      expect(find('person', 'Tom Barrack')).toBe(find('person', 'Thomas Barrack'));
      expect(find('organisation', 'IDF')).toBe(find('organisation', 'Israeli military'));
      expect(find('organisation', 'Lebanese army')).toBe(find('organisation', "Lebanon's armed forces"));
      expect(find('place', 'U.S.')).toBe(find('place', 'United States'));
    });

    it('links "the Trump administration" to Donald Trump', () => {
      expect(hasAlias(find('person', 'Donald Trump'), 'Trump administration')).toBe(true);
    });

    it('covers Hezbollah’s entry into the 2026 Iran war', () => {
      const iranWar = find('event', 'Iran war');
      const lebanonFront = find('event', '2026 Israel-Hezbollah war');
      expect(lebanonFront.related).toContain(iranWar.id);
      expect(lebanonFront.background).toMatch(/Hezbollah/);
    });

    it('covers the March 2026 ban, including the order to deport IRGC members', () => {
      const ban = find('event', "ban on Hezbollah's military wing");
      expect(ban.related).toEqual(
        expect.arrayContaining([find('organisation', 'IRGC').id, find('organisation', 'Hezbollah').id]),
      );
      expect(ban.background).toMatch(/deport/);
    });
  });

  describe('dates', () => {
    const dated: [string, string, string | undefined, string][] = [
      ['Lebanese Civil War', '1975', '1990', 'year'],
      ['Taif Agreement', '1989-10', undefined, 'month'],
      ['1982 Israeli invasion', '1982-06', undefined, 'month'],
      ['Israeli occupation of southern Lebanon (1982–2000)', '1982-06', '2000-05', 'month'],
      ['October 7 attack', '2023-10-07', undefined, 'day'],
      ['2024 Israel-Hezbollah war', '2024-09', '2024-11', 'month'],
      ['November 2024 ceasefire', '2024-11-27', undefined, 'day'],
      ['US-French ceasefire proposal', '2024-09', undefined, 'month'],
      ['Naqoura talks', '2025-12-03', undefined, 'day'],
      ["ban on Hezbollah's military wing", '2026-03', undefined, 'month'],
      ['offer of direct talks', '2026-03', undefined, 'month'],
    ];
    it.each(dated)('%s starts %s', (label, start, end, precision) => {
      expect(find('event', label).date).toEqual(end ? { start, end, precision } : { start, precision });
    });

    it('puts the 2026 Iran war in early 2026, before Hezbollah joined it', () => {
      const war = find('event', 'Iran war').date;
      const front = find('event', '2026 Israel-Hezbollah war').date;
      expect(war?.start.startsWith('2026-0')).toBe(true);
      expect(front?.start.startsWith('2026-03')).toBe(true);
    });

    it('gives every event a date whose precision matches its parts, ending no earlier than it starts', () => {
      const parts = { year: 1, month: 2, day: 3, unknown: 1 } as const;
      for (const entity of entities) {
        if (entity.kind !== 'event') {
          expect(entity.date, entity.id).toBeUndefined();
          continue;
        }
        const date = entity.date;
        expect(date, entity.id).toBeDefined();
        if (!date) continue;
        expect(date.start.split('-').length, entity.id).toBe(parts[date.precision]);
        if (date.end) {
          expect(date.end.split('-').length, entity.id).toBe(parts[date.precision]);
          expect(date.end >= date.start, entity.id).toBe(true);
        }
      }
    });
  });

  describe('records', () => {
    it('gives every entity a role and a background of a few sentences', () => {
      for (const entity of entities) {
        expect(entity.role.trim().length, entity.id).toBeGreaterThan(10);
        expect(entity.role.length, entity.id).toBeLessThanOrEqual(160);
        expect(entity.background.trim().length, entity.id).toBeGreaterThan(60);
        expect(entity.background, entity.id).toMatch(/[.!?"”]$/);
      }
    });

    it('writes backgrounds in its own words (no 8-word run copied from a seed)', () => {
      const words = (text: string) => foldString(text).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
      const seedGrams = new Set<string>();
      const seedsDir = new URL('../../../seeds/', import.meta.url);
      for (const file of readdirSync(seedsDir).filter((name) => name.endsWith('.txt'))) {
        const tokens = words(readFileSync(new URL(file, seedsDir), 'utf8'));
        for (let i = 0; i + 8 <= tokens.length; i++) seedGrams.add(tokens.slice(i, i + 8).join(' '));
      }
      expect(seedGrams.size).toBeGreaterThan(1000);
      for (const entity of entities) {
        const tokens = words(entity.background);
        for (let i = 0; i + 8 <= tokens.length; i++) {
          const gram = tokens.slice(i, i + 8).join(' ');
          expect(seedGrams.has(gram), `${entity.id}: "${gram}"`).toBe(false);
        }
      }
    });

    it('relates every entity to at least one other, never to itself', () => {
      for (const entity of entities) {
        expect(entity.related.length, entity.id).toBeGreaterThan(0);
        expect(entity.related, entity.id).not.toContain(entity.id);
        expect(new Set(entity.related).size, entity.id).toBe(entity.related.length);
      }
    });

    it('lists each cue and role cue once (the matcher compares them folded)', () => {
      for (const entity of entities) {
        for (const list of [entity.cues ?? [], entity.roleCues ?? []]) {
          const folded = list.map(foldString);
          expect(
            folded.filter((cue, i) => folded.indexOf(cue) !== i),
            entity.id,
          ).toEqual([]);
        }
      }
    });

    it('uses cues only on events and role cues only on people', () => {
      for (const entity of entities) {
        if (entity.kind !== 'event') expect(entity.cues, entity.id).toBeUndefined();
        if (entity.kind !== 'person') expect(entity.roleCues, entity.id).toBeUndefined();
      }
    });
  });

  describe('specificity', () => {
    it.each([
      ['place', 'Lebanon'],
      ['place', 'Israel'],
      ['place', 'Iran'],
      ['place', 'United States'],
      ['place', 'Washington'],
      ['place', 'France'],
      ['place', 'Beirut'],
      ['place', 'Cyprus'],
      ['place', 'Turkey'],
      ['place', 'Syria'],
      ['place', 'New York'],
      ['organisation', 'Axios'],
      ['organisation', 'Reuters'],
      ['organisation', 'Associated Press'],
      ['organisation', 'Al Jazeera'],
      ['organisation', 'Defence Talks'],
    ] as [EntityKind, string][])('%s "%s" is general', (kind, label) => {
      expect(find(kind, label).specificity).toBe('general');
    });

    it.each([
      ['place', 'Naqoura'],
      ['place', 'southern Lebanon'],
      ['place', "Beirut's southern suburbs"],
      ['place', 'Dahiyeh'],
      ['organisation', 'Hezbollah'],
      ['organisation', 'Lebanese Armed Forces'],
      ['person', 'Joseph Aoun'],
      ['person', 'Tom Barrack'],
      ['event', 'Naqoura talks'],
      ['event', 'November 2024 ceasefire'],
    ] as [EntityKind, string][])('%s "%s" is specific', (kind, label) => {
      expect(find(kind, label).specificity).toBe('specific');
    });
  });

  describe('aliases', () => {
    it('tags each alias with the script of its language', () => {
      for (const entity of entities) {
        for (const alias of entity.aliases) {
          const where = `${entity.id}: ${alias.text}`;
          if (alias.lang === 'ar') expect(alias.text, where).toMatch(ARABIC);
          else expect(alias.text, where).not.toMatch(ARABIC);
          if (alias.lang === 'he') expect(alias.text, where).toMatch(HEBREW);
          else expect(alias.text, where).not.toMatch(HEBREW);
        }
      }
    });

    it('lists no alias twice in an entity (after folding quotes, dashes and Arabic/Hebrew spellings), and no French alias identical to an English one', () => {
      for (const entity of entities) {
        // Case stays: "Lebanese army" and "Lebanese Army" are different forms to the matcher's case rules.
        const texts = entity.aliases.map((alias) => foldKeepCase(alias.text));
        expect(
          texts.filter((text, i) => texts.indexOf(text) !== i),
          entity.id,
        ).toEqual([]);
        const english = new Set(aliasesIn(entity, 'en').map((alias) => foldString(alias.text)));
        for (const alias of aliasesIn(entity, 'fr'))
          expect(english.has(foldString(alias.text)), `${entity.id}: ${alias.text}`).toBe(false);
      }
    });

    it('adds no possessive forms (the matcher handles them)', () => {
      for (const entity of entities) {
        for (const alias of entity.aliases) expect(alias.text, entity.id).not.toMatch(/['’]s$/);
      }
    });

    it('never gives one plain alias to two entities', () => {
      const owners = new Map<string, string[]>();
      for (const entity of entities) {
        for (const alias of entity.aliases) {
          if (alias.ambiguous || alias.needsCue) continue;
          const key = alias.caseSensitive ? foldKeepCase(alias.text) : foldString(alias.text);
          const ids = owners.get(key) ?? [];
          if (!ids.includes(entity.id)) ids.push(entity.id);
          owners.set(key, ids);
        }
      }
      const shared = [...owners].filter(([, ids]) => ids.length > 1);
      expect(shared).toEqual([]);
    });

    it('marks acronyms case-sensitive', () => {
      const acronyms = [
        'UN',
        'U.N.',
        'US',
        'U.S.',
        'AP',
        'IDF',
        'LAF',
        'IRGC',
        'NSC',
        'UNGA',
        'UNIFIL',
        'ONU',
        'CGRI',
        'FINUL',
      ];
      for (const acronym of acronyms) {
        const matches = entities.flatMap((entity) => entity.aliases.filter((alias) => alias.text === acronym));
        expect(matches.length, acronym).toBeGreaterThan(0);
        for (const alias of matches) expect(alias.caseSensitive, acronym).toBe(true);
      }
    });

    it('marks surname-only and other one-word aliases of people ambiguous, and gives those people role cues', () => {
      for (const person of entities.filter((entity) => entity.kind === 'person')) {
        const surname = person.name.split(/\s+/).at(-1) ?? '';
        for (const alias of person.aliases) {
          const oneWord = !/\s/.test(alias.text.trim());
          if (alias.text === surname || oneWord) expect(alias.ambiguous, `${person.id}: ${alias.text}`).toBe(true);
        }
        expect(hasAlias(person, surname), person.id).toBe(true);
        if (person.aliases.some((alias) => alias.ambiguous)) {
          expect(person.roleCues?.length ?? 0, person.id).toBeGreaterThan(0);
        }
      }
    });

    it.each([
      ['Joseph Aoun', ['President']],
      ['Nawaf Salam', ['Prime Minister']],
      ['Nabih Berri', ['Speaker']],
      ['Najib Mikati', ['Prime Minister']],
      ['Rodolphe Haykal', ['Gen.', 'General']],
      ['Tom Barrack', ['Ambassador', 'envoy']],
      ['Israel Katz', ['Defense Minister']],
      ['Gideon Saar', ['Foreign Minister']],
      ['Donald Trump', ['President']],
    ])('gives %s the role cues %j', (name, cues) => {
      expect(find('person', name).roleCues).toEqual(expect.arrayContaining(cues));
    });

    it('keeps spelling variants', () => {
      const variants: [EntityKind, string, string[]][] = [
        ['organisation', 'Hezbollah', ['Hizbullah', 'Hizbollah', 'Hizballah']],
        ['person', 'Mahmoud Qamati', ['Mahmoud Kamati', 'Qamati', 'Kamati']],
        ['person', 'Gideon Saar', ["Gideon Sa'ar", 'Saar', "Sa'ar"]],
        ['person', 'Najib Mikati', ['Mikati', 'Miqati']],
        ['place', 'Naqoura', ['Naqura', 'Nakoura']],
      ];
      for (const [kind, name, texts] of variants) {
        const entity = find(kind, name);
        for (const text of texts) expect(hasAlias(entity, text), `${name}: ${text}`).toBe(true);
      }
    });

    const multilingual: [EntityKind, string, boolean][] = [
      // [kind, name, has a French form that differs from the English one]
      ['person', 'Joseph Aoun', false],
      ['person', 'Nawaf Salam', false],
      ['person', 'Nabih Berri', true],
      ['person', 'Najib Mikati', true],
      ['person', 'Rodolphe Haykal', false],
      ['person', 'Tom Barrack', false],
      ['person', 'Israel Katz', false],
      ['person', 'Gideon Saar', false],
      ['person', 'Mahmoud Qamati', true],
      ['person', 'Randa Slim', false],
      ['person', 'Ed Gabriel', false],
      ['person', 'Donald Trump', true],
      ['organisation', 'Hezbollah', true],
      ['organisation', 'Hamas', true],
      ['organisation', 'IRGC', true],
      ['organisation', 'Lebanese Armed Forces', true],
      ['organisation', 'Israeli military', true],
      ['organisation', 'United Nations', true],
      ['place', 'Lebanon', true],
      ['place', 'Israel', true],
      ['place', 'Iran', true],
      ['place', 'Beirut', true],
      ['place', 'southern Lebanon', true],
      ['place', 'Naqoura', false],
      ['place', 'Gaza', true],
      ['place', 'Syria', true],
      ['event', 'November 2024 ceasefire', true],
      ['event', 'Lebanese Civil War', true],
      ['event', 'Taif Agreement', true],
      ['event', '1982 Israeli invasion', true],
    ];
    it.each(multilingual)('gives the %s "%s" Arabic, Hebrew and (if different) French forms', (kind, name, french) => {
      const entity = find(kind, name);
      expect(aliasesIn(entity, 'ar').length).toBeGreaterThan(0);
      expect(aliasesIn(entity, 'he').length).toBeGreaterThan(0);
      if (french) expect(aliasesIn(entity, 'fr').length).toBeGreaterThan(0);
    });

    it('has the expected forms in Arabic, French and Hebrew', () => {
      const forms: [EntityKind, string, string[]][] = [
        ['organisation', 'Hezbollah', ['حزب الله', 'חיזבאללה']],
        ['organisation', 'Israeli military', ['Tsahal', 'جيش الدفاع', 'צה"ל']],
        ['place', 'Naqoura', ['الناقورة']],
        ['place', 'Lebanon', ['Liban', 'لبنان', 'לבנון']],
        ['person', 'Joseph Aoun', ['جوزاف عون', 'יוסף עאון']],
        ['person', 'Nawaf Salam', ['نواف سلام']],
        ['person', 'Nabih Berri', ['نبيه بري']],
        ['person', 'Najib Mikati', ['نجيب ميقاتي']],
        ['person', 'Rodolphe Haykal', ['رودولف هيكل']],
        ['organisation', 'UNIFIL', ['Force intérimaire des Nations unies au Liban']],
      ];
      for (const [kind, name, texts] of forms) {
        const entity = find(kind, name);
        for (const text of texts) expect(hasAlias(entity, text), `${name}: ${text}`).toBe(true);
      }
    });

    const GENERIC =
      /^(ceasefire|cease-fire|truce|talks|direct talks|negotiations|civil war|invasion|war|ban|deportation)$/i;

    it('gives generic words only with needsCue, and only to events with cues', () => {
      for (const entity of entities) {
        for (const alias of entity.aliases) {
          if (GENERIC.test(alias.text)) expect(alias.needsCue, `${entity.id}: ${alias.text}`).toBe(true);
          if (alias.needsCue) {
            expect(entity.kind, `${entity.id}: ${alias.text}`).toBe('event');
            expect(entity.cues?.length ?? 0, entity.id).toBeGreaterThan(0);
          }
        }
      }
    });

    it('lets cues tell apart the events that share a generic alias', () => {
      const events = entities.filter((entity) => entity.kind === 'event');
      const cueAliases = (entity: Entity) =>
        new Set(entity.aliases.filter((alias) => alias.needsCue).map((alias) => foldString(alias.text)));
      let sharedPairs = 0;
      for (const [i, a] of events.entries()) {
        for (const b of events.slice(i + 1)) {
          const bAliases = cueAliases(b);
          if (![...cueAliases(a)].some((text) => bAliases.has(text))) continue;
          sharedPairs++;
          const bCues = new Set((b.cues ?? []).map(foldString));
          const common = (a.cues ?? []).map(foldString).filter((cue) => bCues.has(cue));
          expect(common, `${a.id} / ${b.id}`).toEqual([]);
        }
      }
      expect(sharedPairs).toBeGreaterThan(0);
    });

    it('uses cues that separate the Naqoura talks from the 2026 offer of talks', () => {
      const naqoura = find('event', 'Naqoura talks');
      const offer = find('event', 'offer of direct talks');
      expect(naqoura.cues).toEqual(expect.arrayContaining(['Naqoura', 'December', '2025', 'civilian']));
      expect(offer.cues).toEqual(expect.arrayContaining(['March', 'Cyprus', 'offer']));
      expect(find('event', 'November 2024 ceasefire').cues).toEqual(
        expect.arrayContaining(['2024', 'November', 'US-brokered', 'U.S.-brokered']),
      );
    });
  });

  describe('with the matcher', () => {
    const matcher = createEntityMatcher(buildMatcherSpec(entities));
    const linked = (text: string) =>
      matcher.match(text).map((match) => `${match.entityId}:${text.slice(match.start, match.end)}`);

    it.each([
      ['Lebanese President Joseph Aoun met envoys. Later, Aoun said he would press on.', 'joseph-aoun:Aoun'],
      ['President Aoun spoke from the palace.', 'joseph-aoun:Aoun'],
      ['Gen. Haykal resisted the order.', 'rodolphe-haykal:Haykal'],
      ['Israeli Foreign Minister Gideon Saar denied it. Saar spoke in a northern town.', 'gideon-saar:Saar'],
      ['Lebanon asked the Trump administration to mediate.', 'donald-trump:Trump administration'],
      [
        'The talks were hosted in the border town of Naqoura, with civilian representatives.',
        'naqoura-talks-2025:talks',
      ],
      ['Slim said the offer of talks was unlikely to gain traction.', 'lebanon-direct-talks-offer-2026:talks'],
      ['Lebanon offered talks in Cyprus at the ministerial level.', 'lebanon-direct-talks-offer-2026:talks'],
      [
        'It accuses Israel of violating a 2024 U.S.-brokered ceasefire agreement.',
        'ceasefire-november-2024:ceasefire agreement',
      ],
      [
        'The first direct talks since the 1982 Israeli invasion during the civil war.',
        'israeli-invasion-1982:1982 Israeli invasion',
      ],
      ['قال الرئيس عون إن الجيش اللبناني انتشر في جنوب لبنان.', 'joseph-aoun:عون'],
      ['צה"ל תקף בדרום לבנון ובדאחייה.', 'beirut-southern-suburbs:דאחייה'],
      ['Tsahal a frappé la banlieue sud de Beyrouth.', 'israeli-military:Tsahal'],
    ])('links %j', (text, expected) => {
      expect(linked(text)).toContain(expected);
    });

    it.each([
      ['The chances of a deal were slim, said Randa Slim.', 'randa-slim:slim'],
      ['He played the trump card.', 'donald-trump:trump'],
      ['Salam said little.', 'nawaf-salam:Salam'],
      ['Syria’s civil war displaced millions of people.', 'lebanese-civil-war:civil war'],
      ['Israel is threatening a wider ground invasion.', 'israeli-invasion-1982:invasion'],
      ['The ceasefire in Gaza, agreed in January 2025, collapsed.', 'ceasefire-november-2024:ceasefire'],
    ])('does not link %j', (text, unexpected) => {
      expect(linked(text)).not.toContain(unexpected);
    });
  });
});

describe('languageCode (one rule for seeds, packs and imports)', () => {
  it('keeps two lower-case letters, with or without a region', () => {
    expect(languageCode.parse('en')).toBe('en');
    expect(languageCode.parse('en-US')).toBe('en');
    expect(languageCode.parse('FR_ca')).toBe('fr');
  });

  it('refuses what is not a language code, saying what it should be', () => {
    for (const wrong of ['english', 'e', 'en-USA', '']) {
      const result = languageCode.safeParse(wrong);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/two-letter language code/);
    }
  });
});
