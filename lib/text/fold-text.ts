/**
 * Character folding for matching names across the spellings news pages use:
 * case, Latin diacritics, curly quotes and apostrophes, dash variants, Arabic
 * tashkeel and alef forms, Hebrew niqqud, and every kind of whitespace.
 *
 * Folding is one UTF-16 unit to at most one unit, so offsets into the
 * original text survive folding without an offset map: a caller walks the
 * original string and folds each unit as it goes.
 *
 * The two lookup tables are shared by every matcher in the page and filled
 * lazily: a Unicode-property regex runs once per distinct character ever
 * seen, never per character read.
 */

/** Table entry has been computed (so a zero entry means "not yet"). */
export const CHAR_COMPUTED = 1;
/** Letter, digit or combining mark in any script (\p{L}\p{N}\p{M}): part of a word. */
export const CHAR_WORD = 2;
/** Dropped when comparing (combining marks, tashkeel, tatweel, niqqud, soft hyphen, joiners, bidi marks). */
export const CHAR_IGNORE = 4;
/** Whitespace of any kind; folds to U+0020. */
export const CHAR_SPACE = 8;
/** A line break (also has CHAR_SPACE). */
export const CHAR_NEWLINE = 16;
/** Upper-case letter (has a different lower-case form). */
export const CHAR_UPPER = 32;
/** Lower-case letter (has a different upper-case form). */
export const CHAR_LOWER = 64;
/** Half of a surrogate pair: classify the code point with {@link isWordCodePoint}. */
export const CHAR_SURROGATE = 128;

/** Folded unit for each UTF-16 unit; valid once the flags entry is non-zero. */
export const FOLD_TABLE = new Uint16Array(0x10000);
/** Flags for each UTF-16 unit; 0 until {@link computeCharFlags} has run for it. */
export const FLAG_TABLE = new Uint8Array(0x10000);

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const MARK_RE = /\p{M}/u;
const WHITESPACE_RE = /\s/;

const APOSTROPHE = 0x27;
const QUOTE = 0x22;
const HYPHEN = 0x2d;
const ALEF = 0x0627;
const YEH = 0x064a;

// Units with a fixed folding, whatever their Unicode category says (U+02BC is a
// letter for Unicode, but news pages use it as an apostrophe).
const SPECIAL_FOLDS = new Map<number, number>();
for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x02bc, 0x2032, 0x05f3, 0xff07, 0x60, 0xb4]) {
  SPECIAL_FOLDS.set(c, APOSTROPHE);
}
for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x05f4, 0xff02]) SPECIAL_FOLDS.set(c, QUOTE);
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0x05be, 0xfe63, 0xff0d]) SPECIAL_FOLDS.set(c, HYPHEN);

const ARABIC_FOLDS = new Map<number, number>([
  [0x0622, ALEF], // آ
  [0x0623, ALEF], // أ
  [0x0625, ALEF], // إ
  [0x0671, ALEF], // ٱ
  [0x0649, YEH], // ى
  [0x06cc, YEH], // Persian yeh
  [0x06a9, 0x0643], // Persian kaf
]);

// Invisible units inside a word: skipped when comparing, and they do not split the word.
// Zero-width space and the invisible operators too, so "Hez\u200Bbollah" cannot hide a name (issue #14).
const JOINERS = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x180e, 0x0640]);
// Invisible units between words (bidi controls, BOM): skipped, and they do split words.
const SEPARATOR_CONTROLS = new Set([0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0xfeff]);
for (let c = 0x2066; c <= 0x2069; c++) SEPARATOR_CONTROLS.add(c);

const NEWLINES = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);

function hasNfdBase(c: number): boolean {
  // Latin, Greek, Cyrillic and their extended blocks, and Hebrew presentation
  // forms. Not Arabic: NFD would also strip the hamza from ؤ and ئ, which
  // changes the word, not just its spelling.
  return c < 0x0590 || (c >= 0x1e00 && c < 0x2000) || (c >= 0xfb1d && c <= 0xfb4f);
}

/**
 * Fills the table entries of one UTF-16 unit and returns its flags.
 * Hot loops read {@link FLAG_TABLE} directly and call this only on a zero entry.
 *
 * @example const flags = FLAG_TABLE[c] || computeCharFlags(c);
 */
