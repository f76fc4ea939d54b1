import * as z from "zod/mini";

/**
 * The admin sync page's data (`GET /api/admin/sync`) and its "re-sync this range" request
 * (`POST /api/admin/sync/resync`), shared by the server that writes them and the page that
 * reads them. Pure, and zod/mini for the browser.
 */

const instant = z.nullable(z.string());

export const coverageSpanSchema = z.object({
  from: z.string(),
  to: z.string(),
  fetchedAt: z.string(),
  complete: z.boolean(),
  settled: z.boolean(),
});

export const requestHourSchema = z.object({
  hour: z.string(),
  sync: z.number(),
  backfill: z.number(),
  interactive: z.number(),
  failed: z.number(),
});

export const syncErrorSchema = z.object({
  at: z.string(),
  purpose: z.string(),
  outcome: z.string(),
  error: z.string(),
  from: instant,
  to: instant,
});

export const adminSyncReportSchema = z.object({
  now: z.string(),
  enabled: z.boolean(),
  settings: z.object({
    syncIntervalSeconds: z.number(),
    overlapMinutes: z.number(),
    backfillDays: z.number(),
    retentionDays: z.number(),
  }),
  upstream: z.object({
    reachable: z.nullable(z.boolean()),
    lastAnswerAt: instant,
    error: z.optional(z.string()),
    refusedIp: z.optional(z.string()),
  }),
  budget: z.object({
    limit: z.number(),
    used: z.number(),
    windowSeconds: z.number(),
    byPurpose: z.object({ interactive: z.number(), sync: z.number(), backfill: z.number() }),
  }),
  sync: z.object({
    enabled: z.boolean(),
    leading: z.optional(z.boolean()),
    leader: z.optional(z.string()),
    syncedTo: z.optional(instant),
    lagSeconds: z.optional(z.nullable(z.number())),
    healthy: z.optional(z.boolean()),
    lastSuccessAt: z.optional(instant),
    lastErrorAt: z.optional(instant),
    lastError: z.optional(z.string()),
  }),
  backfill: z.object({ done: z.boolean(), remainingHours: z.number(), horizon: instant }),
  coverage: z.array(coverageSpanSchema),
  requestsPerHour: z.array(requestHourSchema),
  errors: z.array(syncErrorSchema),
});
export type AdminSyncReport = z.infer<typeof adminSyncReportSchema>;

/** The longest range one re-sync may ask for (a week of a busy center: a few requests). */
export const MAX_RESYNC_DAYS = 7;

export const resyncRequestSchema = z.object({ from: z.string(), to: z.string() });

export const resyncResultSchema = z.object({
  calls: z.number(),
  requests: z.number(),
  complete: z.boolean(),
});
export type ResyncResult = z.infer<typeof resyncResultSchema>;
