/**
 * Checks of the house conventions (cheaper than review): layout, one concern
 * per kebab-case file with its test, pure `lib/`, one module on the page's
 * highlights, and no HTML sinks. See ../shared/CONVENTIONS.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string, extensions = /\.(ts|tsx)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...filesUnder(path, extensions));
    else if (extensions.test(name)) out.push(path);
  }
  return out;
}
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const productFiles = [...filesUnder('lib'), ...filesUnder('entrypoints'), ...filesUnder('components')];
const testFiles = filesUnder('tests').filter(
  (path) => /\.(test|e2e)\.tsx?$/.test(path) || path.startsWith('tests/support'),
);
const testSources = testFiles.map(read).join('\n');

// DOM modules by design (Hypothesis' layering): reading text, painting highlights, and the annotator that wires them.
const DOM_MODULES = new Set(['lib/page/text-ranges.ts', 'lib/page/highlighter.ts', 'lib/page/page-annotator.ts']);

describe('conventions', () => {
  it('keeps the top level to the design card', () => {
    const allowed = new Set([
      'entrypoints',
      'components',
      'lib',
      'data',
      'seeds',
      'tests',
      'wxt.config.ts',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'README.md',
      'public',
      '.ci',
      '.gitignore',
      'biome.json',
      'vitest.config.ts',
      'node_modules',
      '.output',
      '.wxt',
      '.git',
      'test-results',
    ]);
    const unexpected = readdirSync(root).filter((name) => !allowed.has(name));
    expect(unexpected).toEqual([]);
  });

  it('names lib and component files in kebab-case', () => {
    for (const path of [...filesUnder('lib'), ...filesUnder('components', /\.(ts|tsx|css)$/)]) {
      expect(path.split('/').pop()).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.(ts|tsx|css)$/);
    }
  });

  it('gives every lib module a test that imports it', () => {
    const untested = filesUnder('lib')
      .filter((path) => !path.startsWith('lib/cli/'))
      .map((path) => path.replace(/\.tsx?$/, ''))
      .filter((module) => !testSources.includes(`@/${module}'`) && !testSources.includes(`/${module}'`));
    expect(untested).toEqual([]);
  });

  it('keeps lib/ free of extension APIs outside lib/extension/, and of the DOM outside the DOM modules', () => {
    for (const path of filesUnder('lib')) {
      const source = read(path).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // lib/extension/ is the stage whose job is the browser's extension APIs (messages, sessions of our pages).
      if (!path.startsWith('lib/extension/'))
        expect(source, `${path} uses an extension API`).not.toMatch(
          /\b(browser|chrome)\.(runtime|tabs|storage|scripting)\b/,
        );
      if (!DOM_MODULES.has(path)) {
        expect(source, `${path} touches the DOM`).not.toMatch(/\b(document|window)\.[a-zA-Z]/);
      }
    }
  });

  it('lets only the highlighter touch CSS.highlights', () => {
    const touching = productFiles.filter((path) => /CSS\.highlights|new Highlight\(/.test(read(path)));
    expect(touching.map((path) => relative('.', path))).toEqual(['lib/page/highlighter.ts']);
  });

  it('never parses untrusted text as HTML in product code', () => {
    for (const path of productFiles) {
      expect(read(path), path).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\beval\(|new Function\(/,
      );
    }
  });

  it('keeps entrypoints thin: no helper files loose in entrypoints/', () => {
    const loose = readdirSync(join(root, 'entrypoints')).filter((name) =>
      statSync(join(root, 'entrypoints', name)).isFile(),
    );
    expect(loose).toEqual([]);
  });
});
