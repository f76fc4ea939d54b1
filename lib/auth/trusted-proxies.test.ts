import { describe, expect, it } from "vitest";

import { unwrap } from "@/testing/unwrap";

import {
  isTrustedAddress,
  parseAddress,
  parseAddressRange,
  parseAddressRanges,
  type AddressRange,
} from "./trusted-proxies";

const ranges = (text: string): AddressRange[] => unwrap(parseAddressRanges(text));

describe("parseAddress", () => {
  it.each([
    ["127.0.0.1", 4, 0x7f000001n],
    ["0.0.0.0", 4, 0n],
    ["255.255.255.255", 4, 0xffffffffn],
    ["::", 6, 0n],
    ["::1", 6, 1n],
    ["[::1]", 6, 1n],
    ["fe80::1%eth0", 6, (0xfe80n << 112n) | 1n],
    ["2001:db8::8:800:200c:417a", 6, 0x20010db8000000000008080020_0c417an],
    ["1:2:3:4:5:6:7:8", 6, 0x00010002000300040005000600070008n],
    ["1:2:3:4:5:6:7::", 6, 0x00010002000300040005000600070000n],
    ["::ffff:192.0.2.1", 6, 0xffffc0000201n],
    ["64:ff9b::192.0.2.33", 6, (0x64ff9bn << 96n) | 0xc0000221n],
  ])("reads %s", (text, family, value) => {
    expect(parseAddress(text)).toEqual({ family, value });
  });

  it.each([
    "",
    "localhost",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "010.0.0.1",
    "1.2.3.-4",
    "1::2::3",
    "1:::2",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7::8",
    "12345::1",
    "g::1",
    "1.2.3.4::",
    "::1.2.3",
  ])("refuses %j", (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});

describe("parseAddressRange", () => {
  it("clears host bits and treats a bare address as a range of one", () => {
    expect(parseAddressRange("10.1.2.3/8")).toEqual({ family: 4, network: 0x0a000000n, prefix: 8 });
    expect(parseAddressRange("10.1.2.3")).toEqual({ family: 4, network: 0x0a010203n, prefix: 32 });
    expect(parseAddressRange("fd00::1/8")).toEqual({
      family: 6,
      network: 0xfdn << 120n,
      prefix: 8,
    });
    expect(parseAddressRange("0.0.0.0/0")).toEqual({ family: 4, network: 0n, prefix: 0 });
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/x", "/8"])(
    "refuses %j",
    (text) => {
      expect(parseAddressRange(text)).toBeUndefined();
    },
  );
});

describe("parseAddressRanges", () => {
  it("reads a comma list and names the first wrong entry", () => {
    expect(ranges("10.0.0.0/8, ::1")).toHaveLength(2);
    const result = parseAddressRanges("10.0.0.0/8, proxy.internal");
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('entry 2 ("proxy.internal")') as string,
    });
  });
});

describe("isTrustedAddress", () => {
  const trusted = ranges("10.0.0.0/8,192.168.1.7,fd00::/8,::1");

  it.each([
    ["10.255.0.1", true],
    ["11.0.0.1", false],
    ["192.168.1.7", true],
    ["192.168.1.8", false],
    ["fd12:3456::1", true],
    ["fe80::1", false],
    ["::1", true],
    ["::2", false],
    ["::ffff:10.1.2.3", true],
    ["::ffff:11.1.2.3", false],
    ["[::1]", true],
    ["not an address", false],
    ["", false],
  ])("%s → %s", (ip, expected) => {
    expect(isTrustedAddress(ip, trusted)).toBe(expected);
  });

  it("matches an IPv4 client against an IPv4-mapped IPv6 range", () => {
    expect(isTrustedAddress("127.0.0.1", ranges("::ffff:127.0.0.0/104"))).toBe(true);
    expect(isTrustedAddress("128.0.0.1", ranges("::ffff:127.0.0.0/104"))).toBe(false);
  });

  it("trusts nobody with no ranges, and everyone with 0.0.0.0/0 only over IPv4", () => {
    expect(isTrustedAddress("10.0.0.1", [])).toBe(false);
    expect(isTrustedAddress(null, trusted)).toBe(false);
    expect(isTrustedAddress("203.0.113.9", ranges("0.0.0.0/0"))).toBe(true);
    expect(isTrustedAddress("2001:db8::1", ranges("0.0.0.0/0"))).toBe(false);
  });
});
