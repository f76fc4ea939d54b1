import type { LegRole } from "@/lib/voicenter/call-types";

import { legEndMs, legStartMs } from "./conversation";
import { customerNumberOf, originalIdOf, typeInfoOf, type ConversationRecord } from "./records";

/**
 * What grouping needs of every record, read in one pass into flat arrays: each further pass
 * over 100,000 record objects costs a cache miss per record, a pass over these does not.
 */
export interface RecordIndex {
  starts: Float64Array;
  ends: Float64Array;
  /** ROLES index of each record's leg role. */
  roles: Uint8Array;
  /** The last four digits of the customer's number (−1 when there is none). */
  tails: Int16Array;
  /** idFilterHash of each CallID. */
  idHashes: Int32Array;
  originals: (string | undefined)[];
  /** A bit per idFilterHash value: set for the OriginalIvrUniqueIDs the records name. */
  named: Uint32Array;
}

/** Whether some record names an id of this hash as its original (false positives possible). */
export const isNamed = (index: RecordIndex, hash: number) =>
  ((index.named[hash >>> 5]! >>> (hash & 31)) & 1) === 1;

export const ROLES: readonly LegRole[] = [
  "whole",
  "agent",
  "dial",
  "customer",
  "consult",
  "transfer",
  "forward",
];
const ROLE_CODE = Object.fromEntries(ROLES.map((role, i) => [role, i])) as Record<LegRole, number>;
export const roleCode = (role: LegRole) => ROLE_CODE[role];

const ID_FILTER_BITS = 20;

/** A hash of an id's last 8 characters (where ids vary most), for the bitmap filter. */
export function idFilterHash(id: string): number {
  let h = id.length;
  for (let k = Math.max(0, id.length - 8); k < id.length; k++) {
    h = Math.imul(h, 31) + id.charCodeAt(k);
  }
  return (h ^ (h >>> 13)) & ((1 << ID_FILTER_BITS) - 1);
}

/** The last four characters of a number as 0–9999 (−1 when they are not digits). */
export function lastFourDigits(text: string | undefined): number {
  if (text === undefined || text.length < 4) return -1;
  let value = 0;
  for (let k = text.length - 4; k < text.length; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function indexRecords(records: readonly ConversationRecord[]): RecordIndex {
  const n = records.length;
  const index: RecordIndex = {
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    roles: new Uint8Array(n),
    tails: new Int16Array(n),
    idHashes: new Int32Array(n),
    originals: new Array<string | undefined>(n),
    named: new Uint32Array(1 << (ID_FILTER_BITS - 5)),
  };
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    const info = typeInfoOf(record);
    const start = legStartMs(record);
    index.starts[i] = start;
    index.ends[i] = legEndMs(record, start);
    index.roles[i] = ROLE_CODE[info.legRole];
    index.tails[i] = lastFourDigits(customerNumberOf(record, info));
    index.idHashes[i] = idFilterHash(record.CallID);
    const original = originalIdOf(record);
    index.originals[i] = original;
    if (original !== undefined) {
      const hash = idFilterHash(original);
      index.named[hash >>> 5]! |= 1 << (hash & 31);
    }
  }
  return index;
}
