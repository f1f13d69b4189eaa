import { describe, expect, it } from 'vitest';
import { extractClaims, type FigureClaim } from '@/lib/corpus/source-claims';
import { compareFigures } from '@/lib/corpus/source-differences';

function figure(sentence: string, outlet: string, date: string) {
  const [claim] = extractClaims(sentence);
  return { claim: claim as FigureClaim, outlet, date };
}

describe('compareFigures', () => {
  it('flags two outlets giving different counts in the same week', () => {
    expect(
      compareFigures(
        figure('Some 40 soldiers were wounded.', 'A', '2025-03-01'),
        figure('12 soldiers were wounded.', 'B', '2025-03-03'),
      ),
    ).toBe('conflict');
  });

  it('takes "at least 3,000" and "more than 3,800" as compatible floors', () => {
    expect(
      compareFigures(
        figure('at least 3,000 people died', 'A', '2024-10-01'),
        figure('more than 3,800 people died', 'B', '2024-10-02'),
      ),
    ).toBe('agree');
  });

  it('treats rounding as agreement', () => {
    expect(
      compareFigures(figure('2,950 people fled', 'A', '2025-01-01'), figure('3,000 people fled', 'B', '2025-01-01')),
    ).toBe('agree');
  });

  it('calls figures months apart a change over time', () => {
    expect(
      compareFigures(figure('1,200 people died', 'A', '2024-01-01'), figure('3,800 people died', 'B', '2024-11-30')),
    ).toBe('changed-over-time');
  });
});
