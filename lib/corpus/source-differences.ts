import type { FigureClaim } from './source-claims';

/** One claim as an outlet reported it on a day; the date is an ISO day so sources can be ordered. */
export interface DatedFigure {
  claim: FigureClaim;
  outlet: string;
  date: string;
}

export type FigureVerdict = 'agree' | 'conflict' | 'changed-over-time';

/** Figures within 5% differ by rounding ("about 3,000" against "2,950"), which no careful reader calls a conflict. */
const roundingShare = 0.05;
/** Counts reported this far apart may have grown; the reader is told the figure changed, not that sources clash. */
const changedAfterDays = 45;

function range(claim: FigureClaim): [number, number] {
  const slack = claim.bound === 'about' ? claim.value * roundingShare : 0;
  if (claim.bound === 'at-least') return [claim.value, Number.POSITIVE_INFINITY];
  if (claim.bound === 'at-most') return [0, claim.value];
  return [claim.value - slack, claim.value + slack];
}

function overlaps([lowA, highA]: [number, number], [lowB, highB]: [number, number]): boolean {
  return lowA <= highB && lowB <= highA;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

export function compareFigures(a: DatedFigure, b: DatedFigure): FigureVerdict {
  if (a.outlet === b.outlet || a.claim.unit !== b.claim.unit) return 'agree';
  const near = Math.abs(a.claim.value - b.claim.value) <= Math.max(a.claim.value, b.claim.value) * roundingShare;
  if (near || overlaps(range(a.claim), range(b.claim))) return 'agree';
  return daysBetween(a.date, b.date) > changedAfterDays ? 'changed-over-time' : 'conflict';
}
