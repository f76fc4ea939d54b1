import { createTranslator } from "use-intl/core";

import type { Translate } from "@/lib/format/labels";
import enTable from "@/messages/en/table.json";
import heTable from "@/messages/he/table.json";

import type { PagedLocale } from "./view-params";

/**
 * The "table" namespace as a plain `t` for the server: labels (call type, status) sort and
 * export in the viewer's language, as the browser sorts and exports them. One per locale,
 * so the sort keys built from it are built once.
 */
const translators = new Map<PagedLocale, Translate>();

export function tableTranslatorFor(locale: PagedLocale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({
      locale,
      messages: locale === "he" ? heTable : enTable,
    }) as unknown as (key: string) => string;
    t = (key) => translate(key);
    translators.set(locale, t);
  }
  return t;
}
