import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { CallsView } from "@/components/calls-page/calls-view";
import { pageAccess } from "@/lib/auth/page-access";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calls");
  return { title: `${t("title")} · Callboard` };
}

export default async function CallsPage() {
  await pageAccess("calls.view");
  return (
    <Suspense>
      <CallsView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
    </Suspense>
  );
}
