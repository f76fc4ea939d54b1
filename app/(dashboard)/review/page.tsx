import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { NotAllowed } from "@/components/auth/not-allowed";
import { ReviewView } from "@/components/review-page/review-view";
import { pageAccess } from "@/lib/auth/page-access";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: `${t("title")} · Callboard` };
}

export default async function ReviewPage() {
  const { principal, allowed } = await pageAccess("review.work");
  if (!allowed) return <NotAllowed role={principal.role} permission="review.work" />;
  return (
    <Suspense>
      <ReviewView defaultTimeZone={serverEnv().CALLBOARD_TIMEZONE} />
    </Suspense>
  );
}
