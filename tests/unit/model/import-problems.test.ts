import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeField, formatImportProblem, problemsFromZod, WHOLE_FILE } from '@/lib/model/import-problems';

describe('import problems', () => {
  it('name fields in words', () => {
    expect(describeField([])).toBe(WHOLE_FILE);
    expect(describeField(['articles', 2, 'published', 'date'])).toBe('article 3 › published › date');
    expect(describeField(['entities', 0, 'entity', 'aliases', 1, 'text'])).toBe('entity 1 › alias 2 › text');
  });

  it('give reasons a reader understands', () => {
    const schema = z
      .object({
        title: z.string().min(1),
        count: z.number(),
        url: z.url(),
        tags: z.array(z.string()).max(1),
        kind: z.enum(['person', 'place']),
      })
      .strict();
    const result = schema.safeParse({ title: '', count: 'x', url: 'nope', tags: ['a', 'b'], kind: 'thing', extra: 1 });
    if (result.success) throw new Error('should fail');
    const reasons = Object.fromEntries(problemsFromZod('f.json', result.error).map((p) => [p.field, p.reason]));
    expect(reasons).toEqual({
      title: 'cannot be empty',
      count: 'should be a number',
      url: 'should be a web address starting with https:// or http://',
      tags: 'has too many items: at most 1',
      kind: 'should be one of "person", "place"',
      [WHOLE_FILE]: 'has fields News Context does not know: "extra". Remove them, or check their spelling',
    });
    const missing = z.object({ title: z.string() }).safeParse({});
    if (missing.success) throw new Error('should fail');
    expect(problemsFromZod('f.json', missing.error, ['articles', 0])[0]).toEqual({
      file: 'f.json',
      field: 'article 1 › title',
      reason: 'is missing',
    });
  });

  it('format one line per problem', () => {
    expect(formatImportProblem({ file: 'a.md', field: WHOLE_FILE, reason: 'is empty' })).toBe('a.md: is empty');
    expect(formatImportProblem({ file: 'a.json', field: 'article 2 › url', reason: 'is bad' })).toBe(
      'a.json › article 2 › url: is bad',
    );
  });
});
