"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import { USERS_PATH, type ChangeUser } from "@/lib/api/admin-requests";
import { sendJson } from "@/lib/api/send-json";
import { isRole } from "@/lib/auth/roles";
import type { UserSummary } from "@/lib/auth/users";
import { formatDateTime } from "@/lib/format/date-time";

import { AddUserForm } from "./add-user-form";
import { useAdminError } from "./admin-error";
import { RoleSelect } from "./role-select";

/** A user as the page lists them (lib/auth/users.ts). */
export type AdminUser = Omit<UserSummary, "createdAt">;

/** Add local users, re-role them, disable or enable anyone; every change is audited on the server. */
export function UsersAdmin({
  users,
  selfId,
  timeZone,
}: {
  users: AdminUser[];
  selfId: string | undefined;
  timeZone: string;
}) {
  const t = useTranslations("admin.users");
  const tr = useTranslations("login.roles");
  const locale = useLocale();
  const router = useRouter();
  const explain = useAdminError();
  const [refreshing, startRefresh] = useTransition();
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | undefined>();

  async function change(user: AdminUser, body: ChangeUser, done: string) {
    setBusy(user.id);
    setNotice(undefined);
    const result = await sendJson("PATCH", `${USERS_PATH}/${encodeURIComponent(user.id)}`, body);
    setBusy(undefined);
    setNotice(
      result.ok ? { text: done, problem: false } : { text: explain(result), problem: true },
    );
    if (result.ok) startRefresh(() => router.refresh());
  }

  return (
    <div className="flex flex-col gap-4">
      <AddUserForm
        onAdded={(email) => {
          setNotice({ text: t("added", { email }), problem: false });
          startRefresh(() => router.refresh());
        }}
      />
      <p
        role={notice?.problem ? "alert" : "status"}
        className={
          notice?.problem
            ? "text-sm text-red-700 dark:text-red-400"
            : "text-sm text-emerald-800 dark:text-emerald-300"
        }
        data-testid="users-notice"
      >
        {notice?.text}
      </p>
      <Table
        aria-label={t("title")}
        aria-busy={refreshing}
        data-testid="users-table"
        columns={[
          t("columns.email"),
          t("columns.role"),
          t("columns.signIn"),
          t("columns.status"),
          t("columns.lastSignIn"),
          t("columns.actions"),
        ]}
      >
        <tbody>
          {users.map((user) => {
            const self = user.id === selfId;
            return (
              <tr key={user.id} data-testid="user-row" data-email={user.email}>
                <Td>
                  <span dir="ltr">{user.email}</span>
                  {user.name && user.name !== user.email.split("@")[0] ? (
                    <span className="block text-xs text-slate-500 dark:text-slate-400" dir="auto">
                      {user.name}
                    </span>
                  ) : null}
                  {self ? (
                    <span className="ms-1 text-xs text-slate-500 dark:text-slate-400">
                      ({t("you")})
                    </span>
                  ) : null}
                </Td>
                <Td>
                  {user.signIn.password && !self ? (
                    <label>
                      <span className="sr-only">{t("changeRole", { email: user.email })}</span>
                      <RoleSelect
                        value={user.role ?? ""}
                        disabled={busy === user.id}
                        data-testid="user-role"
                        onChange={(event) => {
                          const role = event.target.value;
                          if (isRole(role))
                            void change(
                              user,
                              { role },
                              t("roleChanged", { email: user.email, role: tr(role) }),
                            );
                        }}
                      />
                    </label>
                  ) : (
                    <span data-testid="user-role-text">
                      {user.role ? tr(user.role) : t("noRole")}
                      {!user.signIn.password ? (
                        <span className="ms-1 text-xs text-slate-500 dark:text-slate-400">
                          ({t("fromGroups")})
                        </span>
                      ) : null}
                    </span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {[user.signIn.password ? t("password") : "", user.signIn.sso ? t("sso") : ""]
                    .filter(Boolean)
                    .join(" · ")}
                </Td>
                <Td>
                  <Badge tone={user.disabled ? "red" : "emerald"}>
                    {user.disabled ? t("disabled") : t("active")}
                  </Badge>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {user.lastSignInAt
                    ? formatDateTime(new Date(user.lastSignInAt).getTime(), { locale, timeZone })
                    : t("never")}
                </Td>
                <Td>
                  {self ? null : (
                    <Button
                      size="sm"
                      disabled={busy === user.id}
                      data-testid={user.disabled ? "user-enable" : "user-disable"}
                      onClick={() =>
                        void change(
                          user,
                          { disabled: !user.disabled },
                          t(user.disabled ? "enabled" : "disabledNow", { email: user.email }),
                        )
                      }
                    >
                      {user.disabled ? t("enable") : t("disable")}
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
