import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SyncAdmin } from "@/components/admin-sync/sync-admin";
import { AdminPage } from "@/components/admin/admin-page";
import { pageAccess } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sync");
  return { title: `${t("title")} · Callboard` };
}

/** The call store's sync, for admins: its data comes from /api/admin/sync. */
export default async function SyncAdminPage() {
  const access = await pageAccess("sync.manage");
  const t = await getTranslations("admin.sync");
  return (
    <AdminPage access={access} permission="sync.manage" title={t("title")} lead={t("subtitle")}>
      <SyncAdmin />
    </AdminPage>
  );
}
