import type { Messages } from "@/i18n/app-config";
import { CALL_TYPES, isCallTypeId } from "@/lib/voicenter/call-types";
import { isDialStatus } from "@/lib/voicenter/dial-statuses";

/** The dotted keys of a message tree's leaves: `{a: {b: "…"}}` → `"a.b"`. */
type LeafKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A message of the "table" namespace: a key that does not exist fails the type-check. */
export type TableMessageKey = LeafKeys<Messages["table"]>;

/** A message lookup in the "table" namespace (next-intl's `t`, or a test's). */
export type Translate = (key: TableMessageKey) => string;

const idByTypeName = new Map<string, number>(
  Object.entries(CALL_TYPES).map(([id, info]) => [info.name.toLowerCase(), Number(id)]),
);

/** The call type id of a record: `CdrType`, or the id whose documented name is `Type`. */
export function callTypeIdOf(
  cdrType: number | undefined,
  typeName: string | undefined,
): number | undefined {
  if (cdrType !== undefined) return cdrType;
  return typeName === undefined ? undefined : idByTypeName.get(typeName.trim().toLowerCase());
}

/** "Queue" / "תור"; a type the contract does not know shows as the upstream named it. */
export function callTypeLabel(
  cdrType: number | undefined,
  typeName: string | undefined,
  t: Translate,
): string {
  const id = callTypeIdOf(cdrType, typeName);
  if (id !== undefined && isCallTypeId(id)) return t(`types.${id}`);
  return typeName ?? (id === undefined ? "" : String(id));
}

/** "Answered" / "נענתה"; a status the contract does not know shows as the upstream sent it. */
export function statusLabel(status: string | undefined, t: Translate): string {
  if (status === undefined) return "";
  return isDialStatus(status) ? t(`statuses.${status}`) : status;
}

export interface Labeler {
  callType(cdrType: number | undefined, typeName: string | undefined): string;
  status(status: string | undefined): string;
}

/**
 * Labels memoized per value: sorting or exporting 100,000 calls asks for the same few
 * dozen labels over and over, and a message lookup is far dearer than a Map hit.
 */
export function createLabeler(t: Translate): Labeler {
  const types = new Map<string, string>();
  const statuses = new Map<string, string>();
  return {
    callType(cdrType, typeName) {
      const key = `${cdrType ?? ""}|${typeName ?? ""}`;
      let label = types.get(key);
      if (label === undefined) {
        label = callTypeLabel(cdrType, typeName, t);
        types.set(key, label);
      }
      return label;
    },
    status(status) {
      if (status === undefined) return "";
      let label = statuses.get(status);
      if (label === undefined) {
        label = statusLabel(status, t);
        statuses.set(status, label);
      }
      return label;
    },
  };
}
