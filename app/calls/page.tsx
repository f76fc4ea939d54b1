import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { CallsView } from "@/components/calls-page/calls-view";
import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/providers";
import { pageAccess } from "@/lib/auth/page-access";
import { serverEnv } from "@/lib/server/env";
import { getUpstream } from "@/lib/server/upstream";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calls");
  return { title: `${t("title")} · Callboard` };
}

export default async function CallsPage() {
  const { client } = await pageAccess("calls.view");
  return (
    <>
      <AppHeader mode={getUpstream().mode} principal={client} current="calls" />
      <Providers principal={client}>
        <Suspense>
          <CallsView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
        </Suspense>
      </Providers>
    </>
  );
}
