import * as z from 'zod/mini';
import type { EntityCard } from '@/lib/corpus/entity-card';
import type { DatePrecision, EntityKind } from '@/lib/model/knowledge-base';

/**
 * What the background sends the card page over its port (issue #13), checked
 * with Zod Mini: the same rules as the classic schemas in
 * lib/extension/messages.ts and lib/corpus/entity-card.ts, without the
 * classic Zod bundle (about 127 KB with every schema of the extension) that
 * the card page used to load, evaluate and parse before its first paint on
 * every hover. tests/unit/entrypoints/card-messages.test.ts checks that both
 * accept and refuse the same messages, and the types below that the result
 * is an EntityCard.
 *
 * The lists are repeated here because their modules (lib/model/knowledge-base.ts,
 * lib/corpus/source-differences.ts) evaluate classic Zod schemas when imported;
 * the test checks they are the same lists.
 */
export const cardEntityKinds = ['person', 'organisation', 'place', 'event'] as const satisfies readonly EntityKind[];
export const cardDatePrecisions = ['day', 'month', 'year', 'unknown'] as const satisfies readonly DatePrecision[];
export const cardDifferenceKinds = ['figure', 'date', 'first-in', 'chair', 'attendance', 'place'] as const;

const count = () => z.int().check(z.gte(0));
const precision = z.enum(cardDatePrecisions);

const excerpt = z.strictObject({
  articleId: z.string(),
  articleTitle: z.string(),
  outlet: z.string(),
  date: z.nullable(z.string()),
  precision,
  before: z.string(),
  mention: z.string(),
  after: z.string(),
  start: count(),
  end: count(),
});

const quote = z.strictObject({
  articleId: z.string(),
  outlet: z.string(),
  date: z.nullable(z.string()),
  precision,
  text: z.string(),
  start: count(),
  end: count(),
});

const timelineEvent = z.strictObject({
  id: z.string(),
  name: z.string(),
  date: z.string(),
  end: z.optional(z.string()),
  precision,
});

export const cardSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(cardEntityKinds),
  role: z.string(),
  background: z.string(),
  date: z.optional(z.strictObject({ start: z.string(), end: z.optional(z.string()), precision })),
  excerpts: z.array(excerpt),
  related: z.array(z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(cardEntityKinds) })),
  excerptTotal: count(),
  differences: z.optional(
    z.array(
      z.strictObject({
        kind: z.enum(cardDifferenceKinds),
        verdict: z.enum(['conflict', 'changed-over-time']),
        what: z.string(),
        a: quote,
        b: quote,
      }),
    ),
  ),
  onTimeline: z.optional(
    z.strictObject({
      pointId: z.string(),
      date: z.string(),
      precision,
      before: z.array(timelineEvent),
      after: z.array(timelineEvent),
    }),
  ),
  latestSource: z.optional(z.strictObject({ date: z.string(), precision })),
});

// The checked card is what the card component renders (a compile error here means the two schemas drifted).
const _sameCard: EntityCard = {} as z.infer<typeof cardSchema>;
const _sameCardBack: z.infer<typeof cardSchema> = {} as EntityCard;
void _sameCard;
void _sameCardBack;

/** As `cardFrameShowMessage` with its card checked as `entityCardSchema` (null: the entity is unknown). */
export const cardShowMessage = z.strictObject({
  type: z.literal('card/show'),
  entityId: z.string().check(z.minLength(1), z.maxLength(200)),
  pinned: z.boolean(),
  card: z.nullable(cardSchema),
  pageDate: z.optional(
    z.strictObject({
      date: z
        .string()
        .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a page date is YYYY-MM or YYYY-MM-DD')),
      precision: z.enum(['month', 'day']),
    }),
  ),
});

/** As `cardFramePageMessage`: the page as the browser serialised it, to read its article. */
export const cardPageMessage = z.strictObject({
  type: z.literal('card/page'),
  url: z.url().check(z.maxLength(8_192)),
  html: z.string().check(z.maxLength(50_000_000)),
});

/** As `cardFrameImportedMessage`: what the import of the page did. */
export const cardImportedMessage = z.strictObject({
  type: z.literal('card/imported'),
  status: z.string().check(z.maxLength(2_000)),
});
