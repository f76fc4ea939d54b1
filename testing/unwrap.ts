import type { ParseResult } from "@/lib/parse-result";

/** The value of a ParseResult a test expects to succeed; its message otherwise. */
export function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}
