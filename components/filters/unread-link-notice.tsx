"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";

import { Button } from "@/components/ui/button";
import type { ViewValues } from "@/lib/view-state/parsers";
import { unreadParams } from "@/lib/view-state/unread-params";

type ViewPatch = Partial<{ [K in keyof ViewValues]: ViewValues[K] | null }>;

/**
 * Says which of the link's values could not be read and were left out (`range=last7`), so a
 * mistyped or outdated link does not show other calls without a word; one button writes the
 * link again with only what was read (a list keeps its readable items).
 */
export function UnreadLinkNotice({
  view,
  onLeaveOut,
}: {
  view: ViewValues;
  onLeaveOut: (patch: ViewPatch) => void;
}) {
  const t = useTranslations("filters.unread");
  const search = useSearchParams();
  const unread = useMemo(() => unreadParams(new URLSearchParams(search.toString())), [search]);
  if (unread.length === 0) return null;
  // each as the link writes it, left to right in either language
  const items = unread.map(({ name, value }, i) => (
    <span key={name}>
      {i > 0 ? ", " : null}
      <code dir="ltr" className="rounded bg-amber-100 px-1 font-mono dark:bg-amber-900/60">
        {name}={value}
      </code>
    </span>
  ));
  return (
    <div
      role="alert"
      data-testid="unread-link"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <p className="min-w-0 flex-1">{t.rich("message", { list: () => items })}</p>
      <Button
        variant="inherit"
        size="sm"
        onClick={() =>
          onLeaveOut(
            Object.fromEntries(
              unread.map(({ name }) => {
                const kept = view[name as keyof ViewValues];
                return [name, Array.isArray(kept) && kept.length > 0 ? kept : null];
              }),
            ),
          )
        }
      >
        {t("leaveOut")}
      </Button>
    </div>
  );
}
