import type * as Libphonenumber from "libphonenumber-js/min";

type PhoneLibrary = typeof Libphonenumber;

/**
 * Phone numbers as people write them. The upstream sends Israeli numbers as `972501234567`
 * or `0501234567`, foreign ones with their country code and no `+`, and extension ids
 * (`AAPINFzL`) in the same fields.
 */

// The common Israeli shapes are formatted directly: a table export formats every caller
// and target, and a full libphonenumber parse costs ~8 µs each.
const IL_MOBILE_OR_VOIP = /^(?:972|0)([57]\d)(\d{3})(\d{4})$/;
const IL_LANDLINE = /^(?:972|0)([23489])(\d{3})(\d{4})$/;
const IL_SERVICE = /^(1(?:599|[5-9]00))(\d{3})(\d{3})$/;
const DIGITS = /^\+?\d+$/;

const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

// libphonenumber (~30 KB gzip) formats the foreign numbers only: loaded when the first one
// is shown, not with the page. Until then a foreign number shows as it came.
let library: PhoneLibrary | null = null;
let loading: Promise<void> | null = null;
let version = 0;
const listeners = new Set<() => void>();

/** Loads the formatting library (once); what is shown afterwards is formatted fully. */
export function loadPhoneLibrary(): Promise<void> {
  loading ??= import("libphonenumber-js/min").then(
    (module) => {
      library = module;
      version++;
      for (const notify of listeners) notify();
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

/** Bumps when the library has loaded: what formatted phones should re-render on. */
export const phoneFormatVersion = (): number => version;

export function subscribePhoneFormat(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function formatWithLibrary(text: string, digits: string): string | undefined {
  if (!library) {
    void loadPhoneLibrary();
    return undefined;
  }
  const { parsePhoneNumberFromString } = library;
  const parsed = digits.startsWith("0")
    ? parsePhoneNumberFromString(digits, "IL")
    : parsePhoneNumberFromString(`+${digits}`);
  if (!parsed?.isValid()) return text;
  return parsed.country === "IL" ? parsed.formatNational() : parsed.formatInternational();
}

/** `050-123-4567`, `03-123-4567`, `+1 212 555 0100`; extension ids and unknown text unchanged. */
export function formatPhone(raw: string | undefined): string {
  if (raw === undefined) return "";
  const text = raw.trim();
  if (!DIGITS.test(text)) return text;
  const digits = text.startsWith("+")
    ? text.slice(1)
    : text.startsWith("00")
      ? text.slice(2)
      : text;
  let m = IL_MOBILE_OR_VOIP.exec(digits) ?? IL_LANDLINE.exec(digits);
  if (m) return `0${m[1]}-${m[2]}-${m[3]}`;
  m = IL_SERVICE.exec(digits);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  // Short numbers are extensions or service codes; keep them as typed.
  if (digits.length < 8) return text;
  let formatted = cache.get(digits);
  if (formatted === undefined) {
    formatted = formatWithLibrary(text, digits);
    if (formatted === undefined) return text;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(digits, formatted);
  }
  return formatted;
}
