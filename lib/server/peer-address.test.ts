import { afterEach, describe, expect, it } from "vitest";

import { resetAuthConfigForTests } from "@/lib/auth/config";

import { callerKey } from "./caller-key";
import { PEER_ENTRY_MARK, peerAddress } from "./peer-address";

const marked = globalThis as { [PEER_ENTRY_MARK]?: unknown };
const request = (headers: Record<string, string>) =>
  new Request("http://localhost/api/x", { headers });

afterEach(() => {
  delete marked[PEER_ENTRY_MARK];
  delete process.env.CALLBOARD_API_TOKENS;
  resetAuthConfigForTests();
});

describe("peerAddress", () => {
  it("believes no header unless the production entry serves this process", () => {
    expect(peerAddress(request({ "x-callboard-peer": "10.0.0.1" }))).toBe("unknown");
  });

  it("reads the address scripts/serve.mjs wrote, and only an IP address", () => {
    marked[PEER_ENTRY_MARK] = true;
    expect(peerAddress(request({ "x-callboard-peer": "10.0.0.1" }))).toBe("10.0.0.1");
    expect(peerAddress(request({ "x-callboard-peer": "::ffff:127.0.0.1" }))).toBe(
      "::ffff:127.0.0.1",
    );
    expect(peerAddress(request({ "x-callboard-peer": "10.0.0.1, 10.0.0.2" }))).toBe("unknown");
    expect(peerAddress(request({ "x-callboard-peer": "evil.example" }))).toBe("unknown");
    expect(peerAddress(request({}))).toBe("unknown");
  });
});

describe("callerKey", () => {
  it("is the principal once access control knows it", () => {
    expect(callerKey(request({}), { kind: "user", id: "user:42" })).toBe("principal:user:42");
  });

  it("keys each demo visitor by its address, not the one principal they share", () => {
    marked[PEER_ENTRY_MARK] = true;
    const visitor = { kind: "demo-visitor", id: "demo-visitor" } as const;
    expect(callerKey(request({ "x-callboard-peer": "10.2.2.2" }), visitor)).toBe("peer:10.2.2.2");
  });

  it("falls back to the peer address, whatever Bearer value was invented", () => {
    marked[PEER_ENTRY_MARK] = true;
    const headers = { "x-callboard-peer": "10.1.1.1", authorization: `Bearer ${"z".repeat(40)}` };
    expect(callerKey(request(headers))).toBe("peer:10.1.1.1");
  });

  it("is a configured API token's label (never the token) when one is presented", () => {
    const token = "t0ken-for-a-bi-tool-0123456789abcdef";
    process.env.CALLBOARD_API_TOKENS = `viewer:${token}`;
    resetAuthConfigForTests();
    const key = callerKey(request({ authorization: `Bearer ${token}` }));
    expect(key).toBe("token:CALLBOARD_API_TOKENS #1 (viewer)");
    expect(key).not.toContain(token);
  });
});
