import { describe, expect, it } from 'vitest';
import { CASE_LOWER, CASE_NONE, CASE_UPPER, casePattern, fillCasePattern, upperOne } from '@/lib/matching/case-rules';
import { foldString } from '@/lib/text/fold-text';
import { matchesUnderCaseRules } from '../../support/case-rules-reference';
import { found, ids } from '../../support/matcher-fixtures';

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

describe('compiled case patterns', () => {
  const pattern = (text: string) => {
    const { exact, caps } = casePattern(text, foldString(text).length);
    return { exact: [...exact], caps: [...caps] };
  };
  const [N, L, U] = [CASE_NONE, CASE_LOWER, CASE_UPPER];

  it('gives one class per unit of the folded key, as written and in ALL CAPS', () => {
    expect(pattern('Hezbollah')).toEqual({ exact: [U, L, L, L, L, L, L, L, L], caps: [U, U, U, U, U, U, U, U, U] });
    expect(pattern('US')).toEqual({ exact: [U, U], caps: [U, U] });
    // The space between words is one unit with no case, however it is written.
    expect(pattern('the  talks')).toEqual({ exact: [L, L, L, N, L, L, L, L, L], caps: [U, U, U, N, U, U, U, U, U] });
  });

  it('leaves units without case, and letters without a one-letter capital, as they are', () => {
    expect(pattern('حزب الله')).toEqual({ exact: [N, N, N, N, N, N, N, N], caps: [N, N, N, N, N, N, N, N] });
    // ß has no one-letter capital: in ALL CAPS it is still lower case.
    expect(pattern('Straße').caps).toEqual([U, U, U, U, L, U]);
    expect(pattern('2024')).toEqual({ exact: [N, N, N, N], caps: [N, N, N, N] });
  });

  it('skips marks the folding drops, so classes stay aligned with the key', () => {
    expect(pattern('E\u0301lyse\u0301e')).toEqual(pattern('Élysée'));
    expect(pattern('Élysée').exact).toEqual([U, L, L, L, L, L]);
  });

  it('fills a shared buffer alias by alias between bounds', () => {
    const exact = new Uint8Array(6);
    const caps = new Uint8Array(6);
    fillCasePattern('UN', exact, caps, 1, 3);
    fillCasePattern('Gaza', exact, caps, 3, 6);
    expect([...exact]).toEqual([0, U, U, U, L, L]);
    expect([...caps]).toEqual([0, U, U, U, U, U]);
  });

  it('upper-cases one unit, keeping units whose capital is longer', () => {
    expect(upperOne('é')).toBe('É');
    expect(upperOne('ß')).toBe('ß');
    expect(upperOne('ل')).toBe('ل');
  });
});
