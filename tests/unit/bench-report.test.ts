import { describe, expect, it } from 'vitest';
import { formatMs, logLogSlope, markdownTable, median, quantile, targetLine } from '../bench/bench-report';

describe('bench report helpers', () => {
  it('prints a target line in exactly the form the issue asks for', () => {
    expect(
      targetLine({ name: 'annotation-vs-markjs-100-aliases', measured: '412x', target: '>=50x', pass: true }),
    ).toBe('TARGET annotation-vs-markjs-100-aliases: 412x (target >=50x) PASS');
    expect(targetLine({ name: 'search-heap-10k', measured: '140MB', target: '<=100MB', pass: false })).toBe(
      'TARGET search-heap-10k: 140MB (target <=100MB) MISS',
    );
    expect(
      targetLine({ name: 'script-added', measured: '3.1ms=4%', target: '<=5ms or <=10% of 77ms', pass: true }),
    ).toBe('TARGET script-added: 3.1ms=4% (target <=5ms or <=10% of 77ms) PASS');
  });

  it('refuses a target whose fields would not read back as single words', () => {
    expect(() => targetLine({ name: 'two words', measured: '1ms', target: '<=2ms', pass: true })).toThrow(/one word/);
    expect(() => targetLine({ name: 'x', measured: '', target: '<=2ms', pass: true })).toThrow(/one word/);
    expect(() => targetLine({ name: 'x', measured: '1ms', target: '<=2ms (p95)', pass: true })).toThrow(/parentheses/);
  });

  it('takes medians and quantiles by interpolation, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 0], 0.95)).toBeCloseTo(9.5);
    expect(
      quantile(
        Array.from({ length: 101 }, (_, i) => 100 - i),
        0.95,
      ),
    ).toBe(95);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('finds the log-log slope of power laws', () => {
    const points = (exponent: number) => [10, 100, 1000, 5000].map((x) => ({ x, y: 3 * x ** exponent }));
    expect(logLogSlope(points(1))).toBeCloseTo(1);
    expect(logLogSlope(points(0))).toBeCloseTo(0);
    expect(logLogSlope(points(0.5))).toBeCloseTo(0.5);
  });

  it('writes Markdown tables and milliseconds for reading', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
    expect(formatMs(0.0314)).toBe('0.031ms');
    expect(formatMs(4.25)).toBe('4.3ms');
    expect(formatMs(1234.4)).toBe('1234ms');
  });
});
