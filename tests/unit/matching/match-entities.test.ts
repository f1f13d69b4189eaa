import { describe, expect, it } from 'vitest';
import { createEntityMatcher, type EntityMatch, type MatcherSpec } from '@/lib/matching/match-entities';
import { buildMatcherSpec, MATCHER_SPEC_VERSION } from '@/lib/matching/matcher-spec';
import { entities, type Fixture, found, ids, KB, matcher } from '../../support/matcher-fixtures';

// The scanner and its loading. The rules it applies have their own tests:
// case-rules, attached-prefixes, name-context, event-cues, resolve-candidates.

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

describe('documents in chunks', () => {
  it('match(text) is resolve([scan(text)])[0]', () => {
    const text = 'Lebanese President Joseph Aoun offered talks. Aoun also asked. The 2024 ceasefire held.';
    expect(matcher.match(text)).toEqual(matcher.resolve([matcher.scan(text)])[0]);
  });

  it('keeps scan output plain data that survives a message', () => {
    const candidates = matcher.scan('Aoun also asked. Hezbollah said.');
    expect(JSON.parse(JSON.stringify(candidates))).toEqual(candidates);
  });
});

describe('loading a spec', () => {
  it('refuses a spec of another version', () => {
    expect(() =>
      createEntityMatcher({ version: MATCHER_SPEC_VERSION + 1, entities: [], aliases: [] } as unknown as MatcherSpec),
    ).toThrow(/npm run build:index/);
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
