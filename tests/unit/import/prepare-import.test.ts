import { describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { prepareImport } from '@/lib/import/prepare-import';
import { CORPUS_PACK_FORMAT } from '@/lib/storage/corpus-pack';
import {
  contextFor,
  databasePerTest,
  fileFrom,
  generatedMarkdownFile,
  snapshot,
  sourcesOf,
} from '../../support/import-fixtures';

/** A batch prepared for the preview (lib/import/prepare-import.ts): read-only, problems per file, cancellable. */

const database = databasePerTest();

describe('preparing an import', () => {
  it('shows a preview that writes nothing', async () => {
    const db = database();
    const context = await contextFor(db);
    const before = await snapshot(db);
    const files = await prepareImport(context, await sourcesOf(generatedMarkdownFile(1), generatedMarkdownFile(2)));
    expect(files.map((file) => file.articles.length)).toEqual([1, 1]);
    expect(files[0]?.articles[0]?.entityIds).toEqual(expect.arrayContaining(['nawaf-salam', 'naqoura']));
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a whole corpus pack that fails its schema, naming each field, and stores nothing', async () => {
    const db = database();
    const context = await contextFor(db);
    const pack = {
      format: CORPUS_PACK_FORMAT,
      schemaVersion: 1,
      articles: [{ title: 'Fine', text: 'Fine text.' }, { title: 'No text' }],
    };
    const { outcomes } = await importSources(context, await sourcesOf(fileFrom('pack.json', JSON.stringify(pack))));
    expect(outcomes[0]?.status).toBe('nothing-new');
    expect(outcomes[0]?.problems).toEqual([{ file: 'pack.json', field: 'article 2 › text', reason: 'is missing' }]);
    expect(await db.articles.count()).toBe(0);
  });

  it('cancels preparation too, keeping only whole files', async () => {
    const db = database();
    const context = await contextFor(db);
    const sources = await sourcesOf(...Array.from({ length: 40 }, (_, n) => generatedMarkdownFile(n)));
    const controller = new AbortController();
    const files = await prepareImport(context, sources, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done >= 16) controller.abort();
      },
    });
    expect(files.length).toBeGreaterThanOrEqual(16);
    expect(files.length).toBeLessThan(40);
    expect(files.every((file) => file.articles.length === 1)).toBe(true);
  });
});
