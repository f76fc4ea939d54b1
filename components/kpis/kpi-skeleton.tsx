import { useTranslations } from "next-intl";

/** The KPI strip's place while its code or the calls load: the same height, no figures. */
export function KpiSkeleton() {
  const t = useTranslations("kpis");
  return (
    <section aria-label={t("title")} aria-busy="true" data-testid="kpi-skeleton">
      <p className="sr-only">{t("loading")}</p>
      <div className="grid gap-3 lg:grid-cols-2">
        {[8, 3, 3].map((tiles, group) => (
          <div key={group} className={group === 0 ? "lg:col-span-2" : undefined}>
            <div className="mb-1.5 h-4 w-40 rounded bg-slate-100 dark:bg-slate-800" />
            <div
              className={
                group === 0
                  ? "grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-8"
                  : "grid grid-cols-2 gap-2 sm:grid-cols-3"
              }
            >
              {Array.from({ length: tiles }, (_, i) => (
                <div
                  key={i}
                  className="h-[5.75rem] animate-pulse rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900"
                />
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
