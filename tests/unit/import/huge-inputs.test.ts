import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { type ImportSource, MAX_FILE_BYTES, readImportFile } from '@/lib/import/import-sources';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { contextFor, fileFrom, freshDatabase, snapshot } from '../../support/import-fixtures';

/**
 * Near-limit inputs (issue #14): each imports, or fails alone naming its
 * file, and never takes a good file of the same batch down with it.
 */
const noHtml = () => {
  throw new Error('no HTML in this test');
};

let db: NewsContextDatabase;
beforeEach(async () => {
  db = await freshDatabase('huge');
});
afterEach(async () => {
  await db.delete();
});

const GOOD = `Talks in Naqoura\n\nLebanese and Israeli officials met in Naqoura on Monday, and Hezbollah said it was watching the talks closely.`;

async function source(name: string, text: string): Promise<ImportSource> {
  const bytes = new TextEncoder().encode(text).length;
  expect(bytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
  return readImportFile(fileFrom(name, text), noHtml);
}

describe('huge inputs', () => {
  it('imports a .txt of 200,000 sentences naming an entity, next to a good file', async () => {
    const sentences = Array.from({ length: 200_000 }, (_, n) => `Hezbollah spoke ${n}.`);
    const huge = `Hezbollah statements\n\n${sentences.join(' ')}`;
    const context = await contextFor(db);
    const { outcomes } = await importSources(context, [await source('huge.txt', huge), await source('good.txt', GOOD)]);
    expect(outcomes.map((outcome) => [outcome.file, outcome.status, outcome.problems])).toEqual([
      ['huge.txt', 'imported', []],
      ['good.txt', 'imported', []],
    ]);
    const stored = await db.articles.toArray();
    expect(stored.map((article) => article.title).sort()).toEqual(['Hezbollah statements', 'Talks in Naqoura']);
    const groups = await db.mentions.toArray();
    const hugeId = stored.find((article) => article.title === 'Hezbollah statements')?.id;
    const spans = groups.find((group) => group.articleId === hugeId && group.entityId === 'hezbollah');
    expect(spans?.spans.length).toBe(200_000);
  }, 240_000);

  it('imports one paragraph of nearly 5 MB, a file of a million short lines, and 100,000 distinct names', async () => {
    const paragraph = `One long paragraph\n\n${'Hezbollah and the army spoke in Naqoura again '.repeat(100_000)}`;
    const lines = `A million lines\n\n${Array.from({ length: 1_000_000 }, (_, n) => (n % 2 ? 'ab' : 'Cd')).join('\n')}`;
    const names = `Many names\n\n${Array.from({ length: 100_000 }, (_, n) => `Person${n.toString(36)} Q${n}`).join(', ')}.`;
    const context = await contextFor(db);
    const { outcomes } = await importSources(context, [
      await source('paragraph.txt', paragraph),
      await source('lines.txt', lines),
      await source('names.txt', names),
    ]);
    expect(outcomes.map((outcome) => [outcome.file, outcome.status, outcome.problems])).toEqual([
      ['paragraph.txt', 'imported', []],
      ['lines.txt', 'imported', []],
      ['names.txt', 'imported', []],
    ]);
  }, 240_000);

  it('a file that fails while being prepared is named, and the good file of the batch still imports', async () => {
    const good = await source('good.txt', GOOD);
    const broken = await source('broken.txt', 'Broken\n\nHezbollah met officials.');
    const draft = broken.drafts[0];
    if (!draft) throw new Error('no draft');
    // A hostile shape no reader of ours foresaw: reading its text throws.
    Object.defineProperty(draft, 'text', {
      get() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    const before = await snapshot(db);
    const context = await contextFor(db);
    const { outcomes } = await importSources(context, [broken, good]);
    expect(outcomes.map((outcome) => [outcome.file, outcome.status])).toEqual([
      ['broken.txt', 'nothing-new'],
      ['good.txt', 'imported'],
    ]);
    expect(outcomes[0]?.problems).toEqual([
      {
        file: 'broken.txt',
        field: 'the whole file',
        reason: expect.stringMatching(/could not be prepared \(Maximum call stack size exceeded\)/),
      },
    ]);
    expect(Object.keys(before)).toEqual(Object.keys(await snapshot(db)));
    expect(await db.articles.count()).toBe(1);
  });
});
