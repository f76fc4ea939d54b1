import { createSerializer } from "nuqs/server";

import { isValidTimeZone } from "@/lib/time/time-zone";
import type { LocalFilters } from "@/lib/view-state/local-filter";
import { viewParsers, type SortEntry } from "@/lib/view-state/parsers";

/**
 * What the paged routes (`/api/calls/page`, `/figures`, `/export`) read beside the
 * `/api/calls` parameters: the page's own filters, sort and thresholds under the names the
 * page's URL gives them (one parser set, lib/view-state/parsers.ts), plus the viewer's zone
 * and language. Pure: the browser writes these, the server reads them.
 */

const PAGED_PARSERS = {
  status: viewParsers.status,
  minDur: viewParsers.minDur,
  maxDur: viewParsers.maxDur,
  agent: viewParsers.agent,
  queueName: viewParsers.queueName,
  when: viewParsers.when,
  sort: viewParsers.sort,
  cols: viewParsers.cols,
  abandonS: viewParsers.abandonS,
  slaS: viewParsers.slaS,
};

export const PAGED_LOCALES = ["en", "he"] as const;
export type PagedLocale = (typeof PAGED_LOCALES)[number];

export interface PagedView {
  filters: LocalFilters;
  sort: SortEntry[];
  cols: string[] | null;
  abandonS: number;
  slaS: number;
  /** IANA zone: buckets, `when` and the export's times. */
  tz: string;
  /** Labels sort and export in the viewer's language. */
  locale: PagedLocale;
}

const writePaged = createSerializer({ ...PAGED_PARSERS });

/** The paged parameters as a query string (without `?`), to append to `/api/calls`'. */
export function pagedSearch(view: PagedView): string {
  const search = new URLSearchParams(
    writePaged({
      ...view.filters,
      sort: view.sort.length ? view.sort : null,
      cols: view.cols,
      abandonS: view.abandonS,
      slaS: view.slaS,
    }),
  );
  search.set("tz", view.tz);
  search.set("locale", view.locale);
  return search.toString();
}

export type PagedParse =
  { ok: true; view: PagedView } | { ok: false; param: string; message: string };

const MESSAGES: Record<keyof typeof PAGED_PARSERS, string> = {
  status: "must be dial statuses of the contract, comma-separated",
  minDur: "must be a whole number of seconds",
  maxDur: "must be a whole number of seconds",
  agent: "must be an agents-table key such as code:1023",
  queueName: "must be a queue name",
  when: "must be weekday-hour, such as 2-14",
  sort: "must be column ids with .asc or .desc, such as Duration.desc,Date",
  cols: "must be column ids, comma-separated",
  abandonS: "must be a whole number of seconds",
  slaS: "must be a whole number of seconds",
};

/** Reads the paged parameters; a present but unreadable one is named. */
export function parsePagedParams(params: URLSearchParams): PagedParse {
  const values: Record<string, unknown> = {};
  for (const [name, parser] of Object.entries(PAGED_PARSERS)) {
    const raw = params.get(name);
    if (raw === null) {
      values[name] = null;
      continue;
    }
    const value: unknown = parser.parse(raw);
    if (value === null) {
      return { ok: false, param: name, message: MESSAGES[name as keyof typeof PAGED_PARSERS] };
    }
    values[name] = value;
  }
  const tz = params.get("tz") ?? "UTC";
  if (!isValidTimeZone(tz)) {
    return { ok: false, param: "tz", message: "must be an IANA time zone such as Asia/Jerusalem" };
  }
  const locale = params.get("locale") ?? "en";
  if (!(PAGED_LOCALES as readonly string[]).includes(locale)) {
    return { ok: false, param: "locale", message: "must be en or he" };
  }
  const v = values as {
    [K in keyof typeof PAGED_PARSERS]: ReturnType<(typeof PAGED_PARSERS)[K]["parse"]>;
  };
  for (const name of ["minDur", "maxDur", "abandonS", "slaS"] as const) {
    const n = v[name];
    if (n !== null && (n < 0 || n > 86_400)) {
      return { ok: false, param: name, message: "must be between 0 and 86400 seconds" };
    }
  }
  return {
    ok: true,
    view: {
      filters: {
        status: v.status,
        minDur: v.minDur,
        maxDur: v.maxDur,
        agent: v.agent,
        queueName: v.queueName,
        when: v.when,
      },
      sort: v.sort ?? [],
      cols: v.cols,
      abandonS: v.abandonS ?? 5,
      slaS: v.slaS ?? 20,
      tz,
      locale: locale as PagedLocale,
    },
  };
}
