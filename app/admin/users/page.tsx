import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AdminPage } from "@/components/admin/admin-page";
import { UsersAdmin } from "@/components/admin/users-admin";
import { pageAccess } from "@/lib/auth/page-access";
import { principalSubject } from "@/lib/auth/principal";
import { listUsers } from "@/lib/auth/users";
import { getDatabase } from "@/lib/db";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: `${t("title")} · Callboard` };
}

export default async function UsersPage() {
  const access = await pageAccess("users.manage");
  const t = await getTranslations("admin.users");
  const users = access.allowed ? await listUsers(await getDatabase()) : [];
  const self = access.principal.kind === "user" ? principalSubject(access.principal) : null;
  return (
    <AdminPage access={access} permission="users.manage" title={t("title")} lead={t("lead")}>
      <UsersAdmin
        users={users}
        selfId={self ?? undefined}
        timeZone={serverEnv().CALLBOARD_TIMEZONE}
      />
    </AdminPage>
  );
}
