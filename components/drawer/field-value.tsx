"use client";

import { useLocale, useTranslations } from "next-intl";

import { usePhoneFormatVersion } from "@/components/calls-table/use-phone-format";
import type { ApiCall } from "@/lib/api/calls-response";
import { formatDateTime } from "@/lib/format/date-time";
import { formatDuration } from "@/lib/format/duration";
import { createLabeler } from "@/lib/format/labels";
import { formatPhone } from "@/lib/format/phone";
import { formatPrice } from "@/lib/format/price";
import { columnKind, type ColumnId } from "@/lib/table/columns";
import { callEpochMs } from "@/lib/time/call-time";

/** One field of a call as readable text, formatted the way the table shows it. */
export function useFieldText(timeZone: string) {
  const locale = useLocale();
  const t = useTranslations("table");
  const labels = createLabeler((key) => t(key));
  usePhoneFormatVersion();
  return (call: ApiCall, id: ColumnId): string => {
    const value = call[id];
    if (value === undefined || value === "") return "";
    switch (columnKind(id)) {
      case "datetime":
        return formatDateTime(callEpochMs(call), { locale, timeZone });
      case "duration":
        return formatDuration(value as number);
      case "price":
        return formatPrice(value as number, locale);
      case "phone":
        return formatPhone(value as string);
      case "callType":
        return labels.callType(call.CdrType, call.Type);
      case "status":
        return labels.status(call.DialStatus);
      case "boolean":
      case "recording":
        return value ? t("cells.yes") : t("cells.no");
      case "dtmf":
        return String((value as unknown[]).length);
      case "customData":
        return String(Object.keys(value as object).length);
      default:
        return typeof value === "object" ? JSON.stringify(value) : String(value);
    }
  };
}
