"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type { SendResult } from "@/lib/api/send-json";

type Failure = Exclude<SendResult<unknown>, { ok: true }>;

/** The sentence for a refused mark, in the page's language (the server's is English). */
export function useReviewError(): (failure: Failure) => string {
  const t = useTranslations("review.errors");
  return useCallback(
    (failure: Failure) => {
      switch (failure.code) {
        case "bad_parameter":
          return failure.param === "score"
            ? t("score")
            : failure.param === "note"
              ? t("note")
              : t("generic");
        case "forbidden":
          return t("forbidden");
        case "unauthorized":
          return t("signedOut");
        case "network":
          return t("network");
        default:
          return t("generic");
      }
    },
    [t],
  );
}
