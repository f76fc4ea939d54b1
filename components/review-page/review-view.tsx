"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { useCan } from "@/components/auth/principal-context";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { useDashboard } from "@/components/dashboard/use-dashboard";
import { RecordingPlayer, type RecordingPlayerHandle } from "@/components/player/recording-player";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PutReviewMark } from "@/lib/api/review";

import { CallMarks } from "./call-marks";
import { CurrentCall } from "./current-call";
import { MarkActions } from "./mark-actions";
import { useReviewError } from "./review-error";
import { ReviewHeader } from "./review-header";
import type { ReviewShortcut } from "./review-keys";
import { ShortcutList } from "./shortcut-list";
import { UpNext } from "./up-next";
import { useReviewKeys } from "./use-review-keys";
import { useReviewQueue } from "./use-review-queue";

/**
 * `/review`: the view's recorded calls one after another — the player moves on when a
 * recording ends; mark reviewed, or flag with a note and a score; everyone's marks beside.
 * The position is the URL's `call`, so a link resumes or hands the review over.
 */
export function ReviewView({ defaultTimeZone }: { defaultTimeZone: string }) {
  const dashboard = useDashboard(defaultTimeZone);
  const { view, setView, timeZone } = dashboard;
  const t = useTranslations("review");
  const { loading, queue, marks, callOf } = useReviewQueue(dashboard);
  const explain = useReviewError();
  const canPlay = useCan("recordings.play");
  const canDownload = useCan("recordings.download");
  const player = useRef<RecordingPlayerHandle>(null);
  const [autoPlay, setAutoPlay] = useState(false);
  const [form, setForm] = useState<"flag" | "edit" | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [ended, setEnded] = useState(false);

  const current = queue.current;
  const state = current ? queue.stateOf(current) : null;
  const marksLoaded = !marks.query.isPending || marks.query.isError;

  // The URL always holds the position once the queue knows it: copy it, and the colleague
  // who opens it lands on the same recording.
  useEffect(() => {
    if (!loading && marksLoaded && current && view.call === null)
      void setView({ call: current }, { history: "replace" });
  }, [loading, marksLoaded, current, view.call, setView]);

  const goTo = useCallback(
    (callId: string | null, play?: boolean) => {
      if (!callId) return;
      setAutoPlay(play ?? player.current?.playing() ?? false);
      setForm(null);
      setProblem(undefined);
      setEnded(false);
      void setView({ call: callId }, { history: "replace" });
      // off any button just pressed: Space then plays or pauses instead of pressing it again
      requestAnimationFrame(() => player.current?.focus());
    },
    [setView],
  );

  async function save(mark: PutReviewMark, then: "next" | "stay"): Promise<string | undefined> {
    if (!current) return undefined;
    const next = queue.next;
    const playing = player.current?.playing() ?? false;
    const result = await marks.save(current, mark);
    if (!result.ok) return explain(result);
    setProblem(undefined);
    setForm(null);
    if (then === "next" && next) goTo(next, playing);
    else requestAnimationFrame(() => player.current?.focus());
    return undefined;
  }

  async function markReviewed() {
    // R changes the status only: one's score and note stay
    const mine = state?.mine;
    setProblem(
      await save(
        { status: "reviewed", score: mine?.score ?? null, note: mine?.note ?? null },
        "next",
      ),
    );
  }

  async function removeMine() {
    if (!current) return;
    const result = await marks.remove(current);
    setProblem(result.ok || result.code === "not_found" ? undefined : explain(result));
  }

  useReviewKeys((shortcut: ReviewShortcut) => {
    // an open form keeps its note: only Space (play/pause) acts beside it
    if (form && shortcut !== "toggle") return;
    if (shortcut === "next") goTo(queue.next);
    else if (shortcut === "previous") goTo(queue.previous);
    else if (shortcut === "reviewed") void markReviewed();
    else if (shortcut === "flag") setForm("flag");
    else player.current?.toggle();
  }, current !== null);

  return (
    <main className="flex flex-col pb-8">
      <h1 className="sr-only">{t("title")}</h1>
      <DashboardFilters dashboard={dashboard} />
      <section
        aria-labelledby="review-title"
        aria-busy={loading}
        className="flex flex-col gap-4 px-4 pt-4"
      >
        <ReviewHeader
          queue={loading ? null : queue}
          unreviewedOnly={view.unreviewed}
          onUnreviewedOnly={(on) => void setView({ unreviewed: on ? true : null })}
          marksProblem={marks.query.isError ? marks.query.error.message : undefined}
        />
        {loading ? (
          <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" />
        ) : queue.progress.total === 0 ? (
          <Notice testId="review-empty">{t("empty")}</Notice>
        ) : !current ? (
          <Notice testId="review-done">
            {t("allDone")}{" "}
            <Button size="sm" onClick={() => void setView({ unreviewed: null })}>
              {t("showAll")}
            </Button>
          </Notice>
        ) : (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
            <Card as="section" aria-label={t("title")} className="flex flex-col gap-4 p-4">
              {queue.positionMissing ? (
                <Notice testId="review-missing">{t("positionMissing")}</Notice>
              ) : null}
              <CurrentCall call={callOf(current)} callId={current} timeZone={timeZone} />
              {canPlay ? (
                <RecordingPlayer
                  callId={current}
                  handle={player}
                  autoPlay={autoPlay}
                  canDownload={canDownload}
                  onPrevious={queue.previous ? () => goTo(queue.previous) : undefined}
                  onNext={queue.next ? () => goTo(queue.next) : undefined}
                  onEnded={() => {
                    // never while a note is being written: saving the flag moves on
                    if (form) return;
                    if (queue.next) goTo(queue.next, true);
                    else setEnded(true);
                  }}
                />
              ) : null}
              {ended ? <Notice testId="review-end">{t("end")}</Notice> : null}
              <MarkActions
                mine={state?.mine}
                form={form}
                problem={problem}
                onReviewed={() => void markReviewed()}
                onForm={setForm}
                onSave={(mark) => save(mark, form === "flag" ? "next" : "stay")}
                onRemove={() => void removeMine()}
              />
              <CallMarks marks={state?.marks ?? []} timeZone={timeZone} />
            </Card>
            <div className="flex flex-col gap-4">
              <UpNext queue={queue} callOf={callOf} timeZone={timeZone} onOpen={(id) => goTo(id)} />
              <ShortcutList />
            </div>
          </div>
        )}
      </section>
    </main>
  );
}

function Notice({ children, testId }: { children: React.ReactNode; testId: string }) {
  return (
    <p
      className="rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-700"
      data-testid={testId}
      role="status"
    >
      {children}
    </p>
  );
}
