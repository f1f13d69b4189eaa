import { z } from 'zod';
import { entityCardSchema } from '../corpus/entity-card';
import { entityKinds, specificities } from '../model/knowledge-base';
import { feedbackVerdicts, highlightModes } from '../model/settings';

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
    specificity: z.enum(specificities),
    // No event dates: the page's timeline rule runs where matching does, in the background (issue #12, #13).
  })
  .strict();

export const annotatorConfigResponse = z
  .object({
    paused: z.boolean(),
    highlightMode: z.enum(highlightModes),
    /** Entity ids not to highlight on this site. */
    suppressed: z.array(z.string()),
    entities: z.array(annotationEntitySchema),
    // No matcher: pages are matched in the background (issue #13), so no page decodes the matcher spec.
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

// --- The card frame (issue #13) ----------------------------------------------
//
// The content script never holds a card's text: it tells the background which
// entity to show, and the card page (an extension-origin frame) receives the
// card over a port. The background relays the frame's size and actions back.

/** A raw match of one text block: `Candidate` of lib/matching/match-entities.ts (numbers only). */
const candidateSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    aliases: z.array(z.number().int().nonnegative()),
    local: z.array(z.number().int().nonnegative()),
    flags: z.number().int().nonnegative(),
  })
  .strict();

/** Content script: find the candidates of these text blocks (answer: one array per block). */
export const matcherScanRequest = z
  .object({ type: z.literal('matcher/scan'), texts: z.array(z.string().max(2_000_000)).max(100_000) })
  .strict();
/** Content script: resolve the page's candidates as one document (answer: `EntityMatch[]` per block). */
export const matcherResolveRequest = z
  .object({
    type: z.literal('matcher/resolve'),
    chunks: z.array(z.array(candidateSchema)).max(100_000),
    /** The page's publication date (`lib/page/page-date.ts`): generic event phrases never name a later event. */
    pageDate: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
  })
  .strict();

/** A page's publication date as `lib/page/page-date.ts` reads it: `YYYY-MM` or `YYYY-MM-DD`. */
export const pageDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a page date is YYYY-MM or YYYY-MM-DD');

/**
 * Content script: show this entity's card in the tab's card frame. `pageDate` is the page's own
 * date, for "Newer than your sources" and an event's "how long before this article" (issues #15, #12).
 */
export const cardOpenRequest = z
  .object({ type: z.literal('card/open'), entityId, pinned: z.boolean(), pageDate: pageDateSchema.optional() })
  .strict();
/** Content script: the card was closed and its frame removed. */
export const cardClosedMessage = z.object({ type: z.literal('card/closed') }).strict();
/**
 * Content script, once its page has highlights: add the hover card's code
 * (`card-ui.js`) to my frame. Unrelated pages never load it (issue #13).
 */
export const cardUiRequest = z.object({ type: z.literal('card/ui') }).strict();

/** Background → card frame, over its port. `card` is null when the entity is unknown. */
export const cardFrameShowMessage = z
  .object({
    type: z.literal('card/show'),
    entityId,
    pinned: z.boolean(),
    // Checked as the EntityCard schema by the frame (lib/corpus/entity-card.ts), which imports it.
    card: z.unknown(),
    /** The page's date, with the precision its length gives. */
    pageDate: z
      .object({ date: pageDateSchema, precision: z.enum(['month', 'day']) })
      .strict()
      .optional(),
  })
  .strict();

/** Background → card frame, after "Import this page": the page as the browser serialised it, to read its article. */
export const cardFramePageMessage = z
  .object({ type: z.literal('card/page'), url: z.string().url().max(8_192), html: z.string().max(50_000_000) })
  .strict();

/** Background → card frame: what the import of the page did, one sentence for the card. */
export const cardFrameImportedMessage = z
  .object({ type: z.literal('card/imported'), status: z.string().max(2_000) })
  .strict();

