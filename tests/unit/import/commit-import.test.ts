import { describe, expect, it } from 'vitest';
import { commitPreparedFiles } from '@/lib/import/commit-import';
import { type ImportProgress, prepareImport } from '@/lib/import/prepare-import';
import { describeWriteFailure } from '@/lib/storage/write-failure';
import { contextFor, databasePerTest, generatedMarkdownFile, sourcesOf } from '../../support/import-fixtures';

/** Committing prepared files (lib/import/commit-import.ts): groups, one transaction each, progress, cancel, failures. */

const database = databasePerTest();

describe('committing an import', () => {
  it('reports progress with counts, and cancels cleanly between transactions', async () => {
    const db = database();
    const context = await contextFor(db);
    const sources = await sourcesOf(...Array.from({ length: 12 }, (_, n) => generatedMarkdownFile(n)));
    const prepared = await prepareImport(context, sources);
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const result = await commitPreparedFiles(context, prepared, {
      signal: controller.signal,
      groupArticles: 1,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.done === 5) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.outcomes).toHaveLength(5);
    expect(result.notAttempted).toHaveLength(7);
    expect(seen.at(-1)).toMatchObject({ phase: 'importing', done: 5, total: 12, imported: 5, failed: 0 });
    // Every file before the cancel is complete; none after it was touched.
    expect(await db.articles.count()).toBe(5);
    const ids = new Set((await db.articles.toArray()).map((article) => article.id));
    const mentionArticles = new Set((await db.mentions.toArray()).map((group) => group.articleId));
    expect([...mentionArticles].every((id) => ids.has(id))).toBe(true);
    expect(mentionArticles.size).toBe(5);
  });

  it('commits small files together, and when that fails retries them one by one so only the bad file is lost', async () => {
    const db = database();
    const context = await contextFor(db);
    const prepared = await prepareImport(context, await sourcesOf(...[1, 2, 3].map((n) => generatedMarkdownFile(n))));
    // Sabotage the second file: a key IndexedDB refuses, so the group's transaction fails.
    const victim = prepared[1]?.articles[0];
    if (!victim) throw new Error('not prepared');
    victim.article = { ...victim.article, id: undefined as unknown as string };
    const { outcomes } = await commitPreparedFiles(context, prepared);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'failed', 'imported']);
    expect(outcomes[1]?.problems.at(-1)?.reason).toMatch(/Nothing from this file was saved/);
    expect(await db.articles.count()).toBe(2);
  });

  it('explains write failures in words, a full disk included', () => {
    expect(describeWriteFailure(new DOMException('full', 'QuotaExceededError'), 'import')).toMatch(
      /no storage space left/,
    );
    expect(describeWriteFailure({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, 'import')).toMatch(
      /no storage/,
    );
    expect(describeWriteFailure(new Error('boom'), 'import')).toMatch(/Nothing from this file was saved/);
  });
});
