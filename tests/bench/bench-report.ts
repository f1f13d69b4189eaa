/**
 * What every benchmark returns, and how the runner (`tests/bench/run.ts`)
 * prints it: a Markdown section per benchmark, then one line per target in
 * exactly the form `TARGET <name>: <measured> (target <x>) PASS|MISS`
 * (issues #6, #13, #15). The name and the measured value have no spaces, so
 * a script can read the lines.
 */

/** One target of the issue, with what was measured against it. */
export interface BenchTarget {
  /** kebab-case, e.g. `annotation-vs-markjs-100-aliases`. */
  name: string;
  /** The measured value with its unit, no spaces, e.g. `412x`, `0.31ms`, `>cap`. */
  measured: string;
  /** The target with its comparison, e.g. `>=50x`, `<=15ms`, `<=5ms or <=10%`. */
  target: string;
  pass: boolean;
}

/** One benchmark's part of the report. */
export interface BenchSection {
  title: string;
  /** Markdown: tables of medians and ratios, how it was measured, and why a target misses. */
  markdown: string;
  targets: BenchTarget[];
}

/** A benchmark the runner can run: it launches and closes its own browser. */
export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchSection>;
}

export interface BenchOptions {
  /** Fewer runs and smaller sizes, to check that the benchmark works (`npm run bench -- --quick`). */
  quick: boolean;
  /** Progress lines go here (stderr), never into the report. */
  log: (line: string) => void;
}

/** `TARGET <name>: <measured> (target <x>) PASS|MISS` */
export function targetLine(target: BenchTarget): string {
  for (const [field, value] of Object.entries({ name: target.name, measured: target.measured })) {
    if (/\s/.test(value) || value === '')
      throw new Error(`News Context bench: target ${field} "${value}" must be one word`);
  }
  if (target.target.trim() === '' || /[()]/.test(target.target))
    throw new Error(
      `News Context bench: target "${target.target}" of ${target.name} must be non-empty, without parentheses`,
    );
  return `TARGET ${target.name}: ${target.measured} (target ${target.target}) ${target.pass ? 'PASS' : 'MISS'}`;
}

/** Median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** Least-squares slope of log(y) against log(x): 1 is linear, 0 is flat. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const xs = points.map((point) => Math.log(point.x));
  const ys = points.map((point) => Math.log(point.y));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += ((xs[i] as number) - meanX) * ((ys[i] as number) - meanY);
    variance += ((xs[i] as number) - meanX) ** 2;
  }
  return covariance / variance;
}

/** A Markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Milliseconds, to a precision that suits their size: `0.031ms`, `4.2ms`, `1234ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1) return `${ms.toFixed(3)}ms`;
  if (ms < 100) return `${ms.toFixed(1)}ms`;
  return `${Math.round(ms)}ms`;
}
