import { type ImportProblem, WHOLE_FILE } from '../model/import-problems';
import type { PublishedDate } from '../model/seed-manifest';
import { type CorpusPack, parseCorpusPack } from '../storage/corpus-pack';
import { articleFromHtmlDocument } from './html-article';
import { parseMarkdownArticle } from './markdown-article';

/**
 * Import sources → article drafts (issue #5). Each source (pasted text, a
 * .txt, .md, .html or .json file, the page in the current tab) becomes
 * drafts: raw text plus whatever metadata the source states. Nothing here
 * cleans, matches or stores; `lib/import/prepare-draft.ts` does that for every
 * source alike. A source that cannot be read gives problems, never throws.
 */

/** Larger files are refused before being read, so a huge file cannot freeze the page. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const importFormats = ['txt', 'md', 'html', 'json'] as const;
export type ImportFormat = (typeof importFormats)[number];
export type DraftOrigin = ImportFormat | 'paste' | 'page';

/** What the file picker, drag and drop and tests hand over: a `File`, or anything shaped like one. */
export interface ImportFileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Parses HTML into a fresh `Document` (the page's `DOMParser`; happy-dom in tests). */
export type ParseHtml = (html: string) => Document;

/** One article as a source states it, before cleaning and validation. */
export interface ArticleDraft {
  /** The file it came from, as the reader knows it. */
  file: string;
  /** Where in the file: `[]` for a one-article file, `['articles', 2]` in a corpus pack. */
  at: readonly PropertyKey[];
  origin: DraftOrigin;
  /** Raw text: the cleaner runs on it later. */
  text: string;
  title?: string;
  titleSource?: 'text' | 'ours';
  outlet?: string;
  byline?: string;
  language?: string;
  url?: string;
  /** As stated: a partial ISO date, a date-time, a phrase ("March 9, 2026"), or a full published-date record (packs). */
  published?: string | PublishedDate;
  /** Packs only: kept so an export imports back as it was. */
  id?: string;
  importedAt?: number;
}

/** What a source turned out to be; `unsupported` for a file no importer reads. */
export type SourceFormat = DraftOrigin | 'unsupported';

/** One file (or paste) read into drafts, or the problems that stopped it. */
export interface ImportSource {
  file: string;
  format: SourceFormat;
  bytes: number;
  drafts: ArticleDraft[];
  /** Corpus packs: the validated pack, for its entities, feedback, settings and decisions. */
  pack?: CorpusPack;
  /** Corpus packs: invisible or broken characters removed from its entities and settings, in words (issue #14). */
  packUnicodeNote?: string;
  problems: ImportProblem[];
}

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
};

/**
 * The import format a file name says, or undefined.
 *
 * @example importFormatOf('Talks in Naqoura.MD') // 'md'
 */
export function importFormatOf(name: string): ImportFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? undefined : EXTENSIONS[name.slice(dot + 1).toLowerCase()];
}

/** Human size: "5 MB", "812 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Reads one file into drafts. Checks, in order: a known extension, the size
 * cap (before reading a byte), text encoding, then the format's own rules.
 *
 * @example const source = await readImportFile(file, (html) => new DOMParser().parseFromString(html, 'text/html'));
 */
