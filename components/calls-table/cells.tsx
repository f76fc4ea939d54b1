import { clsx } from "clsx";

import { callTypeIdOf } from "@/lib/format/labels";
import { CALL_TYPES, isCallTypeId, type CallTypeInfo } from "@/lib/voicenter/call-types";
import { outcomeOf, type CallOutcome } from "@/lib/voicenter/dial-statuses";

import { RecordingIcon } from "./icons";

/**
 * Cell contents. Colours carry meaning only alongside text (the badge's label), and every
 * pair is readable in light and dark mode.
 */

const BADGE =
  "inline-flex max-w-full items-center truncate rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const OUTCOME_COLOURS: Record<CallOutcome, string> = {
  answered:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30",
  missed:
    "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30",
  abandoned:
    "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-400/10 dark:text-red-300 dark:ring-red-400/30",
  failed:
    "bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30",
};

const DIRECTION_COLOURS: Record<CallTypeInfo["direction"] | "unknown", string> = {
  incoming:
    "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-400/10 dark:text-sky-300 dark:ring-sky-400/30",
  outgoing:
    "bg-violet-50 text-violet-800 ring-violet-600/20 dark:bg-violet-400/10 dark:text-violet-300 dark:ring-violet-400/30",
  internal:
    "bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30",
  unknown:
    "bg-white text-slate-700 ring-slate-400/30 dark:bg-transparent dark:text-slate-300 dark:ring-slate-500/40",
};

/** Dial status as a badge coloured by its KPI outcome; `outcomeLabel` names it for the tooltip. */
export function StatusBadge({
  status,
  label,
  outcomeLabel,
}: {
  status: string | undefined;
  label: string;
  outcomeLabel: (outcome: CallOutcome) => string;
}) {
  if (status === undefined) return null;
  const outcome = outcomeOf(status);
  return (
    <span
      className={clsx(BADGE, OUTCOME_COLOURS[outcome])}
      title={outcomeLabel(outcome)}
      data-outcome={outcome}
    >
      {label}
    </span>
  );
}

/** Call type as a badge coloured by direction (incoming, outgoing, internal). */
export function TypeBadge({
  cdrType,
  typeName,
  label,
}: {
  cdrType: number | undefined;
  typeName: string | undefined;
  label: string;
}) {
  if (!label) return null;
  const id = callTypeIdOf(cdrType, typeName);
  const direction = id !== undefined && isCallTypeId(id) ? CALL_TYPES[id].direction : "unknown";
  return (
    <span className={clsx(BADGE, DIRECTION_COLOURS[direction])} data-direction={direction}>
      {label}
    </span>
  );
}

/** A microphone where the call has a recording; nothing otherwise. */
export function RecordingMark({
  hasRecording,
  label,
}: {
  hasRecording: boolean | undefined;
  label: string;
}) {
  if (!hasRecording) return null;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className="inline-flex text-sky-700 dark:text-sky-300"
    >
      <RecordingIcon className="size-4" />
    </span>
  );
}

/** Phone numbers and ids read left to right inside Hebrew text too. */
export function LtrText({ text }: { text: string }) {
  if (!text) return null;
  return (
    <bdi dir="ltr" className="truncate">
      {text}
    </bdi>
  );
}

/** Free text (names, queues, IVR paths) in whichever direction it is written. */
export function PlainText({ text, numeric = false }: { text: string; numeric?: boolean }) {
  if (!text) return null;
  return (
    <span dir="auto" className={clsx("truncate", numeric && "tabular-nums")} title={text}>
      {text}
    </span>
  );
}
