// @vitest-environment happy-dom
/**
 * Malformed and hostile files (issue #5): truncated and deeply nested JSON,
 * __proto__ keys, invalid UTF-8, empty and oversized files, scripts, SVG and
 * javascript: URLs in HTML, raw HTML in Markdown. Each must give no crash, a
 * clear error when refused, no stored markup, and no change to any record
 * already stored. Prints "N files tried, 0 crashes, 0 records lost, 0 partial
 * imports".
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '@/lib/import/import-articles';
import { type ImportFileLike, MAX_FILE_BYTES, readImportFile } from '@/lib/import/import-sources';
import { CORPUS_PACK_FORMAT } from '@/lib/storage/corpus-pack';
import type { NewsContextDatabase } from '@/lib/storage/database';
import { readImportCatalog } from '@/lib/storage/imported-corpus';
import {
  fileFrom,
  freshDatabase,
  generatedArticle,
  generatedMarkdownFile,
  storeFor,
} from '../../support/import-fixtures';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** A tag, or a tag's event handler: what "no stored markup" rules out. */
const MARKUP = /<[A-Za-z/!?]|\bon(?:error|load|click)\s*=/i;
/** In HTML and Markdown, links keep their words and lose their targets: no script address survives as text either. */
const SCRIPT_ADDRESS = /javascript:/i;

const validPack = JSON.stringify({
  format: CORPUS_PACK_FORMAT,
  schemaVersion: 1,
  articles: [0, 1].map((n) => ({ title: generatedArticle(500 + n).title, text: generatedArticle(500 + n).text })),
});

const hostileSnippets = [
  '<script>alert(1)</script>',
  '<SCRIPT src=//evil.example></SCRIPT>',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{display:none}</style>',
  '<!-- <script>alert(1)</script> -->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<javascript:alert(1)>',
  '<<b>script>alert(1)<</b>/script>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
];

/** Markdown's own ways of carrying a script address. */
const markdownSnippets = [
  '[click](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[a][r]\n\n[r]: javascript:alert(1)',
];

/** Prose with hostile snippets spliced in. */
const prose = (snippets: readonly string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...snippets), fc.lorem({ maxCount: 12 }), fc.string({ maxLength: 40 })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((parts) => `President Joseph Aoun met envoys in Naqoura. ${parts.join(' ')} Hezbollah said nothing.`);
const hostileProse = prose(hostileSnippets);
const hostileMarkdownProse = prose([...hostileSnippets, ...markdownSnippets]);

const hostileFile: fc.Arbitrary<{ kind: string; file: ImportFileLike }> = fc.oneof(
  // Truncated JSON.
  fc.integer({ min: 0, max: validPack.length - 1 }).map((cut) => ({
    kind: 'truncated JSON',
    file: fileFrom('cut.json', validPack.slice(0, cut)),
  })),
  // Deeply nested JSON, at the top and inside an article.
  fc.integer({ min: 1_000, max: 200_000 }).map((depth) => ({
    kind: 'deeply nested JSON',
    file: fileFrom('deep.json', `${'['.repeat(depth)}${']'.repeat(depth)}`),
  })),
  fc.integer({ min: 100, max: 50_000 }).map((depth) => ({
    kind: 'deeply nested JSON field',
    file: fileFrom(
      'deep-field.json',
      `{"format":"${CORPUS_PACK_FORMAT}","schemaVersion":1,"articles":[{"title":"t","text":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`,
    ),
  })),
  // __proto__ and constructor keys wherever an object is.
  fc
    .constantFrom(
      `{"__proto__":{"polluted":true},"format":"${CORPUS_PACK_FORMAT}","schemaVersion":1,"articles":[]}`,
      `{"format":"${CORPUS_PACK_FORMAT}","schemaVersion":1,"articles":[{"title":"t","text":"x","__proto__":{"polluted":true}}]}`,
      `{"format":"${CORPUS_PACK_FORMAT}","schemaVersion":1,"articles":[],"settings":{"__proto__":{"polluted":true}}}`,
      `{"format":"${CORPUS_PACK_FORMAT}","schemaVersion":1,"articles":[],"entities":[{"entity":{"constructor":{"prototype":{"polluted":true}}}}]}`,
      '{"constructor":{"prototype":{"polluted":true}}}',
    )
    .map((text) => ({ kind: '__proto__ keys', file: fileFrom('proto.json', text) })),
  // Invalid UTF-8 (and any bytes at all) under text names.
  fc
    .tuple(fc.uint8Array({ minLength: 1, maxLength: 400 }), fc.constantFrom('x.txt', 'x.md', 'x.html', 'x.json'))
    .map(([bytes, name]) => ({
      kind: 'arbitrary bytes',
      file: fileFrom(name, new Uint8Array([0xc3, 0x28, ...bytes])),
    })),
  // Empty and blank files.
  fc
    .tuple(fc.constantFrom('', ' ', '\n\n\t', '\uFEFF'), fc.constantFrom('e.txt', 'e.md', 'e.html', 'e.json'))
    .map(([text, name]) => ({ kind: 'empty file', file: fileFrom(name, text) })),
  // Oversized: refused from the size alone, never read.
  fc.integer({ min: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES * 40 }).map((size) => ({
    kind: 'oversized file',
    file: {
      name: 'huge.txt',
      size,
      arrayBuffer: () => Promise.reject(new Error('an oversized file must not be read')),
    },
  })),
  // HTML with scripts, SVG, javascript: URLs, handlers.
  hostileProse.map((prose) => ({
    kind: 'hostile HTML',
    file: fileFrom(
      'page.html',
      `<html><head><title>Page</title><link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>Talks</h1><p>${prose}</p><p>${prose}</p></article></body></html>`,
    ),
  })),
  // Markdown with raw HTML, in the body and the front matter.
  fc
    .tuple(hostileMarkdownProse, fc.constantFrom('https://www.naharnet.com/x', 'javascript:alert(1)', ''))
    .map(([prose, url]) => ({
      kind: 'raw HTML in Markdown',
      file: fileFrom(
        'notes.md',
        `---\ntitle: <b>Talks</b> <script>alert(1)</script>\nauthor: <img src=x onerror=alert(1)>Jane\n${url ? `url: ${url}\n` : ''}---\n# Talks\n\n${prose}\n\n${prose}`,
      ),
    })),
  // Plain text with markup in it.
  hostileProse.map((prose) => ({ kind: 'markup in text', file: fileFrom('notes.txt', prose) })),
  // A corpus pack whose fields carry markup and, sometimes, a script address (which refuses the whole pack).
  fc.tuple(hostileProse, fc.boolean()).map(([prose, scriptAddress]) => ({
    kind: 'hostile corpus pack',
    file: fileFrom(
      'pack.json',
      JSON.stringify({
        format: CORPUS_PACK_FORMAT,
        schemaVersion: 1,
        articles: [
          { title: `<img src=x onerror=alert(1)>${prose.slice(0, 40)}`, outlet: '<b>Outlet</b>', text: prose },
          { title: 'Link', text: `${prose} again`, ...(scriptAddress ? { url: 'javascript:alert(1)' } : {}) },
        ],
      }),
    ),
  })),
);