export function computeCharFlags(c: number): number {
  let flags = CHAR_COMPUTED;
  let fold = c;
  const special = SPECIAL_FOLDS.get(c);
  if (special !== undefined) {
    fold = special;
  } else if (c >= 0xd800 && c <= 0xdfff) {
    flags |= CHAR_SURROGATE;
  } else if (JOINERS.has(c)) {
    flags |= CHAR_WORD | CHAR_IGNORE;
  } else if (SEPARATOR_CONTROLS.has(c)) {
    flags |= CHAR_IGNORE;
  } else if (c === 0x200b || WHITESPACE_RE.test(String.fromCharCode(c))) {
    flags |= CHAR_SPACE;
    if (NEWLINES.has(c)) flags |= CHAR_NEWLINE;
    fold = 0x20;
  } else {
    const ch = String.fromCharCode(c);
    if (MARK_RE.test(ch)) flags |= CHAR_WORD | CHAR_IGNORE;
    else if (WORD_RE.test(ch)) flags |= CHAR_WORD;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== ch) flags |= CHAR_UPPER;
    if (upper !== ch) flags |= CHAR_LOWER;
    const arabic = ARABIC_FOLDS.get(c);
    if (arabic !== undefined) {
      fold = arabic;
    } else {
      let base = ch;
      if (hasNfdBase(c)) {
        const decomposed = ch.normalize('NFD');
        if (decomposed.length > 0 && !MARK_RE.test(decomposed.charAt(0))) base = decomposed.charAt(0);
      }
      const lowerBase = base.toLowerCase();
      fold = (lowerBase.length === 1 ? lowerBase : base).charCodeAt(0);
    }
  }
  FOLD_TABLE[c] = fold;
  FLAG_TABLE[c] = flags;
  return flags;
}

/** Flags of one UTF-16 unit (see the `CHAR_*` constants). */
export function charFlags(c: number): number {
  return FLAG_TABLE[c] || computeCharFlags(c);
}

/** Folded form of one UTF-16 unit: lower case, no diacritic, unified punctuation; space for any whitespace. */
export function foldCode(c: number): number {
  if (FLAG_TABLE[c] === 0) computeCharFlags(c);
  return FOLD_TABLE[c] as number;
}

const wordCodePoints = new Map<number, boolean>();

/** Whether a code point outside the BMP is a letter, digit or mark (emoji are not). */
export function isWordCodePoint(cp: number): boolean {
  let known = wordCodePoints.get(cp);
  if (known === undefined) {
    known = WORD_RE.test(String.fromCodePoint(cp));
    wordCodePoints.set(cp, known);
  }
  return known;
}

/** Whether the character that contains unit `i` is part of a word (surrogate pairs included). */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const flags = charFlags(text.charCodeAt(i));
  if ((flags & CHAR_SURROGATE) === 0) return (flags & CHAR_WORD) !== 0;
  const cp = text.codePointAt(i) as number;
  if (cp > 0xffff) return isWordCodePoint(cp);
  // A low surrogate: classify the pair it ends, if any.
  const pair = i > 0 ? (text.codePointAt(i - 1) as number) : cp;
  return pair > 0xffff && isWordCodePoint(pair);
}

/**
 * Whether a match may start at `i`: the character before it is not part of a
 * word (or there is none). Invisible joiners count as part of the word.
 */
export function isWordStart(text: string, i: number): boolean {
  return i === 0 || !isWordAt(text, i - 1);
}

/**
 * Folds a whole string for comparison: each unit folded, ignorable units
 * dropped, every whitespace run one space, trimmed.
 *
 * @example foldString('Ḥezbollah’s  “talks”') // "hezbollah's \"talks\""
 */
export function foldString(text: string): string {
  return foldWith(text, true);
}

/**
 * Like {@link foldString} but keeps letter case: the form the case rules compare.
 *
 * @example foldKeepCase('Élysée’s') // "Elysee's"
 */
export function foldKeepCase(text: string): string {
  return foldWith(text, false);
}

function foldWith(text: string, lowerCase: boolean): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const flags = charFlags(c);
    if (flags & CHAR_IGNORE) continue;
    if (flags & CHAR_SPACE) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    let folded = FOLD_TABLE[c] as number;
    if (!lowerCase && flags & CHAR_UPPER) {
      // Keep the case but still drop the diacritic: the upper case of the folded letter.
      const upper = String.fromCharCode(folded).toUpperCase();
      folded = upper.length === 1 ? upper.charCodeAt(0) : c;
    }
    out += String.fromCharCode(folded);
  }
  return out;
}

/** Arabic letter (the range names and proclitics use). */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
}

/** Hebrew letter (final forms included). */
export function isHebrewLetter(c: number): boolean {
  return c >= 0x05d0 && c <= 0x05ea;
}

// ---------------------------------------------------------------------------
// Compact tables for JSON: typed arrays as base64 of their little-endian bytes

type TypedArray = Uint8Array | Uint16Array | Int32Array;
type TypedArrayClass<T extends TypedArray> = { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number };

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A typed array as base64 of its little-endian bytes (`btoa`, so it runs in
 * browsers as in Node). JSON-safe and deterministic.
 *
 * @example encodeTable(Uint16Array.of(1, 2)) // "AQACAA=="
 */
export function encodeTable(array: TypedArray): string {
  if (!LITTLE_ENDIAN) throw new Error('News Context: tables are encoded little-endian; this platform is big-endian.');
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x2000)));
  }
  return btoa(binary);
}