export async function readImportFile(file: ImportFileLike, parseHtml: ParseHtml): Promise<ImportSource> {
  const name = file.name || 'unnamed file';
  const format = importFormatOf(name);
  const fail = (reason: string): ImportSource => ({
    file: name,
    format: format ?? 'unsupported',
    bytes: file.size,
    drafts: [],
    problems: [{ file: name, field: WHOLE_FILE, reason }],
  });
  if (!format) {
    return fail('cannot be imported: News Context reads .txt, .md (Markdown), .html and .json (corpus pack) files');
  }
  if (file.size > MAX_FILE_BYTES) {
    return fail(
      `is too large (${formatBytes(file.size)}). The limit is ${formatBytes(MAX_FILE_BYTES)} a file: split it into smaller files`,
    );
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return fail('could not be read. It may have been moved or deleted; choose it again');
  }
  // The size a File reports can differ from what it holds (a file changed on disk since it was picked).
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(`is too large (${formatBytes(bytes.byteLength)}). The limit is ${formatBytes(MAX_FILE_BYTES)} a file`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(decoded.reason);
  return sourceFromText(name, format, decoded.text, bytes.byteLength, parseHtml);
}

type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Bytes → text: UTF-8 (with or without a byte order mark), or UTF-16 with
 * one. Anything else is refused with a message, never guessed at, because a
 * wrong guess stores garbage that looks like text.
 */
export function decodeText(bytes: ArrayBuffer): Decoded {
  const view = new Uint8Array(bytes);
  if (view.length === 0) return { ok: false, reason: 'is empty' };
  let text: string;
  try {
    if (view[0] === 0xff && view[1] === 0xfe)
      text = new TextDecoder('utf-16le', { fatal: true }).decode(view.subarray(2));
    else if (view[0] === 0xfe && view[1] === 0xff) {
      text = new TextDecoder('utf-16be', { fatal: true }).decode(view.subarray(2));
    } else text = new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    return {
      ok: false,
      reason:
        'is not readable text: it is not in UTF-8, the usual encoding. Open it in a text editor and save it as UTF-8',
    };
  }
  if (text.includes('\u0000'))
    return { ok: false, reason: 'looks like a binary file (a program or an image), not text' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, reason: 'is empty: it holds only blank space' };
  return { ok: true, text };
}

/** Decoded text of a named file → drafts, by format. Exposed for tests and for text already in hand. */
export function sourceFromText(
  file: string,
  format: ImportFormat,
  text: string,
  bytes: number,
  parseHtml: ParseHtml,
): ImportSource {
  const base = { file, format, bytes };
  const fail = (reason: string): ImportSource => ({
    ...base,
    drafts: [],
    problems: [{ file, field: WHOLE_FILE, reason }],
  });
  switch (format) {
    case 'txt':
      return { ...base, drafts: [{ file, at: [], origin: 'txt', text }], problems: [] };
    case 'md': {
      const { frontMatter, text: body } = parseMarkdownArticle(text);
      const pick = (...keys: string[]) => keys.map((key) => frontMatter.get(key)).find((value) => value !== undefined);
      const draft: ArticleDraft = {
        file,
        at: [],
        origin: 'md',
        text: body,
        ...defined('title', pick('title', 'headline')),
        ...defined('outlet', pick('outlet', 'source', 'publisher', 'site', 'site_name')),
        ...defined('byline', pick('byline', 'author', 'authors', 'by')),
        ...defined('published', pick('date', 'published', 'published_at', 'publishdate', 'pubdate')),
        ...defined('url', pick('url', 'link', 'source_url', 'canonical', 'canonical_url')),
        ...defined('language', pick('language', 'lang')),
      };
      return { ...base, drafts: [draft], problems: [] };
    }
    case 'html': {
      let doc: Document;
      try {
        doc = parseHtml(text);
      } catch {
        return fail('could not be read as a web page (HTML)');
      }
      return { ...base, drafts: [draftFromHtml(doc, file, 'html')], problems: [] };
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (error instanceof RangeError) return fail('is nested too deeply to be a corpus pack');
        return fail(
          `is not valid JSON${jsonErrorPlace(error, text)}. If the file was cut off while copying or downloading, export or download it again`,
        );
      }
      const parsed = parseCorpusPack(value, file);
      if (!parsed.ok) return { ...base, drafts: [], problems: parsed.problems };
      const drafts = parsed.pack.articles.map(
        (article, index): ArticleDraft => ({
          file,
          at: ['articles', index],
          origin: 'json',
          text: article.text,
          title: article.title,
          ...defined('titleSource', article.titleSource),
          ...defined('outlet', article.outlet),
          ...defined('byline', article.byline),
          ...defined('language', article.language),
          ...defined('url', article.url),
          ...defined('published', article.published),
          ...defined('id', article.id),
          ...defined('importedAt', article.importedAt),
        }),
      );
      return {
        ...base,
        drafts,
        pack: parsed.pack,
        ...(parsed.unicodeNote ? { packUnicodeNote: parsed.unicodeNote } : {}),
        problems: [],
      };
    }
  }
}

/** ", where it breaks: line 3, column 14" from a JSON.parse error, when the engine says where. */
function jsonErrorPlace(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `: it breaks at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return `: it breaks at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  return /end of (?:JSON )?input|unexpected end/i.test(message) ? ': it ends too early' : '';
}

/** A page's document (an .html file, or the current tab) → one draft. */
export function draftFromHtml(doc: Document, file: string, origin: 'html' | 'page', pageUrl?: string): ArticleDraft {
  const article = articleFromHtmlDocument(doc);
  return {
    file,
    at: [],
    origin,
    text: article.text,
    ...defined('title', article.title),
    ...defined('outlet', article.siteName),
    ...defined('byline', article.byline),
    ...defined('published', article.publishedTime),
    // The tab's own address beats a canonical link the page could set to anything.
    ...defined('url', pageUrl ?? article.url),
    ...defined('language', article.language),
  };
}

/** The fields of the paste form, as typed. */
export interface PastedArticle {
  title?: string;
  outlet?: string;
  /** As typed: "2026-03-09", "March 2026", "9 March 2026"… */
  date?: string;
  url?: string;
  text: string;
}

/** The paste form → a source with one draft; blank fields count as not given. */
export function sourceFromPaste(pasted: PastedArticle, file = 'Pasted article'): ImportSource {
  const draft: ArticleDraft = {
    file,
    at: [],
    origin: 'paste',
    text: pasted.text,
    ...defined('title', pasted.title),
    ...defined('outlet', pasted.outlet),
    ...defined('published', pasted.date),
    ...defined('url', pasted.url),
  };
  return { file, format: 'paste', bytes: new TextEncoder().encode(pasted.text).length, drafts: [draft], problems: [] };
}

function defined<Key extends string, Value>(key: Key, value: Value | undefined): Partial<Record<Key, Value>> {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return {};
  return { [key]: typeof value === 'string' ? value.trim() : value } as Record<Key, Value>;
}
