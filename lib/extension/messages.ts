import { z } from 'zod';
import { entityKinds } from '../model/knowledge-base';

/**
 * Every message between our contexts (content script, background, popup,
 * options, reader), validated on receipt: unknown or malformed messages are
 * rejected, never half-handled. Senders are checked by the receivers
 * (issue #3). There is no `window.postMessage` channel.
 */

const entityId = z.string().min(1).max(200);

// --- Answered by the background ---------------------------------------------

export const indexStatusRequest = z.object({ type: z.literal('index/status') }).strict();

export const indexStatusResponse = z
  .object({
    ok: z.boolean(),
    schemaVersion: z.number().int(),
    articles: z.number().int().nonnegative(),
    entities: z.number().int().nonnegative(),
    aliases: z.number().int().nonnegative(),
    error: z.string().optional(),
  })
  .strict();
export type IndexStatus = z.infer<typeof indexStatusResponse>;

/** The content script's start-up question: should I run here, and with what? */
export const annotatorConfigRequest = z.object({ type: z.literal('annotator/config') }).strict();

export const annotationEntitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(entityKinds),
    specificity: z.enum(['specific', 'general']),
    /** Events only: start date and generic phrases, for the page's timeline (issue #12). */
    timing: z
      .object({ start: z.string(), genericAliases: z.array(z.string()).readonly() })
      .strict()
      .optional(),
  })
  .strict();

export const annotatorConfigResponse = z
  .object({
    paused: z.boolean(),
    highlightMode: z.enum(['first', 'every']),
    /** Entity ids not to highlight on this site. */
    suppressed: z.array(z.string()),
    entities: z.array(annotationEntitySchema),
    /** `MatcherSpec`, checked by the matcher itself (it is large; a deep schema here would cost more than it guards). */
    matcher: z
      .object({ version: z.number(), entities: z.array(z.unknown()), aliases: z.array(z.unknown()) })
      .passthrough(),
  })
  .strict();
export type AnnotatorConfig = z.infer<typeof annotatorConfigResponse>;

export const entityCardRequest = z.object({ type: z.literal('entity/card'), entityId }).strict();

/** How many entities the tab shows, for the toolbar badge. */
export const annotationsUpdatedMessage = z
  .object({
    type: z.literal('annotations/updated'),
    relevant: z.boolean(),
    entityCount: z.number().int().nonnegative(),
  })
  .strict();

/** Ask the background to add our highlight colours to this tab as a user stylesheet (not a DOM change). */
export const highlightStyleRequest = z.object({ type: z.literal('highlights/style') }).strict();

export const feedbackVerdicts = ['not-this', 'dont-highlight'] as const;
export const feedbackAddRequest = z
  .object({ type: z.literal('feedback/add'), entityId, verdict: z.enum(feedbackVerdicts) })
  .strict();

export const readerOpenRequest = z
  .object({
    type: z.literal('reader/open'),
    articleId: z.string().min(1).max(300),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
  })
  .strict();

export const sitePauseRequest = z
  .object({ type: z.literal('site/pause'), site: z.string().min(1).max(253), paused: z.boolean() })
  .strict();

/** After the popup obtained the host permission: run on this site from now on. */
export const siteAnnotateRequest = z
  .object({ type: z.literal('site/annotate'), site: z.string().min(1).max(253), enabled: z.boolean() })
  .strict();

export const siteStateRequest = z.object({ type: z.literal('site/state'), site: z.string().max(253) }).strict();
export const siteStateResponse = z
  .object({ site: z.string(), paused: z.boolean(), defaultSite: z.boolean(), extraSite: z.boolean() })
  .strict();
export type SiteState = z.infer<typeof siteStateResponse>;

// --- Sent by extension pages after they change the reader's corpus (issue #5) -
//
// The options page (and the popup's "Import this page") write articles and
// entities to the database directly: extension pages may open it. Then they
// send this, so the background drops its cached catalog (entities, matcher,
// imported excerpts) and asks every tab to re-annotate: an accepted entity is
// highlighted on open pages at once, without reloading anything.

export const catalogChangedMessage = z.object({ type: z.literal('catalog/changed') }).strict();

export const backgroundRequest = z.discriminatedUnion('type', [
  indexStatusRequest,
  annotatorConfigRequest,
  entityCardRequest,
  annotationsUpdatedMessage,
  highlightStyleRequest,
  feedbackAddRequest,
  readerOpenRequest,
  sitePauseRequest,
  siteAnnotateRequest,
  siteStateRequest,
  catalogChangedMessage,
]);
export type BackgroundRequest = z.infer<typeof backgroundRequest>;

// --- Answered by the content script -----------------------------------------

export const annotationsGetRequest = z.object({ type: z.literal('annotations/get') }).strict();

export const annotationsGetResponse = z
  .object({
    url: z.string(),
    relevant: z.boolean(),
    entities: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          kind: z.enum(entityKinds),
          count: z.number().int().positive(),
        })
        .strict(),
    ),
    stats: z
      .object({
        textChars: z.number().int().nonnegative(),
        textNodes: z.number().int().nonnegative(),
        scanMs: z.number().nonnegative(),
        totalMs: z.number().nonnegative(),
        /** Our longest single task on the page (not in the list; the realpages test reports it). */
        longestTaskMs: z.number().nonnegative(),
      })
      .strict(),
  })
  .strict();
export type AnnotationsSnapshot = z.infer<typeof annotationsGetResponse>;

/** Keyboard command: go to the next or previous mention and open its card. */
export const mentionStepRequest = z
  .object({ type: z.literal('mention/step'), direction: z.union([z.literal(1), z.literal(-1)]) })
  .strict();

/** From the popup's "On this page" list: scroll to the entity's next mention and open its card. */
export const mentionShowEntityRequest = z.object({ type: z.literal('mention/show-entity'), entityId }).strict();

/** Entities or settings changed: fetch the configuration again and re-annotate. */
export const annotatorRefreshRequest = z.object({ type: z.literal('annotator/refresh') }).strict();

export const contentRequest = z.discriminatedUnion('type', [
  annotationsGetRequest,
  mentionStepRequest,
  mentionShowEntityRequest,
  annotatorRefreshRequest,
]);
export type ContentRequest = z.infer<typeof contentRequest>;