/** Card frame → background, over its port. */
export const cardFrameMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame/size'), height: z.number().nonnegative().max(10_000) }).strict(),
  z.object({ type: z.literal('frame/close') }).strict(),
  z.object({ type: z.literal('frame/feedback'), verdict: z.enum(feedbackVerdicts) }).strict(),
  z.object({ type: z.literal('frame/related'), entityId }).strict(),
  z
    .object({
      type: z.literal('frame/open-excerpt'),
      articleId: z.string().min(1).max(300),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    })
    .strict(),
  // The card's timeline link: opened at the point the background put on the card, never at the frame's word.
  z.object({ type: z.literal('frame/open-timeline') }).strict(),
  // "Import this page": the background reads the tab's page and sends it back as `card/page`.
  z.object({ type: z.literal('frame/import-page') }).strict(),
  // The article the frame read from that page (Readability needs a DOM); the background imports it.
  // Its address is the tab's, taken by the background from the browser, never from this message.
  z
    .object({
      type: z.literal('frame/import-draft'),
      text: z
        .string()
        .min(1)
        .max(5 * 1024 * 1024),
      title: z.string().max(1_000).optional(),
      outlet: z.string().max(300).optional(),
      byline: z.string().max(300).optional(),
      language: z.string().max(35).optional(),
      published: z.string().max(100).optional(),
    })
    .strict(),
]);
export type CardFrameMessage = z.infer<typeof cardFrameMessage>;

/** Background → content script: what the card frame asked for. Checked by hand there (lib/extension/content-message-guards.ts). */
export type CardHostRequest =
  | { type: 'card/size'; height: number }
  | { type: 'card/close' }
  | { type: 'card/suppress'; entityId: string };

export const backgroundRequest = z.discriminatedUnion('type', [
  indexStatusRequest,
  annotatorConfigRequest,
  entityCardRequest,
  annotationsUpdatedMessage,
  feedbackAddRequest,
  readerOpenRequest,
  sitePauseRequest,
  siteAnnotateRequest,
  siteStateRequest,
  catalogChangedMessage,
  cardOpenRequest,
  cardClosedMessage,
  cardUiRequest,
  matcherScanRequest,
  matcherResolveRequest,
]);
export type BackgroundRequest = z.infer<typeof backgroundRequest>;

/**
 * The one request → response map for the background: what each request
 * answers. `sendToBackground` (extension-messaging.ts) takes its return type
 * from here and checks the answer against it; the background's wiring test
 * checks every handler's answer against it too.
 */
export const backgroundResponses = {
  'index/status': indexStatusResponse,
  'annotator/config': annotatorConfigResponse,
  'entity/card': entityCardSchema.nullable(),
  'annotations/updated': z.boolean(),
  'feedback/add': z.boolean(),
  'reader/open': z.boolean(),
  'site/pause': z.boolean(),
  'site/annotate': z.boolean(),
  'site/state': siteStateResponse,
  'catalog/changed': z.boolean(),
  /** Null when the sender is not a tab's content script. */
  'matcher/scan': z.array(z.array(candidateSchema)).nullable(),
  'matcher/resolve': z
    .array(
      z.array(
        z.object({ start: z.number().int(), end: z.number().int(), entityId: z.string(), alias: z.string() }).strict(),
      ),
    )
    .nullable(),
  'card/open': z.boolean(),
  'card/closed': z.boolean(),
  'card/ui': z.boolean(),
} satisfies { [Type in BackgroundRequest['type']]: z.ZodType };
export type BackgroundResponse<Type extends BackgroundRequest['type']> = z.output<(typeof backgroundResponses)[Type]>;

// --- Answered by the content script -----------------------------------------

export const annotationsGetRequest = z.object({ type: z.literal('annotations/get') }).strict();

export const annotationsGetResponse = z
  .object({
    url: z.string(),
    relevant: z.boolean(),
    /** The page's relevance score and why (issue #12); absent before the first pass. */
    relevance: z
      .object({ score: z.number(), reasons: z.array(z.string()) })
      .strict()
      .optional(),
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
        /** The step that task was, so a report of a long task says where to look. */
        longestTaskStep: z.string().max(40),
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

/** What each content-script request answers (`sendToTab` takes its types from here). */
export const contentResponses = {
  'annotations/get': annotationsGetResponse,
  /** False when there is no mention to go to. */
  'mention/step': z.boolean(),
  'mention/show-entity': z.boolean(),
  'annotator/refresh': z.boolean(),
} satisfies { [Type in ContentRequest['type']]: z.ZodType };
export type ContentResponse<Type extends ContentRequest['type']> = z.output<(typeof contentResponses)[Type]>;

/** The name of the card frame's port to the background. */
export const CARD_FRAME_PORT = 'card-frame';
