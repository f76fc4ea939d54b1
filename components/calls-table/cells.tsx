import { clsx } from "clsx";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { callTypeIdOf } from "@/lib/format/labels";
import { CALL_TYPES, isCallTypeId, type CallTypeInfo } from "@/lib/voicenter/call-types";
import { outcomeOf, type CallOutcome } from "@/lib/voicenter/dial-statuses";

import { RecordingIcon } from "./icons";

/**
 * Cell contents. Colours carry meaning only alongside text (the badge's label), and every
 * pair is readable in light and dark mode.
 */

const OUTCOME_TONES: Record<CallOutcome, BadgeTone> = {
  answered: "emerald",
  missed: "amber",
  abandoned: "red",
  failed: "slate",
};

const DIRECTION_TONES: Record<CallTypeInfo["direction"] | "unknown", BadgeTone> = {
  incoming: "sky",
  outgoing: "violet",
  internal: "slate",
  unknown: "plain",
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
    <Badge tone={OUTCOME_TONES[outcome]} title={outcomeLabel(outcome)} data-outcome={outcome}>
      {label}
    </Badge>
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
    <Badge tone={DIRECTION_TONES[direction]} data-direction={direction}>
      {label}
    </Badge>
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
