import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { AgentsView } from "@/components/agents-page/agents-view";
import { pageAccess } from "@/lib/auth/page-access";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agents");
  return { title: `${t("title")} · Callboard` };
}

export default async function AgentsPage() {
  await pageAccess("calls.view");
  return (
    <Suspense>
      <AgentsView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
    </Suspense>
  );
}
