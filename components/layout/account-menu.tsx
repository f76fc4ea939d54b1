"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { signInWithPassword } from "@/components/login/sign-in-requests";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { sendJson } from "@/lib/api/send-json";
import { SIGN_OUT_PATH } from "@/lib/auth/auth-routes";
import { DEMO_PASSWORD, demoEmail } from "@/lib/auth/demo-accounts";
import { LOGIN_PATH } from "@/lib/auth/next-path";
import type { ClientPrincipal } from "@/lib/auth/principal";
import { isRole, ROLES } from "@/lib/auth/roles";

/**
 * Who is signed in and with which role, sign-out, and in demo mode the role switcher (the
 * seeded demo accounts, or back to the visitor who may do everything an admin may).
 */
export function AccountMenu({ principal }: { principal: ClientPrincipal }) {
  const t = useTranslations("account");
  const tr = useTranslations("login.roles");
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const demo = principal.mode === "demo";
  const visitor = principal.kind === "demo-visitor";

  async function signOut(then: string) {
    setPending(true);
    const done = await sendJson("POST", SIGN_OUT_PATH, {});
    if (!done.ok) {
      setPending(false);
      setFailed(true);
      return;
    }
    window.location.assign(then);
  }

  async function tryAs(choice: string) {
    if (choice === "visitor") return signOut(window.location.href);
    if (!isRole(choice)) return;
    setPending(true);
    const result = await signInWithPassword(demoEmail(choice), DEMO_PASSWORD, window.location.href);
    if (result.ok) {
      window.location.reload();
      return;
    }
    setPending(false);
    setFailed(true);
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="account">
      <span className="max-w-48 truncate" data-testid="account-label" dir="auto">
        {visitor ? t("visitor") : principal.label}
      </span>
      <Badge tone={principal.role === "admin" ? "violet" : "sky"} data-testid="account-role">
        {tr(principal.role)}
      </Badge>
      {demo ? (
        <label className="flex items-center gap-1">
          <span className="sr-only">{t("tryAs")}</span>
          <Select
            value={visitor ? "visitor" : principal.role}
            disabled={pending}
            onChange={(event) => void tryAs(event.target.value)}
            data-testid="demo-role-switcher"
          >
            <option value="visitor">{t("visitorOption")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t("demoAs", { role: tr(role) })}
              </option>
            ))}
          </Select>
        </label>
      ) : null}
      {principal.kind === "user" && !demo ? (
        <Button
          size="sm"
          disabled={pending}
          onClick={() => void signOut(LOGIN_PATH)}
          data-testid="sign-out"
        >
          {pending ? t("signingOut") : t("signOut")}
        </Button>
      ) : null}
      {failed ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {t("failed")}
        </span>
      ) : null}
    </div>
  );
}
