import { parseCommaList, type ParseResult } from "@/lib/parse-result";

/**
 * Addresses and CIDR ranges (IPv4 and IPv6) for CALLBOARD_AUTH_PROXY_IPS: the reverse proxies
 * whose user and groups headers Callboard believes. Pure.
 */
export interface AddressRange {
  family: 4 | 6;
  /** The network address with the host bits cleared. */
  network: bigint;
  prefix: number;
}

export interface Address {
  family: 4 | 6;
  value: bigint;
}

const BITS = { 4: 32, 6: 128 } as const;
const MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96, IPv4-mapped IPv6 addresses

/** Parses a dotted-quad IPv4 or an IPv6 address (brackets and a zone id tolerated). */
export function parseAddress(text: string): Address | undefined {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1");
  if (trimmed.includes(":")) {
    const value = parseIpv6(trimmed.replace(/%[\w.-]+$/, ""));
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === undefined ? undefined : { family: 4, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === "" ? [] : half.split(":")));
  const words: bigint[][] = [];
  for (const [h, list] of groups.entries()) {
    const out: bigint[] = [];
    for (const [i, group] of list.entries()) {
      const last = h === groups.length - 1 && i === list.length - 1;
      if (last && group.includes(".")) {
        const v4 = parseIpv4(group);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
        out.push(BigInt(`0x${group}`));
      } else {
        return undefined;
      }
    }
    words.push(out);
  }
  const [head = [], tail = []] = words;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [
    ...head,
    ...Array.from({ length: halves.length === 1 ? 0 : missing }, () => 0n),
    ...tail,
  ];
  return all.reduce((acc, word) => (acc << 16n) | word, 0n);
}

function mask(family: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[family]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

/** Whether one address (of the range's family) lies in the range; no IPv4-mapped folding. */
export function inAddressRange(address: Address, range: AddressRange): boolean {
  return (
    address.family === range.family &&
    (address.value & mask(range.family, range.prefix)) === range.network
  );
}

/** `10.0.0.0/8`, `192.168.1.10`, `fd00::/8`, `::1`. A bare address is a range of one. */
export function parseAddressRange(text: string): AddressRange | undefined {
  const [addressText = "", prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const max = BITS[address.family];
  let prefix: number = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
    prefix = Number(prefixText);
  }
  return { family: address.family, network: address.value & mask(address.family, prefix), prefix };
}

/** A comma list of addresses and ranges; the message names the first entry that is wrong. */
export function parseAddressRanges(text: string): ParseResult<AddressRange[]> {
  return parseCommaList(
    text,
    parseAddressRange,
    "an IP address or CIDR range such as 10.0.0.0/8 or fd00::/8",
  );
}

/** Whether `ip` lies in one of the ranges. IPv4-mapped IPv6 (`::ffff:10.0.0.1`) counts as IPv4. */
export function isTrustedAddress(
  ip: string | null | undefined,
  ranges: readonly AddressRange[],
): boolean {
  const address = ip ? parseAddress(ip) : undefined;
  if (!address) return false;
  const forms: Address[] = [address];
  if (address.family === 6 && address.value >> 32n === 0xffffn) {
    forms.push({ family: 4, value: address.value & 0xffffffffn });
  } else if (address.family === 4) {
    forms.push({ family: 6, value: MAPPED_PREFIX | address.value });
  }
  return ranges.some((range) => forms.some((form) => inAddressRange(form, range)));
}
