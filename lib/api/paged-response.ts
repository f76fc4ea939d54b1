import * as z from "zod/mini";

/**
 * The answers of the paged routes (views beyond CALLBOARD_PAGED_THRESHOLD), parsed in the
 * browser as every answer of the API is. Pure, zod/mini for the browser.
 */

export const pagedModeSchema = z.object({
  count: z.number(),
  threshold: z.number(),
  paged: z.boolean(),
  available: z.boolean(),
  reason: z.optional(z.string()),
  /** Parts of the range the store holds no complete fetch of, longest first (at most 5). */
  missing: z.optional(z.array(z.object({ from: z.number(), to: z.number() }))),
});
export type PagedModeAnswer = z.infer<typeof pagedModeSchema>;

const callSchema = z.looseObject({ CallID: z.string(), HasRecording: z.boolean() });

export const pagedPageSchema = z.object({
  calls: z.array(callSchema),
  total: z.number(),
  offset: z.number(),
});

const outcomeCounts = {
  answered: z.number(),
  missed: z.number(),
  abandoned: z.number(),
  failed: z.number(),
};

export const pagedChartsSchema = z.object({
  records: z.number(),
  volume: z.object({
    unit: z.enum(["hour", "day"]),
    timeZone: z.string(),
    buckets: z.array(
      z.object({
        start: z.number(),
        end: z.number(),
        wall: z.looseObject({ year: z.number(), month: z.number(), day: z.number() }),
        total: z.number(),
        ...outcomeCounts,
      }),
    ),
    outside: z.number(),
    undated: z.number(),
  }),
  statuses: z.array(
    z.object({ known: z.boolean(), status: z.string(), outcome: z.string(), count: z.number() }),
  ),
  histogram: z.object({
    bins: z.array(
      z.object({ fromSeconds: z.number(), toSeconds: z.nullable(z.number()), count: z.number() }),
    ),
    counted: z.number(),
    withoutDuration: z.number(),
  }),
});

export const pagedConversationFiguresSchema = z.object({
  kpis: z.looseObject({ inbound: z.looseObject({}), outbound: z.looseObject({}) }),
  callbacks: z.looseObject({}),
  heatmap: z.looseObject({ timeZone: z.string(), cells: z.array(z.looseObject({})) }),
  conversations: z.number(),
});

/**
 * Instead of the conversation figures: the range has more records than the server groups
 * at once (CALLBOARD_FIGURES_MAX_RECORDS, `max`); the charts, pages and export still serve it.
 */
export const pagedConversationsLimitedSchema = z.object({
  limited: z.object({ records: z.number(), max: z.number() }),
});

export const pagedConversationsSchema = z.union([
  pagedConversationFiguresSchema,
  pagedConversationsLimitedSchema,
]);
