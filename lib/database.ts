import Dexie, { type EntityTable, type Table } from 'dexie';
import type { IndexedArticle, MentionGroup } from './corpus-index';
import type { Entity } from './knowledge-base';
import type { Settings } from './settings';

/**
 * The reader's own data, in the extension's IndexedDB (never the page's: the
 * content script does not open it; it asks the background). The bundled
 * corpus is not copied here: it ships in `data/index.json`.
 */
export const DATABASE_NAME = 'news-context';

/** An article the reader imported. */
export interface StoredArticle extends IndexedArticle {
  origin: 'import';
  /** SHA-256 of the normalised text, to refuse duplicates. */
  textHash: string;
  importedAt: number;
}

/** A user-added entity, or the reader's edit of a bundled one (same id), which wins over the bundle. */
export interface StoredEntity {
  id: string;
  origin: 'user' | 'override';
  entity: Entity;
  updatedAt: number;
}

export type StoredMentionGroup = MentionGroup;

/** "Not this" (wrong entity here) and "Don't highlight this" (never mark it), per entity and site. */
export interface StoredFeedback {
  id?: number;
  entityId: string;
  /** Host without `www.`; empty for "everywhere". */
  site: string;
  verdict: 'not-this' | 'dont-highlight';
  createdAt: number;
}

export interface StoredSetting {
  key: 'settings';
  value: Settings;
}

export class NewsContextDatabase extends Dexie {
  articles!: EntityTable<StoredArticle, 'id'>;
  entities!: EntityTable<StoredEntity, 'id'>;
  mentions!: Table<StoredMentionGroup, [string, string]>;
  feedback!: EntityTable<StoredFeedback, 'id'>;
  settings!: EntityTable<StoredSetting, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Version 1. Never edit a released version: add a new one with an upgrade (see tests/unit/database.test.ts).
    this.version(1).stores({
      articles: 'id, &textHash, url, importedAt',
      entities: 'id, origin',
      mentions: '[articleId+entityId], articleId, entityId',
      feedback: '++id, entityId, site, [entityId+site]',
      settings: 'key',
    });
  }
}
