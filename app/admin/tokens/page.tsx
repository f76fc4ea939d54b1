import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AdminPage } from "@/components/admin/admin-page";
import { TokensAdmin } from "@/components/admin/tokens-admin";
import { authConfig } from "@/lib/auth/config";
import { pageAccess } from "@/lib/auth/page-access";
import { tokensView } from "@/lib/auth/tokens-view";
import { getDatabase } from "@/lib/db";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.tokens");
  return { title: `${t("title")} · Callboard` };
}

export default async function TokensPage() {
  const access = await pageAccess("tokens.manage");
  const t = await getTranslations("admin.tokens");
  const view = access.allowed
    ? await tokensView(await getDatabase(), authConfig())
    : { tokens: [], environment: [] };
  return (
    <AdminPage access={access} permission="tokens.manage" title={t("title")} lead={t("lead")}>
      <TokensAdmin
        tokens={view.tokens}
        environment={view.environment}
        timeZone={serverEnv().CALLBOARD_TIMEZONE}
      />
    </AdminPage>
  );
}
