/**
 * Formatting for the benchmark report: one figure per line, the DESIGN budget beside it.
 * The report compares but never fails: `npm run bench` prints figures, not pass/fail.
 */

export interface Section {
  title: string;
  /** Printed under the title; returns the lines of figures. */
  run(): Promise<string[]>;
}

const LABEL_WIDTH = 46;
const VALUE_WIDTH = 14;

/** A figure line: `label ........ value   budget ≤ X (within budget)`. */
export function figure(
  label: string,
  value: string,
  budget?: { text: string; within: boolean | undefined },
): string {
  const dots = ".".repeat(Math.max(2, LABEL_WIDTH - label.length - 1));
  const base = `   ${label} ${dots} ${value.padStart(VALUE_WIDTH)}`;
  if (!budget) return base;
  const verdict =
    budget.within === undefined ? "" : budget.within ? "  (within budget)" : "  (OVER budget)";
  return `${base}   budget ${budget.text}${verdict}`;
}

export function note(text: string): string {
  return `   · ${text}`;
}

export const ms = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : "n/a";

export const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(2)} s`;

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const count = (n: number): string => n.toLocaleString("en-US");

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
