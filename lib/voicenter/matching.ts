import type { FieldName } from "./fields";
import { normalizePhone, phoneVariants } from "./phone";

/**
 * How the upstream matches the `phones` and `extensions` filters, written once: the
 * simulator answers by it and the call store's SQL filters by it, so both give the same
 * calls. Neither the vendor's page nor its examples say more than "phone numbers" and
 * "extension ids"; this is the simulator's reading: a phone matches the caller, the target
 * or the DID as the record spells it (Israeli numbers locally with 0 or internationally
 * with 972), an extension matches the target or the caller extension exactly.
 */

export const PHONE_MATCH_FIELDS = [
  "CallerNumber",
  "TargetNumber",
  "DID",
] as const satisfies readonly FieldName[];

export const EXTENSION_MATCH_FIELDS = [
  "TargetExtension",
  "CallerExtension",
] as const satisfies readonly FieldName[];

/** Every spelling a record may use for one of the asked numbers. */
export function phoneSpellings(phones: readonly string[]): string[] {
  const spellings = new Set<string>();
  for (const phone of phones) {
    const normalized = normalizePhone(phone);
    if (normalized === undefined) spellings.add(phone.trim());
    else for (const variant of phoneVariants(normalized)) spellings.add(variant);
  }
  return [...spellings];
}

/** The extension ids as the upstream compares them. */
export function extensionSpellings(extensions: readonly string[]): string[] {
  return [...new Set(extensions.map((e) => e.trim()))];
}
