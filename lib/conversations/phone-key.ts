const PHONE_TEXT = /^[+\d\s\-().]+$/;

/**
 * A key under which the spellings of one number meet: digits only, the Israeli
 * international form folded to the local one (972501234567 and 050-123-4567 → 0501234567).
 * Not libphonenumber: that costs microseconds per call. Undefined for extension ids,
 * "anonymous" and short service codes.
 */
export function phoneKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  let digits = raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) {
      if (!PHONE_TEXT.test(raw)) return undefined;
      digits = raw.replace(/\D/g, "");
      break;
    }
  }
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.startsWith("972")) digits = `0${digits.slice(3)}`;
  return digits.length >= 5 ? digits : undefined;
}
