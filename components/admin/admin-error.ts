"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type { SendResult } from "@/lib/api/send-json";

type Failure = Exclude<SendResult<unknown>, { ok: true }>;

/** The sentence for a refused admin request, in the page's language (the server's is English). */
export function useAdminError(): (failure: Failure) => string {
  const t = useTranslations("admin.errors");
  return useCallback(
    (failure: Failure) => {
      switch (failure.code) {
        case "bad_parameter":
          switch (failure.param) {
            case "email":
              return t("email");
            case "password":
              return t("password");
            case "name":
              return t("name");
            default:
              return t("invalid");
          }
        case "conflict":
          switch (failure.param) {
            case "email":
              return t("emailTaken");
            case "role":
              return t("ssoRole");
            default:
              return t("self");
          }
        case "unauthorized":
          return t("signedOut");
        case "forbidden":
          return t("forbidden");
        case "not_found":
          return t("gone");
        case "network":
          return t("network");
        default:
          return t("generic");
      }
    },
    [t],
  );
}
