/**
 * JSON-in-a-string, as the upstream sometimes sends DTMFData/CustomData. The vendor's own
 * documentation shows DTMFData with unquoted keys (`[{LayerName: "Main Menu", DTMF: 2}]`),
 * so after strict JSON fails we retry once with bare keys quoted.
 */
export function parseLenientJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    // fall through to the relaxed form
  }
  const quotedKeys = trimmed.replace(
    /([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g,
    (_match, lead: string, key: string) => `${lead}"${key}":`,
  );
  try {
    return { ok: true, value: JSON.parse(quotedKeys) as unknown };
  } catch {
    return { ok: false };
  }
}
