import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * A phone number in the upstream's international form without `+` (`972501234567`).
 * Israeli local numbers (`050-123-4567`, `03 123 4567`) gain the 972 prefix; separators
 * are stripped. Returns undefined for text that is not a phone number (e.g. an extension id).
 */
export function normalizePhone(input: string): string | undefined {
  const text = input.trim();
  if (!/^[+\d(][\d\s\-().]*$/.test(text)) return undefined;
  const digits = text.replace(/[^\d+]/g, "");
  if (digits.replace("+", "").length < 3) return undefined;
  const international = digits.startsWith("+")
    ? digits
    : digits.startsWith("00")
      ? `+${digits.slice(2)}`
      : digits.startsWith("0")
        ? undefined
        : `+${digits}`;
  const parsed = international
    ? parsePhoneNumberFromString(international)
    : parsePhoneNumberFromString(digits, "IL");
  if (parsed) return parsed.number.slice(1);
  // Short service numbers (*2700, 1-800-…) and unknown ranges: keep the digits as typed.
  return digits.replace("+", "");
}

/** Every spelling under which the upstream may have written the same number. */
export function phoneVariants(normalized: string): string[] {
  const variants = new Set([normalized]);
  if (normalized.startsWith("972")) variants.add(`0${normalized.slice(3)}`);
  return [...variants];
}
