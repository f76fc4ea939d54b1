"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { MAX_RESYNC_DAYS } from "@/lib/api/admin-sync";
import { postResync } from "@/lib/api/fetch-admin-sync";

/** "Re-sync this range": two local date-times (the browser's zone), sent as instants. */
export function ResyncForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("admin.sync.resync");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [invalid, setInvalid] = useState(false);
  const resync = useMutation({
    mutationFn: ({ fromIso, toIso }: { fromIso: string; toIso: string }) =>
      postResync(fromIso, toIso),
    onSuccess: onDone,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const start = Date.parse(from);
    const end = Date.parse(to);
    const bad = Number.isNaN(start) || Number.isNaN(end) || end <= start;
    setInvalid(bad);
    if (!bad)
      resync.mutate({ fromIso: new Date(start).toISOString(), toIso: new Date(end).toISOString() });
  }

  return (
    <Card as="section" className="p-4" aria-labelledby="resync-title">
      <h2 id="resync-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("hint", { days: MAX_RESYNC_DAYS })}
      </p>
      <form className="mt-3 flex flex-wrap items-end gap-3" onSubmit={submit} noValidate>
        <label className="flex flex-col text-xs">
          <span className="text-slate-500 dark:text-slate-400">{t("from")}</span>
          <Input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={invalid || undefined}
          />
        </label>
        <label className="flex flex-col text-xs">
          <span className="text-slate-500 dark:text-slate-400">{t("to")}</span>
          <Input
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={invalid || undefined}
          />
        </label>
        <Button type="submit" disabled={resync.isPending}>
          {resync.isPending ? t("running") : t("submit")}
        </Button>
      </form>
      <p className="mt-2 text-sm" role="status" aria-live="polite">
        {invalid
          ? t("invalid")
          : resync.isError
            ? t("failed", { message: resync.error.message })
            : resync.data
              ? `${t("done", { calls: resync.data.calls, requests: resync.data.requests })}${resync.data.complete ? "" : ` ${t("incomplete")}`}`
              : ""}
      </p>
    </Card>
  );
}
