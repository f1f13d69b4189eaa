/**
 * `npm run bench`: runs the benchmarks of issues #6, #13 and #15 one after
 * another (each launches its own headless Chromium, so they never compete for
 * the two cores), prints the Markdown report, writes it to
 * `tests/bench/report.md` (linked from the README), and ends with one
 * `TARGET <name>: <measured> (target <x>) PASS|MISS` line per target.
 * The script builds the extension first: `extension` and `timeline` measure
 * the production build in Chromium.
 *
 *   npm run bench                      every benchmark, full sizes
 *   npm run bench -- --quick           small sizes and few runs: checks that it works
 *   npm run bench -- --only search     some benchmarks (annotation | search | extension | timeline, comma-separated)
 *   npm run bench -- --browser         only the built extension in Chromium (extension, timeline)
 *   npm run bench -- --out FILE        write the report elsewhere
 *
 * A quick run writes its report to the system's temp folder unless --out is
 * given: the committed report only ever holds full runs.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../e2e/chromium-path';
import { type Benchmark, type BenchSection, type BenchTarget, targetLine } from './bench-report';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface RunArguments {
  quick: boolean;
  only: string[];
  out: string;
}

function parseArguments(argv: readonly string[]): RunArguments {
  const quick = argv.includes('--quick');
  const only: string[] = [];
  let out = quick ? join(tmpdir(), 'news-context-bench-quick.md') : join(repoRoot, 'tests', 'bench', 'report.md');
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--only' || argument === '--out') {
      const value = argv[++i];
      if (!value) throw new Error(`News Context bench: ${argument} needs a value`);
      if (argument === '--only') only.push(...value.split(','));
      else out = value;
    } else if (argument === '--browser') {
      only.push(...BROWSER_BENCHMARKS);
    } else if (argument !== '--quick') {
      throw new Error(
        `News Context bench: unknown argument ${argument} (use --quick, --only NAME, --browser, --out FILE)`,
      );
    }
  }
  return { quick, only, out };
}

/** Loaded lazily, so `--only search` does not bundle the annotation pages. */
const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  annotation: async () => (await import('./annotation-bench')).annotationBenchmark,
  search: async () => (await import('./search-bench')).searchBenchmark,
  extension: async () => (await import('./extension-bench')).extensionBenchmark,
  timeline: async () => (await import('./timeline-bench')).timelineBenchmark,
};

/** The benchmarks of the built extension in Chromium (issues #13 and #15): `--browser`. */
const BROWSER_BENCHMARKS = ['extension', 'timeline'];

function chromiumVersion(): string {
  try {
    return execFileSync(findChromium(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown Chromium';
  }
}

function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${cpus().length} × ${cpu}, ${memory}, Node ${process.versions.node}, ${chromiumVersion()}`;
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown commit';
  }
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const names = args.only.length > 0 ? args.only : Object.keys(BENCHMARKS);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    throw new Error(
      `News Context bench: no benchmark ${unknown.join(', ')} (there are: ${Object.keys(BENCHMARKS).join(', ')})`,
    );
  }
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const started = new Date();
  const sections: BenchSection[] = [];
  const failures: string[] = [];
  for (const name of names) {
    const load = BENCHMARKS[name] as () => Promise<Benchmark>;
    log(`${name}: starting${args.quick ? ' (quick)' : ''}`);
    const before = performance.now();
    try {
      const benchmark = await load();
      sections.push(await benchmark.run({ quick: args.quick, log: (line) => log(`${name}: ${line}`) }));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(name);
      sections.push({
        title: `${name} (failed)`,
        markdown: `The benchmark failed:\n\n\`\`\`\n${message}\n\`\`\``,
        targets: [],
      });
    }
    log(`${name}: done in ${((performance.now() - before) / 1000).toFixed(0)} s`);
  }

  const targets: BenchTarget[] = sections.flatMap((section) => section.targets);
  const report = [
    `# News Context benchmarks${args.quick ? " (quick run: small sizes, not the targets' conditions)" : ''}`,
    '',
    `Run ${started.toISOString()} on ${machineLine()}, at ${gitCommit()}, with \`npm run bench${args.quick ? ' -- --quick' : ''}\`.`,
    'Times are medians of runs alternated in one browser unless a table says otherwise; ratios are taken within one run, because these machines are noisy.',
    '',
    '## Targets',
    '',
    '```',
    ...targets.map(targetLine),
    '```',
    '',
    ...sections.flatMap((section) => [`## ${section.title}`, '', section.markdown.trim(), '']),
  ].join('\n');
  writeFileSync(args.out, report);
  process.stdout.write(`${report}\n`);
  log(`report written to ${args.out}`);
  for (const target of targets) process.stdout.write(`${targetLine(target)}\n`);
  if (failures.length > 0) {
    process.stderr.write(`News Context bench: ${failures.join(', ')} failed; see the report.\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
