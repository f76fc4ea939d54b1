import { useTranslations } from "next-intl";
import { Suspense } from "react";

import { Badge } from "@/components/ui/badge";

import { AppNav } from "./app-nav";
import { LanguageSwitcher } from "./language-switcher";

export function AppHeader({ mode }: { mode: "demo" | "live" }) {
  const t = useTranslations("app");
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <div className="flex items-baseline gap-3">
        <p className="text-lg font-semibold">{t("name")}</p>
        <span className="hidden text-sm text-slate-500 lg:inline dark:text-slate-400">
          {t("tagline")}
        </span>
      </div>
      <Suspense>
        <AppNav />
      </Suspense>
      <div className="ms-auto flex items-center gap-3">
        {mode === "demo" ? (
          <Badge tone="amber" title={t("demoHint")} data-testid="demo-badge">
            {t("demoBadge")}
          </Badge>
        ) : null}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
