import { useLocale, useTranslations } from "next-intl";

import { buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import type { AuditCsvRow } from "@/lib/audit/csv";
import { formatDateTime } from "@/lib/format/date-time";

/**
 * The audit trail's page body: a plain GET form of filters (so the URL holds them, like
 * every view in Callboard), one page of entries, the pager and the CSV export of all that
 * match. Server-rendered: no script needed to read the trail.
 */
export type AuditEntryView = AuditCsvRow;

export interface AuditViewProps {
  /** The form's values as the URL had them. */
  form: { user: string; action: string; callId: string; from: string; to: string };
  /** The problem with the URL's filters, if any (named parameter and sentence). */
  problem?: { param: string; message: string };
  events: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
  /** The filters as a query string (without page), for the pager and the export. */
  query: string;
  timeZone: string;
}

/** next-intl reads dots as nesting: `sign-in.failed` is `sign-in_failed` in the messages. */
export function actionKey(action: string): string {
  return action.replaceAll(".", "_");
}

function isAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function AuditView(props: AuditViewProps) {
  const t = useTranslations("admin.audit");
  const locale = useLocale();
  const { form, events, total, page, pageSize, query, timeZone } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (n: number) => `/admin/audit?${query}${query ? "&" : ""}page=${n}`;
  const label = (action: string) =>
    isAction(action) ? t(`actions.${actionKey(action) as "sign-in"}`) : action;

  return (
    <div className="flex flex-col gap-4">
      <form
        method="get"
        action="/admin/audit"
        className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
        data-testid="audit-filters"
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("filters.user")}
          <Input
            name="user"
            defaultValue={form.user}
            dir="auto"
            aria-invalid={props.problem?.param === "user" || undefined}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("filters.action")}
          <Select name="action" defaultValue={form.action}>
            <option value="">{t("filters.anyAction")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {label(action)}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("filters.callId")}
          <Input
            name="callId"
            defaultValue={form.callId}
            dir="ltr"
            aria-invalid={props.problem?.param === "callId" || undefined}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("filters.from")}
          <Input
            name="from"
            type="date"
            defaultValue={form.from}
            aria-invalid={props.problem?.param === "from" || undefined}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("filters.to")}
          <Input
            name="to"
            type="date"
            defaultValue={form.to}
            aria-invalid={props.problem?.param === "to" || undefined}
          />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass({ variant: "primary" })}>
            {t("filters.apply")}
          </button>
          <a href="/admin/audit" className={buttonClass({ variant: "link" })}>
            {t("filters.clear")}
          </a>
        </div>
      </form>
      {props.problem ? (
        <p
          role="alert"
          className="text-sm text-red-700 dark:text-red-400"
          data-testid="audit-problem"
        >
          {t("filters.problem", { param: props.problem.param })}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm" data-testid="audit-count" aria-live="polite">
          {t("count", { count: total })}
        </p>
        <a
          href={`/api/audit?${query}${query ? "&" : ""}format=csv`}
          className={buttonClass({ variant: "outline", size: "sm" })}
          data-testid="audit-export"
        >
          {t("export")}
        </a>
      </div>
      <Table aria-label={t("title")} data-testid="audit-table">
        <thead>
          <tr>
            <Th>{t("columns.at")}</Th>
            <Th>{t("columns.who")}</Th>
            <Th>{t("columns.action")}</Th>
            <Th>{t("columns.target")}</Th>
            <Th>{t("columns.details")}</Th>
            <Th>{t("columns.from")}</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row" data-action={event.action}>
              <Td className="whitespace-nowrap tabular-nums">
                {formatDateTime(new Date(event.at).getTime(), { locale, timeZone })}
              </Td>
              <Td>
                <span dir="ltr">{event.actorLabel ?? t("nobody")}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {t(`kinds.${event.actorKind as "user"}`)}
                </span>
              </Td>
              <Td className="whitespace-nowrap">{label(event.action)}</Td>
              <Td dir="ltr" className="font-mono text-xs break-all">
                {event.target}
              </Td>
              <Td dir="ltr" className="max-w-80 font-mono text-xs break-all">
                {event.details ? JSON.stringify(event.details) : null}
              </Td>
              <Td dir="ltr" className="text-xs">
                {event.ip}
                {event.userAgent ? (
                  <span
                    className="block max-w-56 truncate text-slate-500 dark:text-slate-400"
                    title={event.userAgent}
                  >
                    {event.userAgent}
                  </span>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav aria-label={t("pager.label")} className="flex items-center gap-3 text-sm">
        {page > 1 ? (
          <a href={link(page - 1)} className={buttonClass({ size: "sm" })} rel="prev">
            {t("pager.previous")}
          </a>
        ) : null}
        <span>{t("pager.page", { page, pages })}</span>
        {page < pages ? (
          <a
            href={link(page + 1)}
            className={buttonClass({ size: "sm" })}
            rel="next"
            data-testid="audit-next"
          >
            {t("pager.next")}
          </a>
        ) : null}
      </nav>
    </div>
  );
}
