import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { QueuesView } from "@/components/queues-page/queues-view";
import { pageAccess } from "@/lib/auth/page-access";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: `${t("title")} · Callboard` };
}

export default async function QueuesPage() {
  await pageAccess("calls.view");
  return (
    <Suspense>
      <QueuesView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
    </Suspense>
  );
}
