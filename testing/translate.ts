import { createTranslator } from "use-intl/core";

import type { Translate } from "@/lib/format/labels";
import enTable from "@/messages/en/table.json";
import heTable from "@/messages/he/table.json";

/**
 * The "table" namespace's real messages as a plain `t`, for tests of code that takes one
 * (formatting, CSV). Missing keys throw, so a test never passes on a fallback string.
 */
export function tableTranslator(locale: "en" | "he"): Translate {
  const translate = createTranslator({
    locale,
    messages: locale === "he" ? heTable : enTable,
    onError: (error) => {
      throw error;
    },
  }) as unknown as (key: string) => string;
  return (key) => translate(key);
}
