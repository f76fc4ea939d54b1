import { wallTimeToEpoch } from "@/lib/time/time-zone";

import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "./actions";

/**
 * The audit trail's filters, read from a query string the same way for `GET /api/audit` and
 * the /admin/audit page: user, action, call id, time range, page. Pure; a wrong value is
 * named with what it must be.
 */
export interface AuditFilters {
  /** An actor's id, or part of their label (e-mail, token name), case-insensitive. */
  user?: string;
  actions: AuditAction[];
  /** What was acted on: a call id (or a user or token id). */
  callId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditQuery extends AuditFilters {
  page: number;
  pageSize: number;
}

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 500;

export type AuditQueryResult =
  { ok: true; query: AuditQuery } | { ok: false; param: string; message: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant with an offset, or a calendar date in `timeZone` (its start; `to`: its end, inclusive). */
function parseTime(text: string, end: boolean, timeZone: string): Date | undefined {
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
    const start = wallTimeToEpoch({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
    if (!end) return new Date(start);
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    const wall = {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    };
    return new Date(wallTimeToEpoch(wall, timeZone) - 1);
  }
  if (!INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function text(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name).map((v) => v.trim());
  return values.find((v) => v !== "");
}

function positive(raw: string | undefined, fallback: number, max: number): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d{1,6}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : undefined;
}

export function parseAuditQuery(params: URLSearchParams, timeZone: string): AuditQueryResult {
  const fail = (param: string, message: string): AuditQueryResult => ({
    ok: false,
    param,
    message,
  });
  const user = text(params, "user");
  if (user !== undefined && user.length > 200)
    return fail("user", "must be at most 200 characters");
  const callId = text(params, "callId");
  if (callId !== undefined && !/^[\x21-\x7e]{1,128}$/.test(callId)) {
    return fail("callId", "must be 1–128 visible characters without spaces");
  }
  const actions: AuditAction[] = [];
  for (const value of params.getAll("action").flatMap((v) => v.split(","))) {
    const action = value.trim();
    if (action === "") continue;
    if (!isAuditAction(action)) return fail("action", `must be one of ${AUDIT_ACTIONS.join(", ")}`);
    if (!actions.includes(action)) actions.push(action);
  }
  const times: { from?: Date; to?: Date } = {};
  for (const name of ["from", "to"] as const) {
    const raw = text(params, name);
    if (raw === undefined) continue;
    const time = parseTime(raw, name === "to", timeZone);
    if (!time) {
      return fail(
        name,
        "must be a date (2026-03-01) or an instant with an offset (2026-03-01T08:00:00Z)",
      );
    }
    times[name] = time;
  }
  if (times.from && times.to && times.from > times.to) return fail("to", "must not be before from");
  const page = positive(text(params, "page"), 1, 100_000);
  if (page === undefined) return fail("page", "must be a whole number from 1");
  const pageSize = positive(text(params, "pageSize"), AUDIT_PAGE_SIZE, AUDIT_MAX_PAGE_SIZE);
  if (pageSize === undefined) {
    return fail("pageSize", `must be a whole number from 1 to ${AUDIT_MAX_PAGE_SIZE}`);
  }
  return { ok: true, query: { user, actions, callId, ...times, page, pageSize } };
}

/** The query string of filters (without the page), to link pages and the export. */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.user) params.set("user", filters.user);
  for (const action of filters.actions) params.append("action", action);
  if (filters.callId) params.set("callId", filters.callId);
  if (filters.from) params.set("from", filters.from.toISOString());
  if (filters.to) params.set("to", filters.to.toISOString());
  return params;
}