/**
 * Reads back the tables {@link encodeTable} wrote, checking each one's length
 * and, at the end, a checksum over all of them: a damaged spec fails loudly
 * instead of matching wrongly.
 */
export class TableReader {
  private hash = 1;
  constructor(private readonly label: string) {}

  /** Fails with a message naming the damaged data. */
  fail(detail: string): never {
    throw new Error(
      `News Context: ${this.label} is damaged (${detail}). Rebuild the index with \`npm run build:index\`.`,
    );
  }

  /** Decodes `encoded` into a `length`-element array of type `Type`. */
  read<T extends TypedArray>(encoded: unknown, Type: TypedArrayClass<T>, length: number, name: string): T {
    if (!LITTLE_ENDIAN) this.fail('this platform is big-endian');
    if (typeof encoded !== 'string') this.fail(`${name} is missing`);
    let binary: string;
    try {
      binary = atob(encoded);
    } catch {
      return this.fail(`${name} is not base64`);
    }
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (!(length >= 0) || binary.length !== byteLength) {
      this.fail(`${name} has ${binary.length} bytes, expected ${byteLength}`);
    }
    const buffer = new ArrayBuffer(byteLength);
    const bytes = new Uint8Array(buffer);
    // A Fletcher-style sum: two additions a byte, cheap even before the engine optimises.
    let low = this.hash & 0xffff;
    let high = this.hash >>> 16;
    for (let i = 0; i < byteLength; i++) {
      const b = binary.charCodeAt(i);
      bytes[i] = b;
      low = (low + b + 1) & 0xffff;
      high = (high + low) & 0xffff;
    }
    this.hash = ((high << 16) | low) >>> 0;
    return new Type(buffer);
  }

  /** Adds data that travels outside the tables (sizes, flags) to the checksum. */
  mix(array: TypedArray): void {
    this.hash = hashBytes(this.hash, array);
  }

  /** The checksum of everything read so far (what the writer stores). */
  checksum(): number {
    return this.hash >>> 0;
  }

  /** Throws unless the tables read so far hash to `expected`. */
  verify(expected: unknown): void {
    if (expected !== this.checksum()) this.fail('checksum mismatch');
  }
}

/** The checksum {@link TableReader} computes over these tables, in order. */
export function tableChecksum(tables: readonly TypedArray[]): number {
  let hash = 1;
  for (const array of tables) hash = hashBytes(hash, array);
  return hash;
}

function hashBytes(start: number, array: TypedArray): number {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let low = start & 0xffff;
  let high = start >>> 16;
  for (let i = 0; i < bytes.length; i++) {
    low = (low + (bytes[i] as number) + 1) & 0xffff;
    high = (high + low) & 0xffff;
  }
  return ((high << 16) | low) >>> 0;
}

// ---------------------------------------------------------------------------
// Precomputed folding for the scripts news pages use

/** Ranges whose folding a matcher spec carries: Latin to Arabic, Latin Extended Additional, General Punctuation. */
const SHIPPED_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0700],
  [0x1e00, 0x1f00],
  [0x2000, 0x2070],
];
const SHIPPED_UNITS = SHIPPED_RANGES.reduce((sum, [from, to]) => sum + to - from, 0);

/** {@link FLAG_TABLE} and {@link FOLD_TABLE} over the common ranges, computed once (build time) and shipped. */
export interface FoldTableData {
  flags: string;
  folds: string;
  checksum: number;
}

/**
 * The folding of the common ranges, to ship in a spec, so a page does not run
 * a Unicode regex per new character.
 */
export function exportFoldTables(): FoldTableData {
  const flags = new Uint8Array(SHIPPED_UNITS);
  const folds = new Uint16Array(SHIPPED_UNITS);
  let k = 0;
  for (const [from, to] of SHIPPED_RANGES) {
    for (let c = from; c < to; c++, k++) {
      flags[k] = charFlags(c);
      folds[k] = FOLD_TABLE[c] as number;
    }
  }
  return { flags: encodeTable(flags), folds: encodeTable(folds), checksum: tableChecksum([flags, folds]) };
}

/** Fills the tables from {@link exportFoldTables}' output (entries already computed stay). Throws if it is damaged. */
export function importFoldTables(data: FoldTableData, label: string): void {
  const reader = new TableReader(label);
  const flags = reader.read(data?.flags, Uint8Array, SHIPPED_UNITS, 'fold.flags');
  const folds = reader.read(data?.folds, Uint16Array, SHIPPED_UNITS, 'fold.folds');
  reader.verify(data.checksum);
  let k = 0;
  for (const [from, to] of SHIPPED_RANGES) {
    for (let c = from; c < to; c++, k++) {
      if (FLAG_TABLE[c] !== 0) continue;
      const f = flags[k] as number;
      if (!(f & CHAR_COMPUTED)) reader.fail('fold.flags has an empty entry');
      FLAG_TABLE[c] = f;
      FOLD_TABLE[c] = folds[k] as number;
    }
  }
}
