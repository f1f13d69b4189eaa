import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS } from '@/lib/page/highlight-style';
import { HIGHLIGHT_NAMES } from '@/lib/page/highlighter';

/** The declarations of the first rule whose whole selector is `selector` (not a list that ends with it). */
function ruleOf(selector: string): string | undefined {
  const lines = HIGHLIGHT_CSS.split('\n');
  const line = lines.indexOf(`${selector} {`);
  if (line < 0) return undefined;
  const at = lines.slice(0, line).join('\n').length + 1;
  return HIGHLIGHT_CSS.slice(HIGHLIGHT_CSS.indexOf('{', at) + 1, HIGHLIGHT_CSS.indexOf('}', at));
}

describe('highlight style', () => {
  it('gives each kind a tint and an underline of its own colour, and the active mention a stronger one', () => {
    const underlines = new Set<string>();
    for (const kind of ['person', 'organisation', 'place', 'event'] as const) {
      const rule = ruleOf(`::highlight(${HIGHLIGHT_NAMES[kind]})`);
      expect(rule, kind).toMatch(/background-color: rgb\([\d ]+ \/ 0\.\d+\)/);
      const underline = rule?.match(/text-decoration: underline solid 2px (rgb\([\d ]+\))/)?.[1];
      expect(underline, kind).toBeDefined();
      underlines.add(underline as string);
      // The page's own text colour is kept, so dark pages keep their contrast.
      expect(rule).not.toMatch(/(^|[^-])color:/);
    }
    expect(underlines.size).toBe(4);
    expect(ruleOf(`::highlight(${HIGHLIGHT_NAMES.active})`)).toMatch(/underline solid 3px/);
  });

  it('hands forced colours the system’s marked-text pair and prints without tints, for every highlight', () => {
    const forced = HIGHLIGHT_CSS.slice(HIGHLIGHT_CSS.indexOf('@media (forced-colors: active)'));
    const print = HIGHLIGHT_CSS.slice(HIGHLIGHT_CSS.indexOf('@media print'));
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      expect(forced).toContain(`::highlight(${name})`);
      expect(print).toContain(`::highlight(${name})`);
    }
    expect(forced).toMatch(/background-color: Mark;\s+color: MarkText;/);
    expect(print).toMatch(/background-color: transparent;\s+text-decoration: none;/);
  });
});
