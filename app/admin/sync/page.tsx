import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SyncAdmin } from "@/components/admin-sync/sync-admin";
import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/providers";
import { getUpstream } from "@/lib/server/upstream";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sync");
  return { title: `${t("title")} · Callboard` };
}

/** The call store's sync, for admins: its data comes from /api/admin/sync (admin only). */
// admin only
export default function SyncAdminPage() {
  return (
    <>
      <AppHeader mode={getUpstream().mode} />
      <Providers>
        <SyncAdmin />
      </Providers>
    </>
  );
}
