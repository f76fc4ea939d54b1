import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { ClientPrincipal } from "@/lib/auth/principal";
import { can, type Permission } from "@/lib/auth/roles";

import { AccountMenu } from "./account-menu";
import { LanguageSwitcher } from "./language-switcher";

/** The pages a role may open, in the order of the navigation. */
const NAV = [
  { id: "calls", href: "/calls", permission: "calls.view" },
  { id: "users", href: "/admin/users", permission: "users.manage" },
  { id: "tokens", href: "/admin/tokens", permission: "tokens.manage" },
  { id: "audit", href: "/admin/audit", permission: "audit.read" },
  { id: "sync", href: "/admin/sync", permission: "sync.manage" },
] as const satisfies readonly { id: string; href: string; permission: Permission }[];

export type NavId = (typeof NAV)[number]["id"];

export function AppHeader({
  mode,
  principal,
  current,
}: {
  mode: "demo" | "live";
  /** Who is signed in (none on the sign-in page before signing in). */
  principal?: ClientPrincipal;
  current?: NavId;
}) {
  const t = useTranslations("app");
  const ta = useTranslations("account");
  const links = principal ? NAV.filter((item) => can(principal.role, item.permission)) : [];
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h1 className="text-lg font-semibold">{t("name")}</h1>
      <span className="text-sm text-slate-500 dark:text-slate-400">{t("tagline")}</span>
      {mode === "demo" ? (
        <Badge tone="amber" title={t("demoHint")} data-testid="demo-badge">
          {t("demoBadge")}
        </Badge>
      ) : null}
      {links.length > 1 ? (
        <nav aria-label={ta("nav.label")} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-1 text-sm">
            {links.map((item) => (
              <li key={item.id}>
                <a
                  href={item.href}
                  aria-current={item.id === current ? "page" : undefined}
                  data-testid={`nav-${item.id}`}
                  className="rounded-md px-2 py-1 text-sky-800 hover:bg-sky-50 aria-[current=page]:bg-sky-700 aria-[current=page]:text-white dark:text-sky-300 dark:hover:bg-sky-900/40 dark:aria-[current=page]:bg-sky-700 dark:aria-[current=page]:text-white"
                >
                  {ta(`nav.${item.id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="ms-auto flex flex-wrap items-center gap-2">
        {principal ? <AccountMenu principal={principal} /> : null}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
