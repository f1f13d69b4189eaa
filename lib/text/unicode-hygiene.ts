/**
 * Unicode hygiene for text that enters from outside (issue #14): the paste
 * form, files, corpus packs. Some characters have no business in an article
 * and make trouble once stored:
 *
 * - NUL (U+0000) and other C0 controls except tab and line breaks: invisible,
 *   and they truncate strings in some tools;
 * - lone surrogates: not text at all (they break `TextEncoder` round trips and
 *   IndexedDB keys); replaced by U+FFFD, the replacement character;
 * - bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
 *   what is shown after them ("Trojan Source"), so an entity name or outlet
 *   can display as something else;
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+180E): invisible,
 *   and they split a name so it escapes matching and search.
 *
 * `cleanUnicode` removes or replaces them and counts what it did, so the
 * importer can say so. Page text is never changed (it is the page's); the
 * matcher folds zero-width characters away instead (`fold-text.ts`).
 */

/** What {@link cleanUnicode} changed, by kind. */
export interface UnicodeRepairs {
  controls: number;
  loneSurrogates: number;
  bidiControls: number;
  zeroWidth: number;
}

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls except NEL (a line break).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text)) found++;
  return found;
}

/**
 * Text with controls and zero-width characters removed, bidi overrides
 * removed, and lone surrogates replaced by U+FFFD; plus what was changed.
 *
 * @example cleanUnicode('Hez\u200Bbollah').text === 'Hezbollah'
 */
export function cleanUnicode(text: string): { text: string; repairs: UnicodeRepairs } {
  const repairs: UnicodeRepairs = {
    controls: count(text, CONTROL_RE),
    loneSurrogates: count(text, LONE_SURROGATE_RE),
    bidiControls: count(text, BIDI_CONTROL_RE),
    zeroWidth: count(text, ZERO_WIDTH_RE),
  };
  if (!repairs.controls && !repairs.loneSurrogates && !repairs.bidiControls && !repairs.zeroWidth) {
    return { text, repairs };
  }
  const cleaned = text
    .replace(LONE_SURROGATE_RE, '\uFFFD')
    .replace(CONTROL_RE, '')
    .replace(BIDI_CONTROL_RE, '')
    .replace(ZERO_WIDTH_RE, '');
  return { text: cleaned, repairs };
}

/** The changes in words, for an import's notes; empty when nothing changed. */
export function describeUnicodeRepairs(repairs: UnicodeRepairs): string {
  const parts: string[] = [];
  if (repairs.controls) parts.push(`${repairs.controls} invisible control character(s) (such as NUL) removed`);
  if (repairs.loneSurrogates) parts.push(`${repairs.loneSurrogates} broken character(s) replaced with �`);
  if (repairs.bidiControls) parts.push(`${repairs.bidiControls} text-direction override(s) removed`);
  if (repairs.zeroWidth) parts.push(`${repairs.zeroWidth} zero-width character(s) removed`);
  return parts.join('; ');
}

/**
 * Every string inside a JSON-like value cleaned (keys included), for corpus
 * packs, whose entities, outlets and settings are shown as they are. Counts
 * are summed over the whole value.
 */
/** Our formats nest a few levels; a corpus pack about six. */
const MAX_DEPTH = 32;

export function cleanUnicodeDeep<T>(value: T): { value: T; repairs: UnicodeRepairs } {
  const total: UnicodeRepairs = { controls: 0, loneSurrogates: 0, bidiControls: 0, zeroWidth: 0 };
  const add = (repairs: UnicodeRepairs) => {
    total.controls += repairs.controls;
    total.loneSurrogates += repairs.loneSurrogates;
    total.bidiControls += repairs.bidiControls;
    total.zeroWidth += repairs.zeroWidth;
  };
  const visit = (node: unknown, depth = 0): unknown => {
    // Deeper than any format we read: left as it is for the schema to refuse by name (a hostile
    // file nested ten thousand levels must not overflow the stack here).
    if (depth > MAX_DEPTH) return node;
    if (typeof node === 'string') {
      const { text, repairs } = cleanUnicode(node);
      add(repairs);
      return text;
    }
    if (Array.isArray(node)) return node.map((inner) => visit(inner, depth + 1));
    if (node && typeof node === 'object') {
      // fromEntries defines own properties, so a "__proto__" key stays a plain field (and is refused as unknown).
      return Object.fromEntries(
        Object.entries(node).map(([key, inner]) => [visit(key, depth + 1), visit(inner, depth + 1)]),
      );
    }
    return node;
  };
  return { value: visit(value) as T, repairs: total };
}