/** Primary records by table and key, as JSON: what must never change or disappear. */
async function records(db: NewsContextDatabase): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of [db.articles, db.entities, db.feedback, db.settings, db.candidateDecisions]) {
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.toArray();
    for (const [position, row] of rows.entries())
      out.set(`${table.name}:${String(keys[position])}`, JSON.stringify(row));
  }
  return out;
}

let db: NewsContextDatabase;
beforeAll(async () => {
  db = await freshDatabase('fuzz');
  const store = storeFor(db);
  const catalog = await readImportCatalog(db, store.index);
  await importSources({ ...store, catalog }, [
    await readImportFile(generatedMarkdownFile(1), parseHtml),
    await readImportFile(generatedMarkdownFile(2), parseHtml),
  ]);
  await db.feedback.add({ entityId: 'tom-barrack', site: 'a.org', verdict: 'not-this', createdAt: 1 });
  await db.settings.put({ key: 'settings', value: { highlightMode: 'every', pausedSites: ['b.org'], extraSites: [] } });
});
afterAll(async () => {
  await db.delete();
});

describe('hostile and malformed files', () => {
  it('never crash, always explain, store no markup and change no stored record', async () => {
    const store = storeFor(db);
    const tally = { files: 0, crashes: 0, lost: 0, partial: 0, refused: 0, imported: 0 };
    const kinds = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(hostileFile, async ({ kind, file }) => {
        tally.files++;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const before = await records(db);
        let outcome: Awaited<ReturnType<typeof importSources>>['outcomes'][number] | undefined;
        try {
          const source = await readImportFile(file, parseHtml);
          const catalog = await readImportCatalog(db, store.index);
          outcome = (await importSources({ ...store, catalog }, [source])).outcomes[0];
        } catch (error) {
          tally.crashes++;
          throw error;
        }
        expect(outcome, kind).toBeDefined();
        if (!outcome) return;

        // Nothing stored before is lost or changed.
        const after = await records(db);
        for (const [key, row] of before) {
          if (after.get(key) !== row) {
            tally.lost++;
            expect.fail(`${kind}: ${key} changed or disappeared`);
          }
        }
        // All or nothing per file: what the outcome lists is stored, with its mentions; nothing else is new.
        const added = [...after.keys()].filter((key) => !before.has(key) && key.startsWith('articles:'));
        const listed = outcome.imported.map((article) => `articles:${article.id}`);
        if (added.length !== listed.length || !listed.every((key) => after.has(key))) {
          tally.partial++;
          expect.fail(`${kind}: partial import (${added.length} stored, ${listed.length} reported)`);
        }
        if (outcome.imported.length === 0) {
          tally.refused++;
          // A refusal says why, naming the file, in a sentence (no stack trace, no bare error name).
          if (outcome.duplicates.length === 0) {
            expect(outcome.problems.length, kind).toBeGreaterThan(0);
            for (const problem of outcome.problems) {
              expect(problem.file).toBe(file.name);
              expect(problem.reason.length).toBeGreaterThan(5);
              expect(problem.reason).not.toMatch(/\bat \S+:\d+|TypeError|undefined is not/);
            }
          }
        } else {
          tally.imported++;
        }
        // No markup, script or javascript: address is ever stored.
        for (const { id } of outcome.imported) {
          const article = await db.articles.get(id);
          expect(article?.text, kind).not.toMatch(MARKUP);
          expect(`${article?.title} ${article?.outlet} ${article?.byline}`, kind).not.toMatch(MARKUP);
          if (kind === 'hostile HTML' || kind === 'raw HTML in Markdown') {
            expect(`${article?.title} ${article?.text}`, kind).not.toMatch(SCRIPT_ADDRESS);
          }
          expect(article?.url ?? '', kind).toMatch(/^(https?:\/\/|$)/);
        }
        expect(({} as Record<string, unknown>).polluted, kind).toBeUndefined();
      }),
      { numRuns: 400 },
    );

    console.log(
      `News Context import fuzz: ${tally.files} files tried, ${tally.crashes} crashes, ${tally.lost} records lost, ${tally.partial} partial imports (${tally.refused} refused with a message, ${tally.imported} imported clean; ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')})`,
    );
    expect(tally).toMatchObject({ crashes: 0, lost: 0, partial: 0 });
  }, 600_000);
});
