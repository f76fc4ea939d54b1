"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";

import { RecordingMark, StatusBadge, TypeBadge } from "@/components/calls-table/cells";
import type { ApiCall } from "@/lib/api/calls-response";
import { primaryOf, type Conversation } from "@/lib/conversations/conversation";
import { agentOf } from "@/lib/conversations/records";
import { formatDuration } from "@/lib/format/duration";
import { formatPhone } from "@/lib/format/phone";

import { useFieldText } from "./field-value";

const heading = "mb-2 text-sm font-semibold text-slate-700 dark:text-slate-200";

/** Who a leg names: the agent's name, with their code or extension. */
function agentText(leg: ApiCall): string {
  const agent = agentOf(leg);
  if (!agent) return "";
  const id = agent.code ?? agent.extension;
  return id && id !== agent.name ? `${agent.name} (${id})` : agent.name;
}

/**
 * The conversation's journey in the drawer: what it was as a whole (direction, outcome,
 * wait, talk, queue, agent), then each leg in time order with its agent, ring, talk and
 * recording; a leg opens in the drawer (and its recording in the player).
 */
export function Journey({
  conversation,
  openCallId,
  timeZone,
  onOpenCall,
}: {
  conversation: Conversation<ApiCall>;
  openCallId: string;
  timeZone: string;
  onOpenCall: (callId: string) => void;
}) {
  const t = useTranslations("drawer.journey");
  const tt = useTranslations("table");
  const text = useFieldText(timeZone);
  const primary = primaryOf(conversation);
  const facts: [string, string][] = [
    [t("direction"), t(`directions.${conversation.direction}`)],
    [
      t("outcome"),
      tt(`outcomes.${conversation.outcome}`) +
        (conversation.voicemail ? ` · ${t("voicemail")}` : ""),
    ],
    [t("customer"), conversation.customer ? formatPhone(conversation.customer) : ""],
    [t("queue"), conversation.queue ?? ""],
    [t("agent"), conversation.agent ? agentText(primary) : ""],
    [t("wait"), formatDuration(conversation.waitSeconds)],
    [
      t("talk"),
      conversation.outcome === "answered" ? formatDuration(conversation.talkSeconds) : "",
    ],
  ];
  return (
    <section
      className="border-t border-slate-200 px-5 py-4 dark:border-slate-800"
      data-testid="journey"
    >
      <h3 className={heading}>{t("title", { count: conversation.legs.length })}</h3>
      <dl className="mb-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm">
        {facts
          .filter(([, value]) => value !== "")
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
              <dd dir="auto">{value}</dd>
            </div>
          ))}
      </dl>
      {conversation.partial ? (
        <p className="mb-3 text-xs text-amber-800 dark:text-amber-300">{t("partial")}</p>
      ) : null}
      <ol className="space-y-1.5" aria-label={t("legs")}>
        {conversation.legs.map((leg, i) => {
          const current = leg.CallID === openCallId;
          const agent = agentText(leg);
          return (
            <li key={leg.CallID}>
              <button
                type="button"
                onClick={() => onOpenCall(leg.CallID)}
                aria-current={current ? "true" : undefined}
                data-testid="journey-leg"
                data-call-id={leg.CallID}
                className={clsx(
                  "w-full rounded-md border px-3 py-2 text-start text-sm focus-visible:outline-2 focus-visible:outline-sky-500",
                  current
                    ? "border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950"
                    : "border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800",
                )}
              >
                <span className="flex flex-wrap items-center gap-2">
                  <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
                    {t("legNumber", { position: i + 1 })}
                  </span>
                  <span className="tabular-nums">{text(leg, "Date")}</span>
                  <TypeBadge cdrType={leg.CdrType} typeName={leg.Type} label={text(leg, "Type")} />
                  <StatusBadge
                    status={leg.DialStatus}
                    label={text(leg, "DialStatus")}
                    outcomeLabel={(outcome) => tt(`outcomes.${outcome}`)}
                  />
                  {i === conversation.primaryLeg && conversation.legs.length > 1 ? (
                    <span className="text-xs font-medium text-sky-800 dark:text-sky-300">
                      {t("primary")}
                    </span>
                  ) : null}
                  <RecordingMark hasRecording={leg.HasRecording} label={tt("cells.hasRecording")} />
                </span>
                <span className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-300">
                  {agent ? <span dir="auto">{t("legAgent", { agent })}</span> : null}
                  {leg.QueueName ? (
                    <span dir="auto">{t("legQueue", { queue: leg.QueueName })}</span>
                  ) : null}
                  <span className="tabular-nums">
                    {t("legRing", { ring: formatDuration(leg.RingTime ?? 0) })}
                  </span>
                  <span className="tabular-nums">
                    {t("legTalk", { talk: formatDuration(leg.Duration ?? 0) })}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
