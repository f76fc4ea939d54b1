import { useTranslations } from "next-intl";

import { PERMISSIONS, type Permission, type Role } from "@/lib/auth/roles";

/** A page the role may not open: says which role it needs (the data was never loaded). */
export function NotAllowed({ role, permission }: { role: Role; permission: Permission }) {
  const t = useTranslations("account.notAllowed");
  const tr = useTranslations("login.roles");
  return (
    <main
      className="mx-auto flex w-full max-w-xl flex-col gap-3 px-4 py-10"
      data-testid="not-allowed"
    >
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {t("body", { role: tr(role), needs: tr(PERMISSIONS[permission]) })}
      </p>
    </main>
  );
}
