import type { SendResult } from "@/lib/api/send-json";
import { VIEW_NAME_MAX_LENGTH } from "@/lib/views/view-url";

type Translate = (
  key: "nameEmpty" | "nameTooLong" | "nameTaken" | "failed",
  values?: Record<string, string | number>,
) => string;

/** A name the form refuses before asking the server, in the page's language. */
export function nameProblem(t: Translate, name: string, taken: readonly string[]): string | null {
  const trimmed = name.trim();
  if (!trimmed) return t("nameEmpty");
  if (trimmed.length > VIEW_NAME_MAX_LENGTH) return t("nameTooLong", { max: VIEW_NAME_MAX_LENGTH });
  const key = trimmed.toLocaleLowerCase();
  if (taken.some((other) => other.toLocaleLowerCase() === key))
    return t("nameTaken", { name: trimmed });
  return null;
}

/** What the server refused, as a sentence (its own, which names what was wrong). */
export function refusalText(t: Translate, result: SendResult<unknown>): string | null {
  return result.ok ? null : t("failed", { message: result.message });
}
