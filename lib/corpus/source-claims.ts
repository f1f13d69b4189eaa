/**
 * Comparable claims in one sentence: figures with a unit and their bound ("at least 3,000" is a floor,
 * not a count), and "first in N years" / "first since YEAR" spans. Kept pure so the differences
 * detector can compare claims from different outlets without touching the corpus.
 */

export type ClaimBound = 'exact' | 'at-least' | 'at-most' | 'about';

export interface FigureClaim {
  kind: 'figure';
  value: number;
  bound: ClaimBound;
  /** The counted thing as written, singular and lower case ("killed", "troop", "kilometre"). */
  unit: string;
  /** Offsets of the claim in the sentence, so both quotes can be shown. */
  start: number;
  end: number;
}

export interface SpanClaim {
  kind: 'first-in';
  /** The year the "first since" points to; from "first in N years" it is the reference year minus N. */
  sinceYear: number;
  /** True when derived from "N years", which is only as precise as the article's own year. */
  inferred: boolean;
  start: number;
  end: number;
}

export type SourceClaim = FigureClaim | SpanClaim;

const boundWords: ReadonlyArray<[RegExp, ClaimBound]> = [
  [/^(?:at least|more than|over|upwards of|no fewer than)$/i, 'at-least'],
  [/^(?:at most|fewer than|less than|under|up to|no more than)$/i, 'at-most'],
  [/^(?:about|around|nearly|almost|roughly|some|approximately|an estimated)$/i, 'about'],
];

const figurePattern =
  /\b(?:(at least|more than|over|upwards of|no fewer than|at most|fewer than|less than|under|up to|no more than|about|around|nearly|almost|roughly|some|approximately|an estimated)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:thousand|million))?\s+([A-Za-z][A-Za-z-]*)/gi;

const spanPattern = /\bfirst\b[^.;]{0,60}?\b(?:in\s+(\d{1,3})\s+years|since\s+(1[89]\d\d|20\d\d))\b/gi;

function boundOf(word: string | undefined): ClaimBound {
  if (!word) return 'exact';
  for (const [pattern, bound] of boundWords) if (pattern.test(word)) return bound;
  return 'exact';
}

function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/** A four-digit number followed by nothing countable is a year, not a figure. */
function looksLikeYear(digits: string, scale: string | undefined): boolean {
  return !scale && /^(1[89]|20)\d\d$/.test(digits);
}

export function extractClaims(sentence: string, referenceYear?: number): SourceClaim[] {
  const claims: SourceClaim[] = [];
  for (const match of sentence.matchAll(figurePattern)) {
    const [whole, boundWord, digits, scale, unit] = match;
    if (!digits || !unit || looksLikeYear(digits, scale)) continue;
    // Spans of time belong to "first in N years" and dates; connectors mean the number counts nothing.
    if (/^(?:years?|days?|months?|weeks?|and|or|to|of|per)$/i.test(unit)) continue;
    // "3 December" is a date, not three Decembers (issue #15).
    if (
      /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i.test(
        unit,
      )
    )
      continue;
    let value = Number(digits.replaceAll(',', ''));
    if (scale?.trim().toLowerCase() === 'thousand') value *= 1000;
    if (scale?.trim().toLowerCase() === 'million') value *= 1_000_000;
    const start = match.index ?? 0;
    claims.push({
      kind: 'figure',
      value,
      bound: boundOf(boundWord),
      unit: singular(unit),
      start,
      end: start + whole.length,
    });
  }
  for (const match of sentence.matchAll(spanPattern)) {
    const [whole, years, since] = match;
    const start = match.index ?? 0;
    if (since) {
      claims.push({ kind: 'first-in', sinceYear: Number(since), inferred: false, start, end: start + whole.length });
    } else if (years && referenceYear !== undefined) {
      claims.push({
        kind: 'first-in',
        sinceYear: referenceYear - Number(years),
        inferred: true,
        start,
        end: start + whole.length,
      });
    }
  }
  return claims;
}
