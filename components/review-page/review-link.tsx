"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";

import { useCan } from "@/components/auth/principal-context";
import { AppLink } from "@/components/ui/app-link";
import { buttonClass } from "@/components/ui/button";

/**
 * "Review recordings" of the view on screen: its filters and its sort (the queue walks the
 * recordings in the order the table lists them), without the open call. Only for the roles
 * that review; the page and its routes refuse the others anyway.
 */
export function ReviewLink() {
  const t = useTranslations("review");
  const canReview = useCan("review.work");
  const params = new URLSearchParams(useSearchParams());
  if (!canReview) return null;
  params.delete("call");
  const search = params.toString();
  return (
    <AppLink
      href={search ? `/review?${search}` : "/review"}
      title={t("openHint")}
      className={buttonClass({ size: "sm" })}
      data-testid="open-review"
    >
      {t("open")}
    </AppLink>
  );
}
