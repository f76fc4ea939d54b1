"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";

/** Copies the page's URL, which holds the whole view (filters, sort, columns, open call). */
export function ShareButton() {
  const t = useTranslations("calls");
  const [copied, setCopied] = useState(false);

  async function copy() {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Without clipboard permission: fall back to a selection the user can copy.
      window.prompt(t("copyPrompt"), url);
      return;
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  }

  return (
    <Button size="sm" onClick={() => void copy()}>
      <span aria-live="polite">{copied ? t("copied") : t("copyLink")}</span>
    </Button>
  );
}
