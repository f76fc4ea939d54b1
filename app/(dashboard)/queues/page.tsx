import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { QueuesView } from "@/components/queues-page/queues-view";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: `${t("title")} · Callboard` };
}

export default function QueuesPage() {
  return (
    <Suspense>
      <QueuesView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
    </Suspense>
  );
}
