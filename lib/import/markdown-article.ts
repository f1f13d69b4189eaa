import { decodeHtmlEntities, stripMarkup } from '../text/strip-markup';

/**
 * A Markdown article: optional front matter (`---` … `---`, one
 * `key: value` a line) and a body reduced to plain text for the cleaner.
 * Raw HTML in the body is removed, never rendered (issue #5).
 *
 * Front matter is read as flat `key: value` pairs, not full YAML: article
 * metadata is flat, and a YAML parser would be a large dependency for
 * titles and dates. Lists and nested keys are ignored.
 */
export interface MarkdownArticle {
  /** Front matter keys in lower case, values unquoted. Keys are data, never object properties. */
  frontMatter: ReadonlyMap<string, string>;
  /** The body as plain text (not yet cleaned). */
  text: string;
}

/** Front matter longer than this is not front matter but a document that starts with a rule. */
const MAX_FRONT_MATTER_LINES = 200;
const FRONT_MATTER_LINE = /^([A-Za-z][\w-]{0,63})\s*:\s?(.*)$/;

/**
 * Splits off the front matter and turns the Markdown body into plain text.
 *
 * @example parseMarkdownArticle('---\ntitle: Talks\n---\n# Talks\n\n**Aoun** met [envoys](https://x.org).')
 * // { frontMatter: Map { 'title' => 'Talks' }, text: 'Talks\n\nAoun met envoys.' } (headings kept as paragraphs)
 */
export function parseMarkdownArticle(source: string): MarkdownArticle {
  const { frontMatter, body } = splitFrontMatter(source);
  return { frontMatter, text: markdownToText(body) };
}

function splitFrontMatter(source: string): { frontMatter: Map<string, string>; body: string } {
  const frontMatter = new Map<string, string>();
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r\n?|\n/);
  if (lines[0]?.trim() !== '---') return { frontMatter, body: text };
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1 || end > MAX_FRONT_MATTER_LINES) return { frontMatter, body: text };
  for (const line of lines.slice(1, end)) {
    const match = FRONT_MATTER_LINE.exec(line);
    if (!match) continue;
    const key = (match[1] as string).toLowerCase();
    const value = unquote((match[2] as string).trim());
    // The first value of a key wins, like most front matter readers.
    if (value !== '' && !frontMatter.has(key)) frontMatter.set(key, value);
  }
  return { frontMatter, body: lines.slice(end + 1).join('\n') };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  if (!quoted) {
    // A YAML comment after the value; indexOf, because a regex over long space runs backtracks quadratically.
    const comment = value.indexOf(' #');
    return (comment === -1 ? value : value.slice(0, comment)).trim();
  }
  return quoted[1] !== undefined ? quoted[1].replace(/\\"/g, '"') : (quoted[2] as string).replace(/''/g, "'");
}

const FENCE = /^\s{0,3}(?:```|~~~)/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]{1,200}\]:\s*\S/;
const BLOCKQUOTE = /^(?:\s{0,3}>\s?)+/;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+/;
// One level of parentheses inside an address ("…/Naqoura_(town)", "javascript:alert(1)").
const LINK_TARGET = String.raw`\(\s?(?:[^()[\]\s]|\([^()[\]\s]{0,200}\)){0,2000}(?: "[^"[\]]{0,300}")?\s?\)`;
const IMAGE = new RegExp(String.raw`!\[[^[\]]{0,500}\]` + LINK_TARGET, 'g');
const INLINE_LINK = new RegExp(String.raw`\[([^[\]]{0,500})\]` + LINK_TARGET, 'g');
const REFERENCE_LINK = /\[([^[\]]{0,500})\]\[[^[\]]{0,200}\]/g;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;

/** "Talks resume ##" → "Talks resume": closing hashes go, a hash glued to a word stays. */
function headingText(rest: string): string {
  const trimmed = rest.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === trimmed.length || end === 0) return end === 0 ? '' : trimmed;
  return /\s/.test(trimmed[end - 1] as string) ? trimmed.slice(0, end).trimEnd() : trimmed;
}

/**
 * Markdown body → plain text: headings become their own paragraphs; links
 * keep their words and lose their targets; images, code fences, reference
 * definitions and HTML go; emphasis markers are left to the cleaner, which
 * removes them for every source alike.
 */
export function markdownToText(body: string): string {
  const out: string[] = [];
  for (const rawLine of body.split('\n')) {
    if (FENCE.test(rawLine) || REFERENCE_DEFINITION.test(rawLine)) continue;
    let line = rawLine.replace(BLOCKQUOTE, '');
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      out.push('', headingText(line.slice(heading[0].length)), '');
      continue;
    }
    // A setext underline turns the line above into a heading; the text itself stays.
    if (SETEXT_UNDERLINE.test(line) && out.length > 0 && out[out.length - 1] !== '') {
      out.push('');
      continue;
    }
    // No bracket or space inside the bounded runs: each attempt stops at the next bracket, so hostile lines stay linear.
    line = line
      .replace(IMAGE, '')
      .replace(INLINE_LINK, '$1')
      .replace(REFERENCE_LINK, '$1')
      .replace(/<((?:https?|mailto):[^<>\s]{1,2000})>/gi, '$1')
      .replace(/`+/g, '');
    out.push(line);
  }
  // Entities first: an encoded "&lt;script&gt;" must meet the markup stripper as a tag.
  return stripMarkup(decodeHtmlEntities(out.join('\n')));
}
