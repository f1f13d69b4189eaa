import { z } from 'zod';
import { guessLanguage, partialDateFromInput, publishedDate, titleFromText } from '../model/article-metadata';
import { describeField, type ImportProblem, problemsFromZod } from '../model/import-problems';
import { indexedArticleSchema } from '../model/index-schema';
import { languageCode } from '../model/knowledge-base';
import { publishedDateSchema } from '../model/seed-manifest';
import { siteOf } from '../model/settings';
import { webAddress } from '../storage/corpus-pack';
import type { StoredArticle } from '../storage/database';
import { type DerivedArticleData, deriveArticleData, type ImportCatalog } from '../storage/imported-corpus';
import { textHashOf, urlKeyOf } from '../text/article-fingerprint';
import { cleanArticleText } from '../text/clean-article-text';
import { decodeHtmlEntities, stripMarkup } from '../text/strip-markup';
import { cleanUnicode, describeUnicodeRepairs, type UnicodeRepairs } from '../text/unicode-hygiene';
import type { Duplicate } from './article-duplicates';
import type { ArticleDraft, DraftOrigin } from './import-sources';

/**
 * One draft → one article ready to store (issue #5), the first stage of an
 * import: validated with Zod (problems name the file, the field and the
 * reason), invisible characters removed, markup stripped, the text cleaned,
 * a title and a date found when the source gave none, the text hashed and
 * the mentions matched. Pure apart from hashing: it reads and writes no
 * database, so a preview costs nothing to throw away. Split out of
 * `import-articles.ts` (issue #10) so the rules for one article read in one
 * place; checking a batch for duplicates is `prepare-import.ts`'s job.
 */

/** Longer texts are refused: no news article is five million characters long. */
export const MAX_ARTICLE_CHARS = 5 * 1024 * 1024;
const MAX_TITLE_CHARS = 500;

/** One article ready to store, or a duplicate to report. */
export interface PreparedArticle {
  file: string;
  /** Where in the file, in words ("article 3"); empty for one-article files. */
  place: string;
  article: StoredArticle;
  /** A corpus pack's import time is kept; everything else is stamped when committed. */
  keepImportedAt: boolean;
  derived: DerivedArticleData;
  /** The catalog the mentions were found with: stale mentions are found again when committing. */
  catalogSignature: string;
  /** Known entities it mentions, most mentioned first (for the preview). */
  entityIds: string[];
  duplicate?: Duplicate;
  /** Invisible or broken characters removed from its text, in words (issue #14). */
  unicodeNote?: string;
}

const draftSchema = z.object({
  title: z.string().max(MAX_TITLE_CHARS).optional(),
  outlet: z.string().max(200).optional(),
  byline: z.string().max(300).optional(),
  language: languageCode.optional(),
  url: webAddress.optional(),
  date: z
    .union([
      z
        .string()
        .max(100)
        .refine(
          (value) => partialDateFromInput(value) !== null,
          'is not a date News Context understands: write it like 2026-03-09, 2026-03 or 2026',
        ),
      publishedDateSchema,
    ])
    .optional(),
  text: z.string().max(MAX_ARTICLE_CHARS, `is too long: at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters`),
});

/** Where the stated date came from, for the date's `reason`. */
const DATE_SOURCE: Readonly<Record<DraftOrigin, string>> = {
  paste: 'the import form',
  txt: 'the file',
  md: 'the front matter',
  html: 'the page metadata',
  page: 'the page metadata',
  json: 'the corpus pack',
};

/**
 * One draft → a validated, cleaned, matched article, or problems.
 * The text hash is computed here; duplicates are checked by the caller.
 */
