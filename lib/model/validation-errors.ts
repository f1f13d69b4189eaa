import type { z } from 'zod';

/** One rejected field, in words a reader of the options page understands. */
export interface ValidationProblem {
  file: string;
  field: string;
  reason: string;
}

/**
 * Thrown when a file (seed, knowledge base, index, import) fails its schema.
 * The message names the file, the field and the reason, one problem a line.
 *
 * @example
 * throw new ValidationError('seeds/manifest.json', zodError)
 * // News Context: seeds/manifest.json: articles[2].published.date: must be YYYY, YYYY-MM or YYYY-MM-DD
 */
export class ValidationError extends Error {
  readonly problems: ValidationProblem[];

  constructor(file: string, error: z.ZodError) {
    const problems = describeZodIssues(file, error);
    super(problems.map(formatValidationProblem).join('\n'));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** `articles[2].published.date`; `(top level)` for the whole file. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = String(part);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

export function describeZodIssues(file: string, error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({ file, field: formatFieldPath(issue.path), reason: issue.message }));
}

export function formatValidationProblem(problem: ValidationProblem): string {
  return `News Context: ${problem.file}: ${problem.field}: ${problem.reason}`;
}

/** Parse with `schema`, or throw a {@link ValidationError} naming `file`. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, file: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(file, result.error);
  return result.data;
}
