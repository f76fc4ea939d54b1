"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { TOKENS_PATH } from "@/lib/api/admin-requests";
import { sendJson } from "@/lib/api/send-json";
import type { DbTokenSummary } from "@/lib/auth/db-tokens";
import { isRole, type Role } from "@/lib/auth/roles";
import { formText } from "@/lib/form-text";
import { formatDateTime } from "@/lib/format/date-time";

import { FormCard } from "./form-card";
import { RoleSelect } from "./role-select";
import { useAdminRequest } from "./use-admin-request";

export type AdminToken = DbTokenSummary;

export interface EnvToken {
  label: string;
  role: Role;
  lastUsedAt: Date | null;
}

/** Create (shown once), list and revoke API tokens; the environment's are listed read-only. */
export function TokensAdmin({
  tokens,
  environment,
  timeZone,
}: {
  tokens: AdminToken[];
  environment: EnvToken[];
  timeZone: string;
}) {
  const t = useTranslations("admin.tokens");
  const tr = useTranslations("login.roles");
  const locale = useLocale();
  const router = useRouter();
  const request = useAdminRequest();
  const [, startRefresh] = useTransition();
  const [created, setCreated] = useState<{ name: string; token: string } | undefined>();
  const [copied, setCopied] = useState(false);
  const when = (date: Date | null) =>
    date ? formatDateTime(new Date(date).getTime(), { locale, timeZone }) : t("never");

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = formText(data, "name").trim();
    const role = formText(data, "role");
    const answer = await request.run(() =>
      sendJson<{ token: string }>("POST", TOKENS_PATH, {
        name,
        role: isRole(role) ? role : "viewer",
      }),
    );
    if (!answer) return;
    form.reset();
    setCopied(false);
    setCreated({ name, token: answer.token });
    startRefresh(() => router.refresh());
  }

  async function revoke(token: AdminToken) {
    const done = await request.run(() =>
      sendJson("DELETE", `${TOKENS_PATH}/${encodeURIComponent(token.id)}`),
    );
    if (done !== undefined) startRefresh(() => router.refresh());
  }

  return (
    <div className="flex flex-col gap-4">
      <FormCard title={t("create.title")}>
        <form
          onSubmit={(e) => void create(e)}
          className="flex flex-wrap items-end gap-3"
          data-testid="create-token-form"
        >
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
            {t("create.name")}
            <Input name="name" required maxLength={100} autoComplete="off" dir="auto" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("create.role")}
            <RoleSelect name="role" defaultValue="viewer" />
          </label>
          <Button type="submit" variant="primary" disabled={request.pending}>
            {request.pending ? t("create.pending") : t("create.submit")}
          </Button>
        </form>
        <p
          role="alert"
          className="text-sm text-red-700 dark:text-red-400"
          data-testid="tokens-problem"
        >
          {request.problem}
        </p>
        {created ? (
          <div
            className="flex flex-col gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-400/10 dark:text-amber-200"
            data-testid="new-token"
          >
            <p>{t("create.once", { name: created.name })}</p>
            <code
              dir="ltr"
              className="rounded bg-white px-2 py-1 font-mono break-all text-slate-900 dark:bg-slate-950 dark:text-slate-100"
              data-testid="new-token-value"
            >
              {created.token}
            </code>
            <div>
              <Button
                size="sm"
                variant="inherit"
                onClick={() =>
                  void navigator.clipboard.writeText(created.token).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                <span aria-live="polite">{copied ? t("create.copied") : t("create.copy")}</span>
              </Button>
            </div>
          </div>
        ) : null}
      </FormCard>

      <Table
        aria-label={t("title")}
        data-testid="tokens-table"
        columns={[
          t("columns.name"),
          t("columns.role"),
          t("columns.created"),
          t("columns.lastUsed"),
          t("columns.status"),
          t("columns.actions"),
        ]}
      >
        <tbody>
          {tokens.length === 0 ? (
            <tr>
              <Td colSpan={6} className="text-slate-500 dark:text-slate-400">
                {t("none")}
              </Td>
            </tr>
          ) : null}
          {tokens.map((token) => (
            <tr key={token.id} data-testid="token-row" data-name={token.name}>
              <Td dir="auto">{token.name}</Td>
              <Td>{tr(token.role)}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                {when(token.createdAt)}
                {token.createdBy ? (
                  <span className="block text-xs text-slate-500 dark:text-slate-400" dir="ltr">
                    {token.createdBy}
                  </span>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap tabular-nums" data-testid="token-last-used">
                {when(token.lastUsedAt)}
              </Td>
              <Td>
                <Badge tone={token.revokedAt ? "red" : "emerald"}>
                  {token.revokedAt ? t("revoked") : t("active")}
                </Badge>
              </Td>
              <Td>
                {token.revokedAt ? null : (
                  <Button size="sm" onClick={() => void revoke(token)} data-testid="token-revoke">
                    {t("revoke")}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      {environment.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h3 className="font-semibold">{t("environment.title")}</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("environment.lead")}</p>
          <Table
            aria-label={t("environment.title")}
            columns={[t("columns.name"), t("columns.role"), t("environment.lastUsed")]}
          >
            <tbody>
              {environment.map((token) => (
                <tr key={token.label}>
                  <Td dir="ltr">{token.label}</Td>
                  <Td>{tr(token.role)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{when(token.lastUsedAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
