import type { z } from 'zod';
import type { ValidationProblem } from './validation-errors';

/**
 * Why an import input was refused, in words a reader who has never seen
 * JSON understands (issue #5): which file, which field, what is wrong and,
 * where it helps, what to do. `ValidationError` keeps the terse developer
 * form for the build; the options page shows these.
 */
export type ImportProblem = ValidationProblem;

/** The field name for problems about a file as a whole (unreadable, too large, empty). */
export const WHOLE_FILE = 'the whole file';

/** Collection keys and how one of their items is called. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  articles: 'article',
  entities: 'entity',
  aliases: 'alias',
  feedback: 'feedback entry',
  candidateDecisions: 'candidate decision',
  related: 'related entity',
  cues: 'cue',
  roleCues: 'role cue',
  pausedSites: 'paused site',
  extraSites: 'extra site',
};

/** Wrapper keys that add nothing for a reader ("entity 2 › entity › name" reads as "entity 2 › name"). */
const SILENT_KEYS = new Set(['entity']);

/**
 * A field path in words: `['articles', 2, 'published', 'date']` → "article 3 › published › date".
 *
 * @example describeField(['entities', 0, 'entity', 'aliases', 1, 'text']) // 'entity 1 › alias 2 › text'
 */
export function describeField(path: readonly PropertyKey[]): string {
  if (path.length === 0) return WHOLE_FILE;
  const words: string[] = [];
  for (let index = 0; index < path.length; index++) {
    const part = path[index];
    const next = path[index + 1];
    if (typeof part === 'number') continue;
    const name = String(part);
    if (SILENT_KEYS.has(name) && index > 0) continue;
    const item = ITEM_NAMES[name];
    if (item !== undefined && typeof next === 'number') words.push(`${item} ${next + 1}`);
    else words.push(name);
  }
  return words.join(' › ') || WHOLE_FILE;
}

/** How Zod's built-in messages start; anything else was written by us in a schema. */
const ZOD_DEFAULT_MESSAGE = /^(?:Too (?:small|big)|Invalid|Unrecognized key|Expected|Required)/;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list ([ … ])',
  object: 'a group of fields ({ … })',
  null: 'null',
};

/**
 * One Zod issue in plain words.
 *
 * @example friendlyReason({ code: 'too_small', origin: 'string', minimum: 1, … }) // 'cannot be empty'
 */
export function friendlyReason(issue: z.core.$ZodIssue): string {
  // A schema's own message ("needs at least one alias") is already written for people.
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return 'is missing';
      return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'cannot be empty' : `is too short: at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      }
      return `is too small: at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long: at most ${issue.maximum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has too many items: at most ${issue.maximum}`;
      return `is too large: at most ${issue.maximum}`;
    case 'unrecognized_keys':
      return `has fields News Context does not know: ${issue.keys.map((key) => `"${key}"`).join(', ')}. Remove them, or check their spelling`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `should be ${JSON.stringify(issue.values[0])}`
        : `should be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'should be a web address starting with https:// or http://';
      return issue.message.startsWith('Invalid') ? `is not in the expected form (${issue.format})` : issue.message;
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    default:
      return issue.message;
  }
}

/**
 * Every issue of a failed parse, as problems naming `file` and the field.
 * `prefix` locates the parsed value inside the file (e.g. `['articles', 2]`).
 */
export function problemsFromZod(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): ImportProblem[] {
  const problems = error.issues.map((issue) => ({
    file,
    field: describeField([...prefix, ...issue.path]),
    reason: friendlyReason(issue),
  }));
  // The same reason on the same field (a union reports each branch) is said once.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One line for the options page: "notes.md › title: cannot be empty".
 *
 * @example formatImportProblem({ file: 'a.json', field: 'article 2 › url', reason: 'should be a web address …' })
 */
export function formatImportProblem(problem: ImportProblem): string {
  return problem.field === WHOLE_FILE
    ? `${problem.file}: ${problem.reason}`
    : `${problem.file} › ${problem.field}: ${problem.reason}`;
}
