import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { excerptsForMentions } from '@/lib/corpus/excerpts';
import {
  DATABASE_VERSION,
  NewsContextDatabase,
  type StoredArticle,
  VERSION_1_STORES,
  VERSION_2_STORES,
  VERSION_3_STORES,
  VERSION_4_STORES,
  VERSION_5_STORES,
} from '@/lib/storage/database';
import { urlKeyOf } from '@/lib/text/article-fingerprint';

const text =
  'Lebanese President Joseph Aoun met envoys in Naqoura on Monday. The talks were technical.\n\nHezbollah said nothing.';

/** A v1 article: as v1 stored it, without the fields v2 added. */
const v1Article: Omit<StoredArticle, 'site' | 'urlKey'> = {
  id: 'import-0001',
  title: 'Envoys meet in Naqoura',
  titleSource: 'text',
  outlet: 'Naharnet',
  byline: 'unknown',
  language: 'en',
  url: 'https://www.naharnet.com/stories/en/1?utm_source=feed',
  published: { date: '2026-03-09', precision: 'day', basis: 'stated', reason: 'given in the front matter' },
  text,
  origin: 'import',
  textHash: 'a'.repeat(64),
  importedAt: 1_773_000_000_000,
};
const v1Undated: Omit<StoredArticle, 'site' | 'urlKey'> = {
  ...v1Article,
  id: 'import-0002',
  url: undefined,
  textHash: 'b'.repeat(64),
  text: 'Hezbollah rejected the offer.',
};
const mentions = [
  { articleId: 'import-0001', entityId: 'joseph-aoun', spans: [[18, 29]] as [number, number][] },
  { articleId: 'import-0001', entityId: 'naqoura', spans: [[45, 52]] as [number, number][] },
  { articleId: 'import-0002', entityId: 'hezbollah', spans: [[0, 9]] as [number, number][] },
];

