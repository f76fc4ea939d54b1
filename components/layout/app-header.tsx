import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";

import { LanguageSwitcher } from "./language-switcher";

export function AppHeader({ mode }: { mode: "demo" | "live" }) {
  const t = useTranslations("app");
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h1 className="text-lg font-semibold">{t("name")}</h1>
      <span className="text-sm text-slate-500 dark:text-slate-400">{t("tagline")}</span>
      {mode === "demo" ? (
        <Badge tone="amber" title={t("demoHint")} data-testid="demo-badge">
          {t("demoBadge")}
        </Badge>
      ) : null}
      <div className="ms-auto">
        <LanguageSwitcher />
      </div>
    </header>
  );
}
