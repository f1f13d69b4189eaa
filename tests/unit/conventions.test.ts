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

/**
 * The stages of lib/, each allowed to import only the stages below it: text
 * knows nothing of entities, the model knows text, matching and search know
 * the model, the corpus build uses both, storage persists all of that, the
 * importer writes through storage, and lib/extension/ wires everything to the
 * browser. A file may always import from its own stage. lib/scheduling/
 * (giving the page its turn during long jobs) sits below every stage.
 * lib/cli/ runs the corpus build at development time.
 */
const BELOW_ALL = ['scheduling'];
const STAGE_IMPORTS: Record<string, readonly string[]> = {
  scheduling: [],
  text: [...BELOW_ALL],
  model: [...BELOW_ALL, 'text'],
  matching: [...BELOW_ALL, 'text', 'model'],
  page: [...BELOW_ALL, 'text', 'model', 'matching'],
  search: [...BELOW_ALL, 'text', 'model'],
  corpus: [...BELOW_ALL, 'text', 'model', 'matching', 'search'],
  storage: [...BELOW_ALL, 'text', 'model', 'matching', 'page', 'search', 'corpus'],
  import: [...BELOW_ALL, 'text', 'model', 'matching', 'page', 'search', 'corpus', 'storage'],
  extension: [...BELOW_ALL, 'text', 'model', 'matching', 'page', 'search', 'corpus', 'storage', 'import'],
  cli: [...BELOW_ALL, 'text', 'model', 'matching', 'search', 'corpus'],
};

/** The lib/ stages a file imports from, read from its import and export statements (relative and `@/` paths). */
function importedStages(path: string): { stage: string; specifier: string }[] {
  const source = read(path);
  const found: { stage: string; specifier: string }[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    const specifier = match[1] as string;
    let target: string;
    if (specifier.startsWith('@/')) target = specifier.slice(2);
    else if (specifier.startsWith('.')) target = join(path, '..', specifier);
    else continue;
    const parts = target.split('/');
    if (parts[0] === 'lib' && parts.length > 2) found.push({ stage: parts[1] as string, specifier });
  }
  return found;
}

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

  it('keeps every lib/ file in a stage folder, importing only from its own stage or the stages below it', () => {
    const violations: string[] = [];
    for (const path of filesUnder('lib')) {
      const stage = path.split('/')[1] as string;
      const allowed = STAGE_IMPORTS[stage];
      if (!allowed || path.split('/').length !== 3) {
        violations.push(`${path} is not in a stage folder (${Object.keys(STAGE_IMPORTS).join(', ')})`);
        continue;
      }
      for (const { stage: target, specifier } of importedStages(path)) {
        if (target !== stage && !allowed.includes(target)) violations.push(`${path} imports ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('describes every stage folder in lib/README.md', () => {
    const map = read('lib/README.md');
    const folders = readdirSync(join(root, 'lib')).filter((name) => statSync(join(root, 'lib', name)).isDirectory());
    expect(folders.filter((folder) => !map.includes(`\`${folder}/\``))).toEqual([]);
    expect(folders.sort()).toEqual(Object.keys(STAGE_IMPORTS).sort());
  });

  it('reads real imports when checking the layering', () => {
    // The layering check is only as good as its import reader: it must see both path styles.
    expect(importedStages('lib/corpus/build-index.ts').map((found) => found.stage)).toContain('search');
    expect(importedStages('lib/extension/corpus-session.ts').map((found) => found.stage)).toContain('storage');
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
