import { describe, expect, it } from "vitest";

import { internalAddressKind } from "./internal-addresses";

describe("internalAddressKind", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared (CGNAT)"],
    ["100.127.255.254", "shared (CGNAT)"],
    ["0.0.0.0", "this-network"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved"],
    ["198.18.0.1", "benchmarking"],
    ["::1", "loopback"],
    ["::", "IPv4-compatible or unspecified"],
    ["::ffff:127.0.0.1", "IPv4-mapped"],
    ["::ffff:8.8.8.8", "IPv4-mapped"],
    ["::ffff:7f00:1", "IPv4-mapped"],
    ["fd00::1", "unique local (ULA)"],
    ["fc12:3456::1", "unique local (ULA)"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["64:ff9b::7f00:1", "loopback (embedded in IPv6)"],
    ["64:ff9b::a9fe:a9fe", "link-local (embedded in IPv6)"],
    ["2002:7f00:1::", "loopback (embedded in IPv6)"],
    ["2002:c0a8:101::1", "private (embedded in IPv6)"],
    ["2001:db8::1", "documentation"],
    ["localhost", "not an IP address"],
    ["2130706433", "not an IP address"],
    ["0177.0.0.1", "not an IP address"],
  ])("%s → %s", (ip, kind) => {
    expect(internalAddressKind(ip)).toBe(kind);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "192.169.0.1",
    "151.101.1.69",
    "2606:4700::1111",
    "2a00:1450:4001::200e",
    "64:ff9b::808:808",
    "2002:808:808::",
  ])("%s is public", (ip) => {
    expect(internalAddressKind(ip)).toBeUndefined();
  });
});