describe('the database schema', () => {
  it('keeps version 1 exactly as released', () => {
    expect(VERSION_1_STORES).toEqual({
      articles: 'id, &textHash, url, importedAt',
      entities: 'id, origin',
      mentions: '[articleId+entityId], articleId, entityId',
      feedback: '++id, entityId, site, [entityId+site]',
      settings: 'key',
    });
    expect(DATABASE_VERSION).toBe(5);
    expect(Object.keys(VERSION_2_STORES)).toEqual(
      expect.arrayContaining([
        ...Object.keys(VERSION_1_STORES),
        'articleExcerpts',
        'searchSegments',
        'candidateDecisions',
      ]),
    );
  });

  it('upgrades a v1 database with data in it to v2, losing nothing and deriving what v2 adds', async () => {
    const name = `migration-${Math.random()}`;
    // A database exactly as version 1 of the extension left it.
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1_STORES);
    await v1.open();
    await v1.table('articles').bulkAdd([v1Article, { ...v1Undated }]);
    await v1.table('mentions').bulkAdd(mentions);
    await v1.table('entities').add({
      id: 'morgan-ortagus',
      origin: 'user',
      updatedAt: 5,
      entity: {
        id: 'morgan-ortagus',
        kind: 'person',
        name: 'Morgan Ortagus',
        aliases: [{ text: 'Morgan Ortagus', lang: 'en' }],
        role: 'US deputy envoy',
        background: 'Named in later talks.',
        related: [],
        specificity: 'specific',
      },
    });
    await v1.table('feedback').add({ entityId: 'tom-barrack', site: 'example.org', verdict: 'not-this', createdAt: 7 });
    await v1.table('settings').put({
      key: 'settings',
      value: { highlightMode: 'every', pausedSites: ['x.com'], extraSites: [] },
    });
    v1.close();

    const db = new NewsContextDatabase(name);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);

    const articles = await db.articles.orderBy('id').toArray();
    expect(articles).toEqual([
      { ...v1Article, site: 'naharnet.com', urlKey: urlKeyOf(v1Article.url as string) },
      { ...v1Undated, site: '', urlKey: '' },
    ]);
    expect(urlKeyOf(v1Article.url as string)).toBe('naharnet.com/stories/en/1');
    // The new indexes answer.
    expect((await db.articles.where('site').equals('naharnet.com').toArray()).map((a) => a.id)).toEqual([
      'import-0001',
    ]);
    expect(await db.articles.where('urlKey').equals('naharnet.com/stories/en/1').count()).toBe(1);
    // Old tables are untouched.
    expect(await db.mentions.count()).toBe(3);
    expect((await db.entities.get('morgan-ortagus'))?.entity.name).toBe('Morgan Ortagus');
    expect(await db.feedback.toArray()).toEqual([
      { id: 1, entityId: 'tom-barrack', site: 'example.org', verdict: 'not-this', createdAt: 7 },
    ]);
    expect((await db.settings.get('settings'))?.value.pausedSites).toEqual(['x.com']);
    // Excerpts, which v1 did not store, are cut from the mentions it did.
    const rows = await db.articleExcerpts.orderBy('articleId').toArray();
    const expected = (articleId: string) =>
      mentions
        .filter((group) => group.articleId === articleId)
        .flatMap((group) => {
          const article = [v1Article, v1Undated].find((candidate) => candidate.id === articleId) as StoredArticle;
          return excerptsForMentions(article, group).map((excerpt) => ({ ...excerpt, entityId: group.entityId }));
        });
    expect(rows).toEqual([
      { articleId: 'import-0001', entityIds: ['joseph-aoun', 'naqoura'], excerpts: expected('import-0001') },
      { articleId: 'import-0002', entityIds: ['hezbollah'], excerpts: expected('import-0002') },
    ]);
    const naqoura = await db.articleExcerpts.where('entityIds').equals('naqoura').toArray();
    expect(naqoura[0]?.excerpts.find((excerpt) => excerpt.entityId === 'naqoura')?.text).toBe(
      'Lebanese President Joseph Aoun met envoys in Naqoura on Monday.',
    );
    expect(await db.excerpts.count()).toBe(0);
    expect(await db.searchSegments.count()).toBe(0);
    expect(await db.candidateDecisions.count()).toBe(0);
    await db.delete();
  });

  it('keeps version 2 as released, and v3 only drops the mention indexes nothing reads', () => {
    expect(VERSION_2_STORES.mentions).toBe('[articleId+entityId], articleId, entityId');
    expect(VERSION_3_STORES).toEqual({ ...VERSION_2_STORES, mentions: '[articleId+entityId]' });
  });

  it('upgrades a v2 database with data in it to v3, keeping every mention and finding them by article', async () => {
    const name = `migration-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(VERSION_1_STORES);
    v2.version(2).stores(VERSION_2_STORES);
    await v2.open();
    const articles = [
      { ...v1Article, site: 'naharnet.com', urlKey: urlKeyOf(v1Article.url as string) },
      { ...v1Undated, site: '', urlKey: '' },
    ];
    await v2.table('articles').bulkAdd(articles);
    await v2.table('mentions').bulkAdd(mentions);
    await v2.table('articleExcerpts').add({ articleId: 'import-0002', entityIds: ['hezbollah'], excerpts: [] });
    await v2.table('searchSegments').add({ id: 1, articleIds: ['import-0001', 'import-0002'], index: { any: 1 } });
    v2.close();

    const db = new NewsContextDatabase(name);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(db.mentions.schema.indexes.map((index) => index.name)).toEqual([]);
    expect(db.mentions.schema.primKey.name).toBe('[articleId+entityId]');
    const sorted = (rows: readonly { articleId: string; entityId: string }[]) =>
      [...rows].sort((a, b) => `${a.articleId}/${a.entityId}`.localeCompare(`${b.articleId}/${b.entityId}`));
    expect(sorted(await db.mentions.toArray())).toEqual(sorted(mentions));
    // How the search and the importer read and delete them: by article, from the compound key.
    expect(sorted(await db.mentions.where('articleId').anyOf(['import-0001']).toArray())).toEqual(
      sorted(mentions.filter((group) => group.articleId === 'import-0001')),
    );
    expect(await db.mentions.where('articleId').equals('import-0002').count()).toBe(1);
    await db.mentions.where('articleId').anyOf(['import-0002', 'nothing']).delete();
    expect(await db.mentions.count()).toBe(2);
    // Everything else is as it was.
    expect(await db.articles.orderBy('id').toArray()).toEqual(articles);
    expect(await db.articleExcerpts.count()).toBe(1);
    expect((await db.searchSegments.get(1))?.articleIds).toEqual(['import-0001', 'import-0002']);
    await db.delete();
  });

  it('keeps version 3 as released, and v4 only adds the stored candidates (issue #11)', async () => {
    expect(VERSION_4_STORES).toEqual({ ...VERSION_3_STORES, candidates: 'key' });
    const name = `migration-v4-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(VERSION_1_STORES);
    v3.version(2).stores(VERSION_2_STORES);
    v3.version(3).stores(VERSION_3_STORES);
    await v3.open();
    await v3.table('articles').add({ ...v1Article, site: 'naharnet.com', urlKey: urlKeyOf(v1Article.url as string) });
    await v3.table('candidateDecisions').add({ key: 'baabda', decision: 'dismissed', decidedAt: 1 });
    v3.close();

    const db = new NewsContextDatabase(name);
    await db.open();
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(await db.articles.count()).toBe(1);
    expect(await db.candidateDecisions.get('baabda')).toEqual({ key: 'baabda', decision: 'dismissed', decidedAt: 1 });
    expect(await db.candidates.count()).toBe(0);
    await db.delete();
  });

  it('keeps version 4 as released, and v5 only adds the trash of deleted articles, empty (issue #14)', async () => {
    expect(VERSION_5_STORES).toEqual({ ...VERSION_4_STORES, trash: 'articleId, deletedAt' });
    expect(DATABASE_VERSION).toBe(5);
    const name = `migration-v5-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(1).stores(VERSION_1_STORES);
    v4.version(2).stores(VERSION_2_STORES);
    v4.version(3).stores(VERSION_3_STORES);
    v4.version(4).stores(VERSION_4_STORES);
    await v4.open();
    const article = { ...v1Article, site: 'naharnet.com', urlKey: urlKeyOf(v1Article.url as string) };
    await v4.table('articles').add(article);
    await v4.table('mentions').bulkAdd(mentions.filter((group) => group.articleId === article.id));
    await v4.table('feedback').add({ entityId: 'naqoura', site: '', verdict: 'dont-highlight', createdAt: 1 });
    await v4
      .table('candidates')
      .add({ key: 'baabda', name: 'Baabda', kind: 'place', count: 2, articleCount: 1, examples: [] });
    v4.close();

    const db = new NewsContextDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.articles.get(article.id)).toEqual(article);
    expect(await db.mentions.where('articleId').equals(article.id).count()).toBe(2);
    expect(await db.feedback.toArray()).toEqual([
      { id: 1, entityId: 'naqoura', site: '', verdict: 'dont-highlight', createdAt: 1 },
    ]);
    expect((await db.candidates.get('baabda'))?.name).toBe('Baabda');
    expect(await db.trash.count()).toBe(0);
    // The purge reads the trash by date: the index exists.
    await db.trash.add({ articleId: 'gone', deletedAt: 5, article });
    expect(await db.trash.where('deletedAt').below(6).count()).toBe(1);
    await db.delete();
  });
});
