import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityMatcher } from '../../../lib/matching/match-entities';
import { buildMatcherSpec } from '../../../lib/matching/matcher-spec';
import { entitySchema } from '../../../lib/model/knowledge-base';
import { cleanUnicode, cleanUnicodeDeep, describeUnicodeRepairs } from '../../../lib/text/unicode-hygiene';

const HOSTILE = ['\u0000', '\uD800', '\uDC00', '\u202E', '\u2066', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u0007'];

describe('cleanUnicode', () => {
  it('removes NUL, bidi overrides and zero-width characters, and replaces lone surrogates', () => {
    const { text, repairs } = cleanUnicode('Hez\u200Bbol\u0000lah \u202Eevil\u202C \uD800x');
    expect(text).toBe('Hezbollah evil \uFFFDx');
    expect(repairs).toEqual({ controls: 1, loneSurrogates: 1, bidiControls: 2, zeroWidth: 1 });
    expect(describeUnicodeRepairs(repairs)).toContain('NUL');
  });

  it('keeps valid pairs, tabs and line breaks, and returns the same string when nothing is wrong', () => {
    const clean = 'Line one\tand \u{1F600}\nLine two — حزب الله';
    expect(cleanUnicode(clean)).toEqual({
      text: clean,
      repairs: { controls: 0, loneSurrogates: 0, bidiControls: 0, zeroWidth: 0 },
    });
    expect(describeUnicodeRepairs(cleanUnicode(clean).repairs)).toBe('');
  });

  it('leaves no hostile unit in any string (property)', () => {
    const hostileText = fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(hostileText, (input) => {
        const { text } = cleanUnicode(input);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the control characters.
        expect(text).not.toMatch(/[\u0000\u0007\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/);
        // Well formed: no lone surrogate survives.
        expect(text.isWellFormed()).toBe(true);
        // Idempotent.
        expect(cleanUnicode(text).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('cleans keys and values deep inside a pack, without letting "__proto__" reach the prototype', () => {
    const parsed = JSON.parse('{"a\\u200Bb":["x\\u0000y",{"__proto__":{"polluted":"\\u202Eyes"}}],"n":3}');
    const { value, repairs } = cleanUnicodeDeep(parsed);
    expect(value).toEqual({ ab: ['xy', Object.fromEntries([['__proto__', { polluted: 'yes' }]])], n: 3 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(repairs.zeroWidth + repairs.controls + repairs.bidiControls).toBe(3);
  });
});

describe('the matcher ignores zero-width characters inside a name', () => {
  const matcher = createEntityMatcher(
    buildMatcherSpec([
      entitySchema.parse({
        id: 'hezbollah',
        kind: 'organisation',
        name: 'Hezbollah',
        aliases: [{ text: 'Hezbollah' }],
        role: 'Test.',
        background: 'Test.',
      }),
    ]),
  );

  it('finds "Hez\\u200Bbollah" and maps the span to the page text as it is', () => {
    const page = 'Officials said Hez\u200Bbol\u2060lah agreed.';
    const [found] = matcher.match(page);
    expect(found?.entityId).toBe('hezbollah');
    expect(page.slice(found?.start, found?.end)).toBe('Hez\u200Bbol\u2060lah');
  });

  it('finds the name whatever zero-width characters are inserted (property)', () => {
    const zeroWidth = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u00AD');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), zeroWidth), { maxLength: 6 }), (inserts) => {
        let name = 'Hezbollah';
        for (const [at, unit] of inserts) name = name.slice(0, at) + unit + name.slice(at);
        const page = `Talks with ${name} resumed.`;
        const found = matcher.match(page);
        expect(found.map((match) => match.entityId)).toEqual(['hezbollah']);
        expect(page.slice(found[0]?.start, found[0]?.end)).toBe(name);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('cleanUnicodeDeep on hostile nesting', () => {
  it('does not overflow the stack on a value nested far deeper than any format we read', () => {
    let deep: unknown = 'Hez\u200Bbollah';
    for (let level = 0; level < 20_000; level++) deep = { inner: deep };
    expect(() => cleanUnicodeDeep(deep)).not.toThrow();
    const shallow = cleanUnicodeDeep({ entities: [{ name: 'Hez\u200Bbollah' }] });
    expect(shallow.value.entities[0]?.name).toBe('Hezbollah');
    expect(shallow.repairs.zeroWidth).toBe(1);
  });
});
