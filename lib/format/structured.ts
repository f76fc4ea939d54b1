import type { DtmfStep } from "@/lib/voicenter/call";

/**
 * One-line summaries of the structured fields: the IVR path (`DTMFData`) and the custom
 * data object (`CustomData`).
 */

/** `Main Menu 2 › Sales 1`: each IVR layer with the key pressed there. */
export function summarizeDtmf(steps: readonly DtmfStep[] | undefined): string {
  if (!steps || steps.length === 0) return "";
  return steps
    .map((step) => [step.LayerName.trim(), step.DTMF.trim()].filter(Boolean).join(" "))
    .filter(Boolean)
    .join(" › ");
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** `OriginalIvrUniqueID=2020…; campaign=7`: every key with its value. */
export function summarizeCustomData(data: Readonly<Record<string, unknown>> | undefined): string {
  if (!data) return "";
  return Object.entries(data)
    .map(([key, value]) => `${key}=${valueText(value)}`)
    .join("; ");
}
