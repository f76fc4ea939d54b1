"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";

import { AppLink } from "@/components/ui/app-link";
import { can, type Role } from "@/lib/auth/roles";
import { ADMIN_PAGES, DASHBOARD_PAGES, dashboardHref } from "@/lib/navigation/dashboard-pages";

const LINK =
  "inline-flex rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500";
const CURRENT = "bg-sky-700 text-white";
const OTHER = "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * The pages the role may open: the dashboard's (each link carries the current filters over,
 * see dashboardHref), then the admin pages.
 */
export function AppNav({ role }: { role: Role }) {
  const t = useTranslations("nav");
  const ta = useTranslations("account.nav");
  const pathname = usePathname();
  const search = useSearchParams();
  const dashboard = DASHBOARD_PAGES.filter((page) => can(role, page.permission));
  const admin = ADMIN_PAGES.filter((page) => can(role, page.permission));
  return (
    <nav aria-label={t("label")} className="order-last w-full sm:order-none sm:w-auto">
      <ul className="flex flex-wrap gap-1">
        {dashboard.map((page) => (
          <li key={page.path}>
            <AppLink
              href={dashboardHref(page.path, search.toString())}
              aria-current={pathname === page.path ? "page" : undefined}
              data-testid={`nav-${page.label}`}
              className={clsx(LINK, pathname === page.path ? CURRENT : OTHER)}
            >
              {t(page.label)}
            </AppLink>
          </li>
        ))}
        {admin.map((page) => (
          <li key={page.path}>
            <AppLink
              href={page.path}
              aria-current={pathname === page.path ? "page" : undefined}
              data-testid={`nav-${page.id}`}
              className={clsx(LINK, pathname === page.path ? CURRENT : OTHER)}
            >
              {ta(page.id)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
