import { describe, expect, it } from 'vitest';
import {
  annotatorConfigOf,
  candidateChunksOf,
  contentRequestOf,
  matchChunksOf,
} from '@/lib/extension/content-message-guards';
import { annotatorConfigResponse, contentRequest } from '@/lib/extension/messages';

describe('contentRequestOf', () => {
  it('accepts what the Zod schema accepts, and the card relays', () => {
    for (const message of [
      { type: 'annotations/get' },
      { type: 'annotator/refresh' },
      { type: 'mention/step', direction: -1 },
      { type: 'mention/show-entity', entityId: 'hezbollah' },
    ]) {
      expect(contentRequest.safeParse(message).success).toBe(true);
      expect(contentRequestOf(message)).toEqual(message);
    }
    expect(contentRequestOf({ type: 'card/size', height: 320 })).toEqual({ type: 'card/size', height: 320 });
    expect(contentRequestOf({ type: 'card/close' })).toEqual({ type: 'card/close' });
    expect(contentRequestOf({ type: 'card/suppress', entityId: 'x' })).toEqual({
      type: 'card/suppress',
      entityId: 'x',
    });
  });

  it('refuses unknown types, extra fields and bad values', () => {
    for (const message of [
      null,
      'annotations/get',
      { type: 'annotations/get', extra: 1 },
      { type: 'mention/step', direction: 2 },
      { type: 'mention/show-entity', entityId: '' },
      { type: 'mention/show-entity', entityId: 'x'.repeat(201) },
      { type: 'card/size', height: -1 },
      { type: 'card/size', height: Number.NaN },
      { type: 'entity/card', entityId: 'x' },
    ]) {
      expect(contentRequestOf(message)).toBeUndefined();
    }
  });
});

describe('annotatorConfigOf', () => {
  const config = {
    paused: false,
    highlightMode: 'first',
    suppressed: ['a'],
    entities: [{ id: 'hezbollah', name: 'Hezbollah', kind: 'organisation', specificity: 'specific' }],
  };

  it('accepts a configuration the schema accepts', () => {
    expect(annotatorConfigResponse.safeParse(config).success).toBe(true);
    expect(annotatorConfigOf(config)).toBe(config);
  });

  it('refuses one the schema refuses', () => {
    for (const broken of [
      // Event dates stay in the background, where the page's timeline rule runs (issue #13's size budget).
      { ...config, entities: [{ ...config.entities[0], timing: { start: '2026-03', genericAliases: [] } }] },
      { ...config, paused: 'no' },
      { ...config, highlightMode: 'all' },
      { ...config, extra: true },
      { ...config, entities: [{ id: 'x', name: 'X', kind: 'animal', specificity: 'specific' }] },
      { ...config, matcher: { version: 2, entities: [], aliases: [] } },
    ]) {
      expect(annotatorConfigResponse.safeParse(broken).success).toBe(false);
      expect(annotatorConfigOf(broken)).toBeUndefined();
    }
  });
});

describe('candidateChunksOf and matchChunksOf', () => {
  it('accept one array per block with well-formed entries', () => {
    const candidates = [[{ start: 0, end: 9, aliases: [3], local: [], flags: 0 }], []];
    expect(candidateChunksOf(candidates, 2)).toBe(candidates);
    const matches = [[{ start: 0, end: 9, entityId: 'hezbollah', alias: 'Hezbollah' }], []];
    expect(matchChunksOf(matches, 2)).toBe(matches);
  });

  it('refuse a wrong count or a malformed entry', () => {
    expect(candidateChunksOf([[]], 2)).toBeUndefined();
    expect(candidateChunksOf([[{ start: -1, end: 2 }]], 1)).toBeUndefined();
    expect(matchChunksOf([[{ start: 5, end: 2, entityId: 'x', alias: 'x' }]], 1)).toBeUndefined();
    expect(matchChunksOf([[{ start: 0, end: 2, entityId: '', alias: 'x' }]], 1)).toBeUndefined();
    expect(matchChunksOf(undefined, 0)).toBeUndefined();
  });
});
