import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseHostPatterns } from "@/lib/security/host-allow-list";
import { startCountingServer, type CountingServer } from "@/testing/counting-server";
import { recordingFailure } from "@/testing/recordings";
import { unwrap } from "@/testing/unwrap";

import { fetchHop, guardedHttpHop, type ResolvedAddress } from "./recording-transport";
import { streamRecording } from "./recordings";

/**
 * The live transport's guarantees, over real sockets on loopback: it connects only to the
 * address it checked, refuses a name with any internal address, stops at the size and time
 * limits, and sends nothing of the browser's.
 */

const WAV_HEAD = Buffer.from("RIFF\x24\x08\x00\x00WAVEfmt ", "latin1");
const wav = (length: number) =>
  Buffer.concat([WAV_HEAD, Buffer.alloc(length - WAV_HEAD.length, 7)]);

function serveWav(req: IncomingMessage, res: ServerResponse) {
  if (req.url === "/huge.wav") {
    // Declares 300 MB, then sends only the head and hangs up.
    res.writeHead(200, { "content-type": "audio/wav", "content-length": 300 * 1024 * 1024 });
    res.end(wav(4096));
    return;
  }
  if (req.url === "/endless.wav") {
    res.writeHead(200, { "content-type": "audio/wav" });
    const timer = setInterval(() => res.write(wav(16 * 1024)), 5);
    res.on("close", () => clearInterval(timer));
    return;
  }
  if (req.url === "/slow.wav") {
    res.writeHead(200, { "content-type": "audio/wav" });
    res.write(wav(2048));
    const timer = setInterval(() => res.write(Buffer.alloc(16, 1)), 50);
    res.on("close", () => clearInterval(timer));
    return;
  }
  if (req.url === "/moved") {
    res.writeHead(302, { location: "/a.wav" });
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": "audio/wav", "content-length": 4096, connection: "close" });
  res.end(wav(4096));
}

let good: CountingServer;
let internal: CountingServer;

beforeAll(async () => {
  good = await startCountingServer("127.0.0.2", serveWav);
  // The same port on another loopback address: where a rebinding answer would lead.
  internal = await startCountingServer("127.0.0.1", serveWav, good.port);
});

afterAll(async () => {
  await Promise.all([good.close(), internal.close()]);
});

/** A resolver that answers `rebind.test` with the given addresses, in turn. */
function scriptedResolver(...answers: ResolvedAddress[][]) {
  const calls: string[] = [];
  return {
    calls,
    resolve: (hostname: string) => {
      calls.push(hostname);
      return Promise.resolve(answers[Math.min(calls.length, answers.length) - 1] ?? []);
    },
  };
}

/** 127.0.0.2 stands for the public internet here; everything else is internal. */
const refuse = (ip: string) => (ip === "127.0.0.2" ? undefined : "internal");
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });

function play(path: string, resolve: (name: string) => Promise<ResolvedAddress[]>, extra = {}) {
  return streamRecording({
    recordUrl: `http://rebind.test:${good.port}${path}`,
    source: {
      hosts: unwrap(parseHostPatterns(`rebind.test:${good.port}`)),
      hop: guardedHttpHop({ resolve, refuse }),
    },
    timeoutMs: 2000,
    ...extra,
  });
}

describe("the live transport", () => {
  it("connects to the address it checked; a name that turns internal later is refused then", async () => {
    const dns = scriptedResolver([v4("127.0.0.2")], [v4("127.0.0.1")]);
    const first = await play("/a.wav", dns.resolve);
    expect(first.status).toBe(200);
    expect((await first.arrayBuffer()).byteLength).toBe(4096);
    // The server closed the connection, so the next request resolves again: now to loopback.
    const error = await recordingFailure(play("/a.wav", dns.resolve), ["127.0.0.1"]);
    expect(error.kind).toBe("address-refused");
    expect(dns.calls).toEqual(["rebind.test", "rebind.test"]);
    expect(good.requests).toHaveLength(1);
    expect(internal.requests).toHaveLength(0);
  });

  it("refuses a name with any internal address among its answers, connecting nowhere", async () => {
    const before = good.requests.length;
    const dns = scriptedResolver([v4("127.0.0.2"), v4("127.0.0.1")]);
    const error = await recordingFailure(play("/a.wav", dns.resolve), ["127.0.0.1"]);
    expect(error).toMatchObject({ kind: "address-refused", code: "recording_address_refused" });
    expect(good.requests).toHaveLength(before);
    expect(internal.requests).toHaveLength(0);
  });

  it("follows a relative redirect on the same allowed host, checking it again", async () => {
    const dns = scriptedResolver([v4("127.0.0.2")]);
    const response = await play("/moved", dns.resolve);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(good.requests.slice(-2).map((r) => r.path)).toEqual(["/moved", "/a.wav"]);
  });

  it("sends only its own headers: no cookie, authorization or forwarding headers", async () => {
    const dns = scriptedResolver([v4("127.0.0.2")]);
    await (await play("/a.wav", dns.resolve, { range: "bytes=0-" })).arrayBuffer();
    const sent = good.requests.at(-1)?.headers ?? {};
    expect(Object.keys(sent).sort()).toEqual(
      ["accept", "accept-encoding", "connection", "host", "range"].sort(),
    );
  });

  it("refuses a recording that declares more than the size limit, before streaming it", async () => {
    const dns = scriptedResolver([v4("127.0.0.2")]);
    const error = await recordingFailure(play("/huge.wav", dns.resolve), []);
    expect(error).toMatchObject({ kind: "too-large", code: "recording_too_large", status: 502 });
  });

  it("cuts a stream that runs past the size limit", async () => {
    const dns = scriptedResolver([v4("127.0.0.2")]);
    const response = await play("/endless.wav", dns.resolve, { maxBytes: 256 * 1024 });
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toMatchObject({ kind: "too-large" });
  });

  it("cuts a stream that runs past the time limit", async () => {
    const dns = scriptedResolver([v4("127.0.0.2")]);
    const started = Date.now();
    const response = await play("/slow.wav", dns.resolve, { maxDurationMs: 400 });
    await expect(response.arrayBuffer()).rejects.toBeDefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    "file:///etc/passwd",
    "ftp://127.0.0.1/x.wav",
    "javascript:alert(1)",
    "data:audio/wav;base64,UklGRg==",
    "not a url",
    "/relative.wav",
  ])("fetches only http(s) links: %s is refused unfetched", async (recordUrl) => {
    let fetched = false;
    const error = await recordingFailure(
      streamRecording({
        recordUrl,
        source: {
          hosts: [{ host: "127.0.0.1", port: "", subdomains: false }],
          hop: fetchHop(() => {
            fetched = true;
            return Promise.resolve(new Response(wav(4096)));
          }),
        },
        timeoutMs: 1000,
      }),
      [],
    );
    expect(error.kind).toBe("invalid-url");
    expect(fetched).toBe(false);
  });
});
