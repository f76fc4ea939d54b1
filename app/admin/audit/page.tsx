import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AdminPage } from "@/components/admin/admin-page";
import { AuditView } from "@/components/admin/audit-view";
import { parseAuditQuery } from "@/lib/audit/filters";
import { listAuditEvents } from "@/lib/audit/query";
import { pageAccess } from "@/lib/auth/page-access";
import { getDatabase } from "@/lib/db";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: `${t("title")} · Callboard` };
}

type SearchParams = Record<string, string | string[] | undefined>;

const FILTERS = ["user", "action", "callId", "from", "to"] as const;

/** The filters as the URL wrote them (dates as typed), for the pager and the export links. */
function filterQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of FILTERS)
    for (const value of params.getAll(name)) if (value) kept.append(name, value);
  return kept.toString();
}

function toParams(search: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      params.append(key, v);
  }
  return params;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await pageAccess("audit.read");
  const t = await getTranslations("admin.audit");
  const timeZone = serverEnv().CALLBOARD_TIMEZONE;
  const params = toParams(await searchParams);
  const parsed = parseAuditQuery(params, timeZone);
  const query = parsed.ok ? parsed.query : { actions: [], page: 1, pageSize: 50 };
  const result =
    access.allowed && parsed.ok
      ? await listAuditEvents(await getDatabase(), query)
      : { events: [], total: 0, page: 1, pageSize: 50 };
  const form = {
    user: params.get("user") ?? "",
    action: params.get("action") ?? "",
    callId: params.get("callId") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  return (
    <AdminPage access={access} permission="audit.read" title={t("title")} lead={t("lead")}>
      <AuditView
        form={form}
        problem={parsed.ok ? undefined : { param: parsed.param, message: parsed.message }}
        events={result.events}
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        query={parsed.ok ? filterQuery(params) : ""}
        timeZone={timeZone}
      />
    </AdminPage>
  );
}
