import {
  inAddressRange,
  parseAddress,
  parseAddressRange,
  type Address,
  type AddressRange,
} from "@/lib/auth/trusted-proxies";

/**
 * Addresses a server-side fetch must not reach on a link it was handed (SSRF): private,
 * loopback, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved and
 * documentation ranges, and their IPv6 counterparts. Pure. IPv6 forms that embed an IPv4
 * address (NAT64, 6to4) are judged by the address they embed; IPv4-mapped and
 * IPv4-compatible addresses are refused outright — a resolver has no business returning them.
 */

const RANGES: readonly [string, string][] = [
  ["0.0.0.0/8", "this-network"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "shared (CGNAT)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "6to4 relay"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
  ["::1/128", "loopback"],
  ["::ffff:0:0/96", "IPv4-mapped"],
  ["::/96", "IPv4-compatible or unspecified"],
  ["64:ff9b:1::/48", "local NAT64"],
  ["100::/64", "discard"],
  ["2001::/32", "Teredo"],
  ["2001:db8::/32", "documentation"],
  ["fc00::/7", "unique local (ULA)"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local"],
  ["ff00::/8", "multicast"],
];

const INTERNAL: readonly { range: AddressRange; kind: string }[] = RANGES.map(([text, kind]) => {
  const range = parseAddressRange(text);
  if (!range) throw new Error(`bad built-in range ${text}`);
  return { range, kind };
});

/** IPv6 prefixes whose addresses carry an IPv4 address: where it sits (bit shift). */
const EMBEDDING: readonly { range: AddressRange; shift: bigint }[] = [
  { text: "64:ff9b::/96", shift: 0n },
  { text: "2002::/16", shift: 80n },
].map(({ text, shift }) => ({ range: parseAddressRange(text) as AddressRange, shift }));

/**
 * Why `ip` is internal (e.g. "loopback", "private"), or undefined for a public address.
 * Anything that is not an IP address is refused as such.
 */
export function internalAddressKind(ip: string): string | undefined {
  const address = parseAddress(ip);
  if (!address) return "not an IP address";
  return kindOf(address);
}

function kindOf(address: Address): string | undefined {
  const found = INTERNAL.find(({ range }) => inAddressRange(address, range));
  if (found) return found.kind;
  for (const { range, shift } of EMBEDDING) {
    if (inAddressRange(address, range)) {
      const embedded = kindOf({ family: 4, value: (address.value >> shift) & 0xffffffffn });
      return embedded === undefined ? undefined : `${embedded} (embedded in IPv6)`;
    }
  }
  return undefined;
}