export async function prepareDraft(
  draft: ArticleDraft,
  catalog: ImportCatalog,
): Promise<{ prepared?: PreparedArticle; problems: ImportProblem[] }> {
  // Every path (paste, files, packs, the open page) goes through here: NUL, lone surrogates, bidi overrides and
  // zero-width characters are removed or replaced before anything is checked or stored (issue #14).
  const repairs: UnicodeRepairs = { controls: 0, loneSurrogates: 0, bidiControls: 0, zeroWidth: 0 };
  const clean = <Value>(value: Value): Value => {
    if (typeof value !== 'string') return value;
    const cleaned = cleanUnicode(value);
    for (const key of Object.keys(repairs) as (keyof UnicodeRepairs)[]) repairs[key] += cleaned.repairs[key];
    return cleaned.text as Value;
  };
  const checked = draftSchema.safeParse({
    title: clean(draft.title),
    outlet: clean(draft.outlet),
    byline: clean(draft.byline),
    language: draft.language,
    url: clean(draft.url),
    date: clean(draft.published),
    text: clean(draft.text),
  });
  if (!checked.success) return { problems: problemsFromZod(draft.file, checked.error, draft.at) };
  const fields = checked.data;
  const place = draft.at.length ? describeField(draft.at) : '';
  const decode = CARRIES_CHARACTER_REFERENCES.has(draft.origin) ? decodeHtmlEntities : (text: string) => text;
  const stripped = stripMarkup(decode(fields.text));
  const byline = plainField(fields.byline, decode);
  let title = plainField(fields.title, decode);
  let titleSource = draft.titleSource ?? 'text';
  let text = cleanArticleText(stripped, { title, byline });
  if (!title) {
    const derived = titleFromText(text, draft.file);
    title = derived.title.slice(0, MAX_TITLE_CHARS);
    titleSource = derived.titleSource;
    // A first paragraph taken as the headline is stored apart, like the seeds' headlines.
    if (derived.titleSource === 'text') text = cleanArticleText(stripped, { title, byline });
  }
  // Cleaning can assemble what stripping took apart: dropping Markdown's `_` from "<_/b" leaves "</b".
  // Stripping again settles it (plain text passes through unchanged), so no tag start is ever stored.
  text = stripMarkup(text);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return {
      problems: [
        {
          file: draft.file,
          field: describeField([...draft.at, 'text']),
          reason:
            'has no article text: nothing was left after removing markup, menus, sharing buttons and comment forms',
        },
      ],
    };
  }
  const url = fields.url?.trim() || undefined;
  const published =
    typeof fields.date === 'object'
      ? fields.date
      : publishedDate(
          fields.date ? partialDateFromInput(fields.date) : null,
          DATE_SOURCE[draft.origin],
          fields.text.slice(0, 20_000),
        );
  const textHash = await textHashOf(text);
  const article: StoredArticle = {
    id: draft.id ?? `import-${textHash.slice(0, 16)}`,
    title,
    titleSource,
    outlet: plainField(fields.outlet, decode) || (url ? siteOf(url) : '') || 'unknown',
    byline: byline ?? 'unknown',
    language: fields.language ?? guessLanguage(text),
    ...(url ? { url } : {}),
    published,
    text,
    origin: 'import',
    textHash,
    importedAt: draft.importedAt ?? 0,
    site: url ? siteOf(url) : '',
    urlKey: url ? urlKeyOf(url) : '',
  };
  // The stored shape is the index's: an article that would not load is never written.
  const { textHash: _hash, importedAt: _at, site: _site, urlKey: _key, ...indexed } = article;
  const valid = indexedArticleSchema.safeParse(indexed);
  if (!valid.success) return { problems: problemsFromZod(draft.file, valid.error, draft.at) };
  const derived = deriveArticleData(article, catalog);
  return {
    prepared: {
      file: draft.file,
      place,
      article,
      keepImportedAt: draft.importedAt !== undefined,
      derived,
      catalogSignature: catalog.signature,
      entityIds: entitiesByMentions(derived),
      ...(describeUnicodeRepairs(repairs) ? { unicodeNote: describeUnicodeRepairs(repairs) } : {}),
    },
    problems: [],
  };
}

/** A metadata field as plain text on one line: markup removed, spaces collapsed; undefined when nothing is left. */
function plainField(value: string | undefined, decode: (text: string) => string): string | undefined {
  if (value === undefined) return undefined;
  return stripMarkup(decode(value)).replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * Sources whose text may still carry HTML character references (`&amp;`,
 * `&#8217;`): text copied out of page sources and scraped `.txt` files.
 * Markdown decodes its own (`markdown-article.ts`); HTML pages and the open
 * tab are read through the DOM, which already decoded them, and a corpus
 * pack stores text as it is, so decoding those again would change what an
 * article literally says ("&amp;" written about HTML).
 */
const CARRIES_CHARACTER_REFERENCES: ReadonlySet<DraftOrigin> = new Set(['txt', 'paste']);

function entitiesByMentions(derived: DerivedArticleData): string[] {
  return [...derived.mentions]
    .sort((a, b) => b.spans.length - a.spans.length || (a.entityId < b.entityId ? -1 : 1))
    .map((group) => group.entityId);
}
