"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";

import { AppLink } from "@/components/ui/app-link";
import { DASHBOARD_PAGES, dashboardHref } from "@/lib/navigation/dashboard-pages";

/** The dashboard's pages; each link carries the current filters over (see dashboardHref). */
export function AppNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const search = useSearchParams();
  return (
    <nav aria-label={t("label")} className="order-last w-full sm:order-none sm:w-auto">
      <ul className="flex gap-1">
        {DASHBOARD_PAGES.map((page) => {
          const current = pathname === page.path;
          return (
            <li key={page.path}>
              <AppLink
                href={dashboardHref(page.path, search.toString())}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "inline-flex rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500",
                  current
                    ? "bg-sky-700 text-white"
                    : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
                )}
              >
                {t(page.label)}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
