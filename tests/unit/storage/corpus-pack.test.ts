import { describe, expect, it } from 'vitest';
import { WHOLE_FILE } from '@/lib/model/import-problems';
import {
  buildCorpusPack,
  CORPUS_PACK_FORMAT,
  CORPUS_PACK_SCHEMA_VERSION,
  corpusPackSchema,
  parseCorpusPack,
} from '@/lib/storage/corpus-pack';
import type { StoredArticle } from '@/lib/storage/database';

const article: StoredArticle = {
  id: 'import-abc',
  title: 'Talks resume',
  titleSource: 'text',
  outlet: 'Naharnet',
  byline: 'unknown',
  language: 'en',
  url: 'https://www.naharnet.com/1',
  published: { date: '2026-03-09', precision: 'day', basis: 'stated', reason: 'given in the front matter' },
  text: 'One.\n\nTwo.',
  origin: 'import',
  textHash: 'f'.repeat(64),
  importedAt: 42,
  site: 'naharnet.com',
  urlKey: 'naharnet.com/1',
};

describe('corpus packs', () => {
  it('round-trip what an export writes', () => {
    const pack = buildCorpusPack({
      articles: [article],
      entities: [],
      feedback: [{ id: 3, entityId: 'hezbollah', site: '', verdict: 'dont-highlight', createdAt: 1 }],
      candidateDecisions: [{ key: 'baabda', decision: 'dismissed', decidedAt: 2 }],
      settings: { highlightMode: 'every', pausedSites: [], extraSites: [] },
      exportedAt: new Date(0),
    });
    const parsed = parseCorpusPack(JSON.parse(JSON.stringify(pack)), 'pack.json');
    expect(parsed).toEqual({ ok: true, pack, unicodeNote: '' });
    expect(pack.articles[0]).toMatchObject({ id: 'import-abc', importedAt: 42, published: article.published });
    expect(pack.feedback?.[0]).not.toHaveProperty('id');
  });

  it('accept a minimal hand-written pack', () => {
    const parsed = parseCorpusPack(
      { format: CORPUS_PACK_FORMAT, schemaVersion: 1, articles: [{ title: 'T', text: 'Body.', published: '2026-03' }] },
      'mine.json',
    );
    expect(parsed.ok).toBe(true);
  });

  it('refuse other files with one clear sentence', () => {
    const whole = (value: unknown) => {
      const parsed = parseCorpusPack(value, 'x.json');
      if (parsed.ok) throw new Error('should fail');
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]?.field).toBe(WHOLE_FILE);
      return parsed.problems[0]?.reason;
    };
    expect(whole([1, 2])).toMatch(/not a corpus pack/);
    expect(whole({ articles: [] })).toMatch(/not a News Context corpus pack/);
    expect(whole({ format: CORPUS_PACK_FORMAT, schemaVersion: CORPUS_PACK_SCHEMA_VERSION + 1, articles: [] })).toMatch(
      /newer version of News Context/,
    );
  });

  it('name the article and field of each problem, unknown fields and __proto__ included', () => {
    const parsed = parseCorpusPack(
      JSON.parse(
        `{"format":"${CORPUS_PACK_FORMAT}","schemaVersion":1,"articles":[{"title":"ok","text":"x"},{"title":"","text":"x","url":"javascript:alert(1)","__proto__":{"polluted":true}}]}`,
      ),
      'bad.json',
    );
    if (parsed.ok) throw new Error('should fail');
    expect(parsed.problems.map((problem) => `${problem.field}: ${problem.reason}`)).toEqual([
      'article 2 › title: cannot be empty',
      'article 2 › url: should be a web address starting with https:// or http://',
      'article 2: has fields News Context does not know: "__proto__". Remove them, or check their spelling',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is strict at every level', () => {
    expect(
      corpusPackSchema.safeParse({ format: CORPUS_PACK_FORMAT, schemaVersion: 1, articles: [], extra: 1 }).success,
    ).toBe(false);
  });
});
