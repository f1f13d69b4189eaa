import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a TypeScript entry (and the real `lib/` modules it imports) into one
 * IIFE script, for tests and benchmarks that run our code in a plain page with
 * `page.addScriptTag({ content })`: no extension build needed.
 */
export async function bundleForPage(entryFile: string): Promise<string> {
  const result = await build({
    entryPoints: [entryFile],
    absWorkingDir: repoRoot,
    tsconfig: `${repoRoot}tsconfig.json`,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`News Context: esbuild produced nothing for ${entryFile}`);
  return output.text;
}
