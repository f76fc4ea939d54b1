/** Prices: the upstream counts agorot (1/100 ILS); people read shekels. */

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string): Intl.NumberFormat {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "ILS",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(locale, format);
  }
  return format;
}

/** Shekels as a plain number (7 agorot → 0.07), for spreadsheets. */
export function agorotToShekels(agorot: number): number {
  return Math.round(agorot) / 100;
}

/** `₪0.07` (en), `‏0.07 ‏₪` (he): the locale decides symbol placement and separators. */
export function formatPrice(agorot: number | undefined, locale: string): string {
  if (agorot === undefined || !Number.isFinite(agorot)) return "";
  return currencyFormat(locale).format(agorotToShekels(agorot));
}
