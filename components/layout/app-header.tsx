import { useTranslations } from "next-intl";
import { Suspense } from "react";

import { Badge } from "@/components/ui/badge";
import type { ClientPrincipal } from "@/lib/auth/principal";

import { AccountMenu } from "./account-menu";
import { AppNav } from "./app-nav";
import { LanguageSwitcher } from "./language-switcher";

/** Callboard's header: the name, the pages the role may open, the account and the language. */
export function AppHeader({
  mode,
  principal,
}: {
  mode: "demo" | "live";
  /** Who is signed in (none on the sign-in page before signing in). */
  principal?: ClientPrincipal;
}) {
  const t = useTranslations("app");
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">{t("name")}</h1>
        <span className="hidden text-sm text-slate-500 lg:inline dark:text-slate-400">
          {t("tagline")}
        </span>
      </div>
      {principal ? (
        <Suspense>
          <AppNav role={principal.role} />
        </Suspense>
      ) : null}
      <div className="ms-auto flex flex-wrap items-center gap-2">
        {mode === "demo" ? (
          <Badge tone="amber" title={t("demoHint")} data-testid="demo-badge">
            {t("demoBadge")}
          </Badge>
        ) : null}
        {principal ? <AccountMenu principal={principal} /> : null}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
