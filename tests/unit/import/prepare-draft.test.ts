import { describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { readImportFile, sourceFromPaste } from '@/lib/import/import-sources';
import { MAX_ARTICLE_CHARS, prepareDraft } from '@/lib/import/prepare-draft';
import { prepareImport } from '@/lib/import/prepare-import';
import { CORPUS_PACK_FORMAT } from '@/lib/storage/corpus-pack';
import { contextFor, databasePerTest, fileFrom, snapshot } from '../../support/import-fixtures';

const noHtml = () => {
  throw new Error('no HTML in this test');
};

/** One draft → one article (lib/import/prepare-draft.ts): validation, cleaning, titles, dates, character references. */

const database = databasePerTest();

describe('preparing one draft', () => {
  it('takes a title, a date and an outlet from what the source gives when fields are left blank', async () => {
    const db = database();
    const context = await contextFor(db);
    await importSources(context, [
      sourceFromPaste({
        url: 'https://www.lorientlejour.com/article/1',
        text: 'Talks resume in Naqoura\n\nPublished: March 9, 2026\n\nLes délégations se sont réunies à Naqoura pour la troisième fois.',
      }),
    ]);
    const [article] = await db.articles.toArray();
    expect(article).toMatchObject({
      title: 'Talks resume in Naqoura',
      titleSource: 'text',
      outlet: 'lorientlejour.com',
      byline: 'unknown',
      language: 'fr',
      published: { date: '2026-03-09', precision: 'day', basis: 'stated' },
    });
  });

  it('stores no tag start even where cleaning builds one (Markdown’s "_" dropped from "<_/b")', async () => {
    const db = database();
    const context = await contextFor(db);
    const [file] = await prepareImport(context, [
      sourceFromPaste({
        title: 'Naqoura talks',
        text: 'President Joseph Aoun met envoys in Naqoura. Then 3Ko<_/eii3 tortor, and Hezbollah said nothing.',
      }),
    ]);
    const text = file?.articles[0]?.article.text ?? '';
    expect(text).toContain('Hezbollah said nothing');
    expect(text).not.toMatch(/<[A-Za-z/!?]/);
  });

  it('decodes character references in pasted text and .txt files, but keeps a corpus pack’s text as written', async () => {
    const db = database();
    const context = await contextFor(db);
    const encoded =
      'Salam&#8217;s cabinet met in Naqoura &amp; Beirut. &Eacute;lys&eacute;e officials wrote &lt;b&gt; literally.';
    const files = await prepareImport(context, [
      sourceFromPaste({ title: 'Q&amp;A on Naqoura', text: encoded }),
      await readImportFile(fileFrom('scraped.txt', encoded), noHtml),
      await readImportFile(
        fileFrom(
          'pack.json',
          JSON.stringify({
            format: CORPUS_PACK_FORMAT,
            schemaVersion: 1,
            articles: [{ title: 'On HTML', text: 'Write &amp; in HTML for an ampersand, in Naqoura.' }],
          }),
        ),
        noHtml,
      ),
    ]);
    expect(files.map((file) => file.problems)).toEqual([[], [], []]);
    const [pasted, scraped, packed] = files.map((file) => file.articles[0]?.article);
    expect(pasted?.title).toBe('Q&A on Naqoura');
    for (const article of [pasted, scraped]) {
      expect(article?.text).toContain('Salam’s cabinet met in Naqoura & Beirut. Élysée officials wrote');
      expect(article?.text).not.toMatch(/&\w+;|<b>/);
    }
    expect(packed?.text).toContain('Write &amp; in HTML');
  });

  it('names the file, the field and the reason when a draft fails validation, and writes nothing', async () => {
    const db = database();
    const context = await contextFor(db);
    const before = await snapshot(db);
    const result = await prepareDraft(
      { file: 'huge.txt', at: [], origin: 'txt', text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) },
      context.catalog,
    );
    expect(result.prepared).toBeUndefined();
    expect(result.problems).toEqual([
      { file: 'huge.txt', field: 'text', reason: expect.stringMatching(/^is too long: at most/) },
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('hashes and matches a valid draft, most mentioned entity first, stamping no import time', async () => {
    const db = database();
    const context = await contextFor(db);
    const { prepared, problems } = await prepareDraft(
      {
        file: 'paste',
        at: [],
        origin: 'paste',
        title: 'Naqoura',
        text: 'Hezbollah spoke. Hezbollah again. Joseph Aoun met envoys in Naqoura.',
      },
      context.catalog,
    );
    expect(problems).toEqual([]);
    expect(prepared?.article.textHash).toMatch(/^[0-9a-f]{16,}$/);
    expect(prepared?.article.id).toBe(`import-${prepared?.article.textHash.slice(0, 16)}`);
    expect(prepared?.article.importedAt).toBe(0);
    expect(prepared?.keepImportedAt).toBe(false);
    expect(prepared?.entityIds[0]).toBe('hezbollah');
  });
});
