// Sums every runner's results into the one line CI reads: "N passed, N failed".
// Type-check, lint, build and zip count as one check each; Vitest (unit,
// Firefox, release) and Playwright count their tests, read from their JSON reports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
/** Each Vitest run and its JSON report: unit and DOM tests, Firefox end to end, store packages (issue #16). */
const VITEST_REPORTS = { unit: 'vitest.json', firefox: 'firefox.json', release: 'release.json' };
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.check'))
  .sort()) {
  const name = file.replace(/\.check$/, '');
  if (name in VITEST_REPORTS || name === 'e2e') continue;
  const ok = readFileSync(join(dir, file), 'utf8').trim() === 'pass';
  ok ? passed++ : failed++;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

for (const [name, reportName] of Object.entries(VITEST_REPORTS)) {
  const vitestReport = join(dir, reportName);
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
    const pending = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += pending;
    // A suite that fails to load has no tests, but is a failure all the same.
    const brokenSuites = (report.testResults ?? []).filter(
      (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
    ).length;
    failed += brokenSuites;
    lines.push(
      `${name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed, ${pending} skipped`,
    );
  } else if (existsSync(join(dir, `${name}.check`))) {
    failed++;
    lines.push(`${name}: no report (the runner crashed)`);
  }
}

const playwrightReport = join(dir, 'playwright.json');
if (existsSync(playwrightReport)) {
  const { stats, errors = [] } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky + errors.length;
  skipped += stats.skipped;
  lines.push(
    `e2e: ${stats.expected} passed, ${stats.unexpected + stats.flaky + errors.length} failed, ${stats.skipped} skipped`,
  );
} else if (existsSync(join(dir, 'e2e.check'))) {
  failed++;
  lines.push('e2e: no report (the runner crashed)');
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
