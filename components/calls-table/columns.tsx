import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createExpandedRowModel,
  rowExpandingFeature,
  rowSortingFeature,
  tableFeatures,
  type CellContext,
  type ColumnDef,
} from "@tanstack/react-table";
import type { ReactNode } from "react";

import type { ApiCall } from "@/lib/api/calls-response";
import { formatDateTime } from "@/lib/format/date-time";
import { formatDuration } from "@/lib/format/duration";
import { createLabeler, type Translate } from "@/lib/format/labels";
import { formatPhone } from "@/lib/format/phone";
import { formatPrice } from "@/lib/format/price";
import { summarizeCustomData, summarizeDtmf } from "@/lib/format/structured";
import {
  COLUMN_IDS,
  columnKind,
  isNumericKind,
  sortKeysFor,
  type ColumnId,
  type ColumnKind,
} from "@/lib/table/columns";
import {
  createKeyedSortedRowModel,
  type KeyedSortColumnMeta,
  type KeyedSortTableMeta,
} from "@/lib/table/sorted-row-model";
import { callEpochMs } from "@/lib/time/call-time";
import type { CallOutcome } from "@/lib/voicenter/dial-statuses";

import { LtrText, PlainText, RecordingMark, StatusBadge, TypeBadge } from "./cells";

export interface CallColumnMeta extends KeyedSortColumnMeta {
  kind: ColumnKind;
  /** Fixed width in px: rows are absolutely positioned, so widths cannot come from content. */
  width: number;
  numeric: boolean;
  label: string;
  meaning: string;
}

/** Registered once, at module scope (TanStack Table v9 wants stable features). */
export const callsTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  // Conversations: a row's legs are its sub-rows (sorting orders the conversations only).
  rowExpandingFeature,
  sortedRowModel: createKeyedSortedRowModel(),
  expandedRowModel: createExpandedRowModel(),
  columnMeta: {} as CallColumnMeta,
  tableMeta: {} as KeyedSortTableMeta,
});
export type CallsTableFeatures = typeof callsTableFeatures;
export type CallColumnDef = ColumnDef<CallsTableFeatures, ApiCall, unknown>;

const WIDTH: Record<ColumnKind, number> = {
  datetime: 200,
  duration: 104,
  price: 96,
  phone: 144,
  callType: 168,
  status: 160,
  boolean: 88,
  recording: 72,
  dtmf: 240,
  customData: 260,
  number: 112,
  text: 160,
};

export interface ColumnContext {
  /** `useTranslations("table")`. */
  t: Translate;
  locale: string;
  timeZone: string;
}

type Cell = CellContext<CallsTableFeatures, ApiCall, unknown>;

function cellRenderer(
  id: ColumnId,
  { t, locale, timeZone }: ColumnContext,
): (cell: Cell) => ReactNode {
  const labels = createLabeler(t);
  switch (columnKind(id)) {
    case "datetime":
      return function DateCell({ row }: Cell) {
        return (
          <time dateTime={row.original.Date} className="truncate tabular-nums">
            {formatDateTime(callEpochMs(row.original), { locale, timeZone })}
          </time>
        );
      };
    case "duration":
      return function DurationCell({ row }: Cell) {
        return <PlainText numeric text={formatDuration(row.original[id] as number | undefined)} />;
      };
    case "price":
      return function PriceCell({ row }: Cell) {
        return <PlainText numeric text={formatPrice(row.original.Price, locale)} />;
      };
    case "phone":
      return function PhoneCell({ row }: Cell) {
        return <LtrText text={formatPhone(row.original[id] as string | undefined)} />;
      };
    case "callType":
      return function TypeCell({ row }: Cell) {
        const { CdrType, Type } = row.original;
        return (
          <TypeBadge cdrType={CdrType} typeName={Type} label={labels.callType(CdrType, Type)} />
        );
      };
    case "status": {
      const outcomeLabel = (outcome: CallOutcome) => t(`outcomes.${outcome}`);
      return function StatusCell({ row }: Cell) {
        const status = row.original.DialStatus;
        return (
          <StatusBadge status={status} label={labels.status(status)} outcomeLabel={outcomeLabel} />
        );
      };
    }
    case "recording": {
      const label = t("cells.hasRecording");
      return function RecordingCell({ row }: Cell) {
        return <RecordingMark hasRecording={row.original.HasRecording} label={label} />;
      };
    }
    case "boolean": {
      const yes = t("cells.yes");
      const no = t("cells.no");
      return function FlagCell({ row }: Cell) {
        const value = row.original[id] as boolean | undefined;
        return value === undefined ? null : <PlainText text={value ? yes : no} />;
      };
    }
    case "dtmf":
      return function DtmfCell({ row }: Cell) {
        return <PlainText text={summarizeDtmf(row.original.DTMFData)} />;
      };
    case "customData":
      return function CustomDataCell({ row }: Cell) {
        return <LtrText text={summarizeCustomData(row.original.CustomData)} />;
      };
    case "number":
      return function NumberCell({ row }: Cell) {
        const value = row.original[id] as number | undefined;
        // Ids and epoch seconds: no digit grouping.
        return <PlainText numeric text={value === undefined ? "" : String(value)} />;
      };
    case "text":
      return function TextCell({ row }: Cell) {
        return <PlainText text={(row.original[id] as string | undefined) ?? ""} />;
      };
  }
}

const helper = createColumnHelper<CallsTableFeatures, ApiCall>();

/**
 * Every column of the catalogue, in catalogue order (visibility and order are table
 * state). Rebuild only when the language or time zone changes.
 */
export function buildColumns(context: ColumnContext): CallColumnDef[] {
  const sortKeys = sortKeysFor(context.t);
  return COLUMN_IDS.map((id) => {
    const kind = columnKind(id);
    const numeric = isNumericKind(kind);
    return helper.accessor((call: ApiCall): unknown => call[id], {
      id,
      header: context.t(`columns.${id}`),
      cell: cellRenderer(id, context),
      // Newest, longest and dearest first; text from A.
      sortDescFirst: numeric || kind === "datetime" || kind === "boolean" || kind === "recording",
      meta: {
        kind,
        width: WIDTH[kind],
        numeric,
        label: context.t(`columns.${id}`),
        meaning: context.t(`meanings.${id}`),
        sortKey: sortKeys[id],
      },
    });
  });
}
