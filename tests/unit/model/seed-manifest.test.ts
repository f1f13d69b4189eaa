import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type SeedManifest, seedManifestSchema } from '@/lib/model/seed-manifest';
import { parseOrThrow } from '@/lib/model/validation-errors';

const seedsDir = new URL('../../../seeds/', import.meta.url);
// The sources as received, kept read-only beside the repository; absent in a plain clone.
const sharedSeedsDir = new URL('../../../../shared/seeds/', import.meta.url);
const manifestText = readFileSync(new URL('manifest.json', seedsDir), 'utf8');
const manifest: SeedManifest = parseOrThrow(seedManifestSchema, JSON.parse(manifestText), 'seeds/manifest.json');
const seedFiles = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const byId = new Map(manifest.articles.map((article) => [article.id, article]));
const readSeed = (file: string) => readFileSync(new URL(file, seedsDir), 'utf8');

describe('seeds/manifest.json', () => {
  it('parses against the schema', () => {
    expect(() => parseOrThrow(seedManifestSchema, JSON.parse(manifestText), 'seeds/manifest.json')).not.toThrow();
  });

  it('is canonically formatted', () => {
    expect(manifestText).toBe(`${JSON.stringify(JSON.parse(manifestText), null, 2)}\n`);
  });

  it('lists every seed file exactly once, and nothing else', () => {
    const listed = manifest.articles.map((article) => article.file);
    expect([...listed].sort()).toEqual(seedFiles);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('has unique ids', () => {
    expect(byId.size).toBe(manifest.articles.length);
  });

  it('takes "text" titles from the text itself', () => {
    for (const article of manifest.articles.filter((entry) => entry.titleSource === 'text')) {
      expect(readSeed(article.file), article.id).toContain(article.title);
    }
  });

  it('gives "ours" titles only to seeds whose text does not contain them', () => {
    for (const article of manifest.articles.filter((entry) => entry.titleSource === 'ours')) {
      expect(readSeed(article.file), article.id).not.toContain(article.title);
    }
  });

  it('takes stated outlets and bylines from the text', () => {
    for (const article of manifest.articles) {
      const raw = readSeed(article.file).toLowerCase();
      for (const stated of [article.outlet, article.byline].filter((value) => value !== 'unknown')) {
        expect(raw, `${article.id}: ${stated}`).toContain(stated.toLowerCase());
      }
    }
  });

  it('records the dates we know, with their precision and basis', () => {
    const dates = manifest.articles.map(({ file, published }) => ({
      file,
      date: published.date,
      precision: published.precision,
      basis: published.basis,
    }));
    expect(dates).toEqual([
      { file: '000_b6776d15c871424f.txt', date: '2026', precision: 'year', basis: 'inferred' },
      { file: '001_09f0cfda2d741d50.txt', date: '2025-12', precision: 'month', basis: 'inferred' },
      { file: '002_1786bc0475c684ed.txt', date: '2026-03', precision: 'month', basis: 'inferred' },
      { file: '003_e37c72e55046ec08.txt', date: '2026-03-09', precision: 'day', basis: 'stated' },
      { file: '004_e3272e4dd2a10325.txt', date: '2024-09', precision: 'month', basis: 'inferred' },
    ]);
  });

  it('matches each date fact to the text that supports it', () => {
    const article = (file: string) => manifest.articles.find((entry) => entry.file === file);
    const withText = (needle: string) => manifest.articles.filter((entry) => readSeed(entry.file).includes(needle));

    // The stated date marker.
    expect(withText(' date 2026-03-09 ').map((entry) => entry.published)).toEqual([
      expect.objectContaining({ date: '2026-03-09', precision: 'day', basis: 'stated' }),
    ]);
    // "TA | AP Insight": Aoun's offer of direct talks "last week", March 2026.
    expect(withText('TA | AP Insight')).toEqual([
      expect.objectContaining({
        byline: 'TA',
        outlet: 'AP Insight',
        published: expect.objectContaining({ date: '2026-03', precision: 'month', basis: 'inferred' }),
      }),
    ]);
    // The Defence Talks footer: UN General Assembly push with caretaker PM Mikati, late September 2024.
    expect(withText('Discover more from Defence Talks')).toEqual([
      expect.objectContaining({
        outlet: 'Defence Talks',
        published: expect.objectContaining({ date: '2024-09', precision: 'month', basis: 'inferred' }),
      }),
    ]);
    // The first civilian talks in Naqoura, 3 December 2025.
    expect(withText('Naqoura').map((entry) => entry.published)).toEqual([
      expect.objectContaining({ date: '2025-12', precision: 'month', basis: 'inferred' }),
    ]);
    // Undated, after the 2026 Iran war began; signed "sangita".
    expect(withText('tensions linked to the Iran conflict')).toEqual([
      expect.objectContaining({
        byline: 'Sangita',
        published: expect.objectContaining({ date: '2026', precision: 'year', basis: 'inferred' }),
      }),
    ]);
    expect(article('000_b6776d15c871424f.txt')?.published.reason).toMatch(/sangita/);
  });

  it('explains every inferred date', () => {
    for (const { id, published } of manifest.articles.filter((entry) => entry.published.basis === 'inferred')) {
      expect(published.reason.length, id).toBeGreaterThan(80);
    }
  });

  it('has ids that are short kebab-case', () => {
    for (const { id } of manifest.articles) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(48);
    }
    expect(byId.has('naqoura-civilian-talks-2025')).toBe(true);
  });
});

describe('seeds/*.txt', () => {
  it.skipIf(!existsSync(sharedSeedsDir))(
    'are byte-identical to the sources as received in ../shared/seeds/ (skipped when that folder is absent)',
    () => {
      const received = readdirSync(sharedSeedsDir)
        .filter((name) => name.endsWith('.txt'))
        .sort();
      expect(seedFiles).toEqual(received);
      for (const file of seedFiles) {
        const ours = readFileSync(new URL(file, seedsDir));
        const theirs = readFileSync(new URL(file, sharedSeedsDir));
        expect(ours.equals(theirs), file).toBe(true);
      }
    },
  );
});
