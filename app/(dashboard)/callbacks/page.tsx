import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { NotAllowed } from "@/components/auth/not-allowed";
import { CallbacksView } from "@/components/callbacks-page/callbacks-view";
import { pageAccess } from "@/lib/auth/page-access";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("callbacks");
  return { title: `${t("title")} · Callboard` };
}

/** The callback worklist (supervisors): a viewer gets the panel naming the role it needs. */
export default async function CallbacksPage() {
  const { principal, allowed } = await pageAccess("callbacks.work");
  if (!allowed) return <NotAllowed role={principal.role} permission="callbacks.work" />;
  return (
    <Suspense>
      <CallbacksView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
    </Suspense>
  );
}
