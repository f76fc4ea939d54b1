"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { useCan } from "@/components/auth/principal-context";
import { RecordingPlayer } from "@/components/player/recording-player";
import { Button } from "@/components/ui/button";
import { ShareButton } from "@/components/view-state/share-button";
import type { ApiCall } from "@/lib/api/calls-response";
import type { Conversation } from "@/lib/conversations/conversation";
import { COLUMN_IDS } from "@/lib/table/columns";

import { useFieldText } from "./field-value";
import { Journey } from "./journey";

export interface CallDrawerProps {
  call: ApiCall;
  /** The conversation the call is a leg of (its journey is shown when it has several). */
  conversation: Conversation<ApiCall> | undefined;
  timeZone: string;
  onClose: () => void;
  onOpenCall: (callId: string) => void;
  onPreviousRecording?: () => void;
  onNextRecording?: () => void;
}

const section = "border-t border-slate-200 px-5 py-4 dark:border-slate-800";
const heading = "mb-2 text-sm font-semibold text-slate-700 dark:text-slate-200";

/**
 * A call's details in a modal side panel. The native <dialog> gives the focus trap, the
 * Escape key and the top layer; the page returns focus to the row on close.
 */
export function CallDrawer(props: CallDrawerProps) {
  const { call, conversation, timeZone, onClose } = props;
  const t = useTranslations("drawer");
  const tt = useTranslations("table");
  const text = useFieldText(timeZone);
  const ref = useRef<HTMLDialogElement>(null);
  const canPlay = useCan("recordings.play");
  const canDownload = useCan("recordings.download");

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The IVR path: the open leg's, else the first the journey's legs carry.
  const steps =
    (call.DTMFData?.length ? call.DTMFData : undefined) ??
    conversation?.legs.find((leg) => leg.DTMFData?.length)?.DTMFData ??
    [];
  const custom = Object.entries(call.CustomData ?? {});
  const shown = COLUMN_IDS.filter(
    (id) => call[id] !== undefined && id !== "DTMFData" && id !== "CustomData",
  );

  return (
    <dialog
      ref={ref}
      // Explicit, so `[role=dialog]` finds it as well as the accessibility tree does.
      role="dialog"
      aria-modal="true"
      aria-labelledby="call-drawer-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      className="ms-auto me-0 my-0 h-dvh max-h-none w-full max-w-xl overflow-y-auto bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/40 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="sticky top-0 z-10 flex items-start gap-3 bg-white px-5 py-4 dark:bg-slate-900">
        <div className="min-w-0 flex-1">
          <h2 id="call-drawer-title" className="text-lg font-semibold">
            {text(call, "Type") || t("call")} · {text(call, "DialStatus")}
          </h2>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {text(call, "Date")} · <span dir="ltr">{call.CallID}</span>
          </p>
        </div>
        <ShareButton />
        <Button variant="ghost" size="sm" onClick={onClose} aria-label={t("close")} autoFocus>
          ✕
        </Button>
      </header>

      {call.HasRecording ? (
        <section className={section} aria-label={t("recording")}>
          {canPlay ? (
            <RecordingPlayer
              key={call.CallID}
              callId={call.CallID}
              canDownload={canDownload}
              onPrevious={props.onPreviousRecording}
              onNext={props.onNextRecording}
            />
          ) : (
            <p
              className="text-sm text-slate-600 dark:text-slate-400"
              data-testid="recording-not-allowed"
            >
              {t("recordingNeedsRole")}
            </p>
          )}
        </section>
      ) : null}

      {steps.length > 0 ? (
        <section className={section}>
          <h3 className={heading}>{t("ivrPath")}</h3>
          <ol className="flex flex-wrap items-center gap-2 text-sm" data-testid="ivr-path">
            {steps.map((step, i) => (
              <li key={i} className="flex items-center gap-2">
                {i > 0 ? (
                  <span aria-hidden="true" className="rtl:rotate-180">
                    →
                  </span>
                ) : null}
                <span className="rounded-md bg-slate-100 px-2 py-1 dark:bg-slate-800">
                  {step.LayerName || t("layer", { number: step.LayerNumber })}
                  {step.DTMF !== "" ? (
                    <span className="ms-1 text-slate-600 dark:text-slate-300">
                      {t("pressed", { key: step.DTMF })}
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {conversation && conversation.legs.length > 1 ? (
        <Journey
          conversation={conversation}
          openCallId={call.CallID}
          timeZone={timeZone}
          onOpenCall={props.onOpenCall}
        />
      ) : null}

      {custom.length > 0 ? (
        <section className={section}>
          <h3 className={heading}>{tt("columns.CustomData")}</h3>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {custom.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-slate-500 dark:text-slate-400">{key}</dt>
                <dd className="break-all" dir="auto">
                  {typeof value === "string" ? value : JSON.stringify(value)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <section className={section}>
        <h3 className={heading}>{t("allFields")}</h3>
        <dl className="space-y-2 text-sm">
          {shown.map((id) => (
            <div key={id}>
              <dt className="font-medium">
                {tt(`columns.${id}`)}
                <span className="ms-2 text-xs font-normal text-slate-500 dark:text-slate-400">
                  {tt(`meanings.${id}`)}
                </span>
              </dt>
              <dd dir="auto" className="break-all">
                {text(call, id)}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </dialog>
  );
}
