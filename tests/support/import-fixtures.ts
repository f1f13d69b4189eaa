/**
 * Shared pieces of the importer's tests (issue #5): a fresh database with the
 * bundled index, File-like inputs, generated news articles, and a snapshot
 * of every table for "the database is exactly as it was" checks.
 */
import { afterEach, beforeEach } from 'vitest';
import { loadBundledIndex } from '../../lib/corpus/bundled-index';
import { type ImportFileLike, type ImportSource, readImportFile } from '../../lib/import/import-sources';
import type { ImportContext } from '../../lib/import/prepare-import';
import { parseSearchSegment } from '../../lib/search/search-segments';
import { NewsContextDatabase } from '../../lib/storage/database';
import { type CorpusStore, readImportCatalog } from '../../lib/storage/imported-corpus';
import { importedSearchIndex } from '../../lib/storage/imported-search-index';

export const { index } = loadBundledIndex();

/** An entity the bundled knowledge base does not know, as a corpus pack writes it (the pack's schema fills in the rest). */
export const PACK_ONLY_ENTITY = {
  id: 'morgan-ortagus',
  kind: 'person',
  name: 'Morgan Ortagus',
  aliases: [{ text: 'Morgan Ortagus' }],
  role: 'US deputy envoy',
  background: 'Named in later talks.',
} as const;

let counter = 0;

/** A fresh, empty, open database with a unique name. */
export async function freshDatabase(prefix = 'import'): Promise<NewsContextDatabase> {
  counter++;
  const db = new NewsContextDatabase(`${prefix}-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

/**
 * A fresh database for every test of the calling file, deleted after each:
 * call at the top level of a test file, then `const db = database()` in a test.
 */
export function databasePerTest(prefix?: string): () => NewsContextDatabase {
  let db: NewsContextDatabase | undefined;
  beforeEach(async () => {
    db = await freshDatabase(prefix);
  });
  afterEach(async () => {
    await db?.delete();
  });
  return () => {
    if (!db) throw new Error('databasePerTest(): the database exists only inside a test');
    return db;
  };
}

/** A store on `db` with the real search hooks and a fixed clock. */
export function storeFor(db: NewsContextDatabase, now = () => 1_773_133_200_000): CorpusStore {
  return { db, index, search: importedSearchIndex, now };
}

export async function contextFor(db: NewsContextDatabase, now?: () => number): Promise<ImportContext> {
  const store = storeFor(db, now);
  return { ...store, catalog: await readImportCatalog(db, index) };
}

/** Files read as the options page reads them; these tests bring no HTML, so an HTML read fails loudly. */
export function sourcesOf(...files: ImportFileLike[]): Promise<ImportSource[]> {
  const noHtml = () => {
    throw new Error('no HTML in this test');
  };
  return Promise.all(files.map((file) => readImportFile(file, noHtml)));
}

/** A File-like input from text or bytes. */
export function fileFrom(name: string, content: string | Uint8Array, size?: number): ImportFileLike {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: size ?? bytes.byteLength,
    arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
  };
}

const PEOPLE = ['Joseph Aoun', 'Nawaf Salam', 'Nabih Berri', 'Benjamin Netanyahu', 'Israel Katz', 'Tom Barrack'];
const PLACES = ['Naqoura', 'Beirut', 'southern Lebanon', 'the Litani river', 'Tyre', 'Washington'];
const ORGANISATIONS = ['Hezbollah', 'the Lebanese army', 'UNIFIL', 'the Israeli army', 'the United Nations'];
const NEWCOMERS = ['Morgan Ortagus', 'Rania Haddad', 'Karim Sfeir'];
const VERBS = ['met', 'spoke with', 'criticised', 'welcomed a proposal from', 'sent a letter to'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/**
 * The `n`th generated news article: about 2 KB, naming known entities and a
 * few newcomers (candidate entities), distinct from every other `n`.
 */
export function generatedArticle(n: number): { title: string; text: string; date: string; url: string } {
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p++) {
    const k = n * 7 + p;
    paragraphs.push(
      `${pick(PEOPLE, k)} ${pick(VERBS, k + n)} ${pick(NEWCOMERS, k + 1)} in ${pick(PLACES, k + 2)} on day ${n}-${p}, as talks on the ceasefire continued. ` +
        `${pick(ORGANISATIONS, k + 3)} said the situation near ${pick(PLACES, k + 4)} remained tense, according to officials briefed on meeting ${n * 10 + p}. ` +
        `Diplomats said ${pick(NEWCOMERS, k)} would travel to ${pick(PLACES, k + 5)} again next week to discuss the withdrawal plan.`,
    );
  }
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    title: `${pick(PEOPLE, n)} and ${pick(NEWCOMERS, n)} discuss talks, report ${n}`,
    text: paragraphs.join('\n\n'),
    date: `2026-03-${day}`,
    url: `https://www.naharnet.com/stories/en/${100000 + n}`,
  };
}

/** The `n`th generated article as a Markdown file with front matter. */
export function generatedMarkdownFile(n: number): ImportFileLike {
  const article = generatedArticle(n);
  return fileFrom(
    `report-${n}.md`,
    `---\ntitle: "${article.title}"\noutlet: Naharnet\ndate: ${article.date}\nurl: ${article.url}\n---\n\n# ${article.title}\n\n${article.text}\n`,
  );
}

/**
 * Every table, in a comparable form: rows sorted by key; auto-increment ids
 * (feedback, excerpts) left out, because they are storage detail. Search
 * segments are compared by what they index (each article's summary), not by
 * how articles happen to be spread over segments.
 */
export async function snapshot(db: NewsContextDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (table.name === 'searchSegments') {
      const segments = (await db.searchSegments.toArray()).map((row) => parseSearchSegment(row));
      out[table.name] = segments
        .flatMap((segment) => segment?.articles.map((summary) => JSON.stringify(summary)) ?? ['unreadable segment'])
        .sort();
      continue;
    }
    const rows = (await table.toArray()) as Record<string, unknown>[];
    const withoutIds = table.schema.primKey.auto
      ? rows.map(({ [table.schema.primKey.name]: _id, ...rest }) => rest)
      : rows;
    out[table.name] = withoutIds.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}
