/**
 * `npm run build:index`: validates the seeds, their manifest and the
 * knowledge base, then writes `data/index.json`. Runs before every build,
 * so the shipped index always matches the seeds it was built from.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpusIndex, serializeCorpusIndex } from '../corpus/build-index';
import { parseCorpusIndex } from '../model/index-schema';
import { knowledgeBaseSchema } from '../model/knowledge-base';
import { seedManifestSchema } from '../model/seed-manifest';
import { parseOrThrow } from '../model/validation-errors';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Reads and validates the build inputs from the repository. */
export function readCorpusInputs(repoRoot = root) {
  const readJson = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
    } catch (error) {
      throw new Error(`News Context: ${path}: cannot read it as JSON (${(error as Error).message})`);
    }
  };
  const manifest = parseOrThrow(seedManifestSchema, readJson('seeds/manifest.json'), 'seeds/manifest.json');
  const knowledgeBase = parseOrThrow(
    knowledgeBaseSchema,
    readJson('data/knowledge-base.json'),
    'data/knowledge-base.json',
  );
  const seedFiles = readdirSync(join(repoRoot, 'seeds')).filter((name) => name.endsWith('.txt'));
  const listed = new Set(manifest.articles.map((article) => article.file));
  const unlisted = seedFiles.filter((name) => !listed.has(name));
  if (unlisted.length > 0) {
    throw new Error(`News Context: seeds/manifest.json: articles: seeds/${unlisted.join(', seeds/')} not listed`);
  }
  const rawSeeds = new Map(seedFiles.map((name) => [name, readFileSync(join(repoRoot, 'seeds', name), 'utf8')]));
  return { manifest, knowledgeBase, rawSeeds };
}

function main(): void {
  const started = performance.now();
  const index = buildCorpusIndex(readCorpusInputs());
  const serialized = serializeCorpusIndex(index);
  // Round-trip through the loader so a build never writes an index the extension would refuse.
  parseCorpusIndex(JSON.parse(serialized));
  const target = join(root, 'data', 'index.json');
  writeFileSync(target, serialized);
  const aliases = index.entities.reduce((sum, entity) => sum + entity.aliases.length, 0);
  console.log(
    `data/index.json: ${index.articles.length} articles, ${index.entities.length} entities, ${aliases} aliases, ` +
      `${index.mentions.reduce((sum, group) => sum + group.spans.length, 0)} mentions, ${Buffer.byteLength(serialized)} bytes ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
