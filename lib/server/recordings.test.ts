import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { patternForUrl } from "@/lib/security/host-allow-list";
import { recordingFailure } from "@/testing/recordings";

import type { RecordingSource } from "./recording-fetch";
import { guardedHttpHop } from "./recording-transport";
import { streamRecording, type StreamRecordingOptions } from "./recordings";

/** A tiny recording server whose every path answers one way (see `routes`). */
type Route = (req: IncomingMessage, res: ServerResponse) => void;

const SECRET = "S3cr3t-Acc0unt";

function bytes(length: number, head = ""): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (i * 7 + 3) % 251;
  out.write(head, 0, "latin1");
  return out;
}

const WAV_HEAD = "RIFF\x24\x08\x00\x00WAVEfmt ";
const WAV = bytes(4096, WAV_HEAD);
const MP3 = bytes(4096, "ID3\x04\x00\x00");

const seen: { path: string; range?: string; query: string }[] = [];

const routes: Record<string, Route> = {
  "/html": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><body>Please log in ${"x".repeat(3000)}</body></html>`);
  },
  "/json": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "expired", pad: "x".repeat(3000) }));
  },
  "/audio-but-html.mp3": (_req, res) => {
    res.writeHead(200, { "content-type": "audio/mpeg" });
    res.end(`  <html><body>${"x".repeat(3000)}</body></html>`);
  },
  "/tiny.wav": (_req, res) => {
    res.writeHead(200, { "content-type": "audio/wav" });
    res.end(WAV.subarray(0, 200));
  },
  "/tiny-chunked.wav": (_req, res) => {
    res.writeHead(200, { "content-type": "audio/wav", "transfer-encoding": "chunked" });
    res.write(WAV.subarray(0, 100));
    res.end(WAV.subarray(100, 300));
  },
  "/octet.wav": (req, res) => serveBytes(req, res, WAV, "application/octet-stream"),
  "/octet.mp3": (req, res) => serveBytes(req, res, MP3, "application/octet-stream"),
  "/noise.bin": (req, res) =>
    serveBytes(req, res, bytes(4096, "\x00\x01\x02\x03"), "application/octet-stream"),
  "/image.png": (req, res) => serveBytes(req, res, bytes(4096, "\x89PNG"), "image/png"),
  "/chunked.mp3": (_req, res) => {
    res.writeHead(200, { "content-type": "audio/mpeg", "transfer-encoding": "chunked" });
    for (let i = 0; i < MP3.length; i += 500) res.write(MP3.subarray(i, i + 500));
    res.end();
  },
  "/gone": (_req, res) => status(res, 410),
  "/missing": (_req, res) => status(res, 404),
  "/busy": (_req, res) => status(res, 429, { "retry-after": "30" }),
  "/busy-no-header": (_req, res) => status(res, 429),
  "/unauthorized": (_req, res) => status(res, 401),
  "/forbidden": (_req, res) => status(res, 403),
  "/broken": (_req, res) => status(res, 500),
  "/hang": () => undefined,
};

function status(res: ServerResponse, code: number, headers: Record<string, string> = {}) {
  // Error pages that quote the request, as some servers do: nothing of it may reach a message.
  res.writeHead(code, { "content-type": "text/html", ...headers });
  res.end(`<html>error ${code} for ${SECRET}</html>`);
}

function serveBytes(req: IncomingMessage, res: ServerResponse, body: Buffer, type: string) {
  const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  if (!match) {
    res.writeHead(200, {
      "content-type": type,
      "content-length": body.length,
      "accept-ranges": "bytes",
    });
    res.end(body);
    return;
  }
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), body.length - 1) : body.length - 1;
  if (start >= body.length) {
    res.writeHead(416, { "content-range": `bytes */${body.length}` });
    res.end();
    return;
  }
  res.writeHead(206, {
    "content-type": type,
    "content-length": end - start + 1,
    "content-range": `bytes ${start}-${end}/${body.length}`,
  });
  res.end(body.subarray(start, end + 1));
}

let server: Server;
let origin = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    seen.push({ path: url.pathname, range: req.headers.range, query: url.search });
    const route = routes[url.pathname];
    if (route) route(req, res);
    else status(res, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Live mode's own transport, with the test server's loopback address listed explicitly. */
const hop = guardedHttpHop();
const loopback = (url: string): RecordingSource => ({ hosts: [patternForUrl(new URL(url))], hop });

function stream(path: string, opts: Partial<StreamRecordingOptions> = {}) {
  return streamRecording({
    recordUrl: `${origin}${path}?code=${SECRET}&token=abc`,
    source: loopback(origin),
    timeoutMs: 2000,
    ...opts,
  });
}

/** The link may carry credentials: neither it, its host nor the account code is ever quoted. */
const failure = (promise: Promise<unknown>) =>
  recordingFailure(promise, [SECRET, origin, "127.0.0.1"]);

async function body(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe("streamRecording: what is not a recording is refused", () => {
  it.each([
    ["an HTML page", "/html"],
    ["a JSON answer", "/json"],
    ["an HTML page labelled audio/mpeg", "/audio-but-html.mp3"],
    ["a tiny file", "/tiny.wav"],
    ["a tiny file of unannounced length", "/tiny-chunked.wav"],
    ["application/octet-stream without an audio signature", "/noise.bin"],
    ["an image", "/image.png"],
  ])("%s → not-audio (502)", async (_what, path) => {
    const error = await failure(stream(path));
    expect(error.kind).toBe("not-audio");
    expect(error.status).toBe(502);
    expect(error.code).toBe("recording_not_audio");
  });

  it("takes application/octet-stream with a WAV or MP3 signature, and names the type", async () => {
    const wav = await stream("/octet.wav", { downloadBaseName: "call-abc" });
    expect(wav.status).toBe(200);
    expect(wav.headers.get("content-type")).toBe("audio/wav");
    expect(wav.headers.get("content-disposition")).toBe('attachment; filename="call-abc.wav"');
    expect((await body(wav)).equals(WAV)).toBe(true);

    const mp3 = await stream("/octet.mp3", { downloadBaseName: "call-abc" });
    expect(mp3.headers.get("content-type")).toBe("audio/mpeg");
    expect(mp3.headers.get("content-disposition")).toBe('attachment; filename="call-abc.mp3"');
    expect((await body(mp3)).equals(MP3)).toBe(true);
  });

  it("streams audio of unannounced length whole", async () => {
    const response = await stream("/chunked.mp3");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBeNull();
    expect((await body(response)).equals(MP3)).toBe(true);
  });

  it("accepts a later byte range of a generic type, typed from the link's extension", async () => {
    const response = await stream("/octet.wav", { range: "bytes=2048-" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect((await body(response)).equals(WAV.subarray(2048))).toBe(true);
  });
});

describe("streamRecording: the recording server's refusals, explained", () => {
  it.each([
    ["/missing", 404],
    ["/gone", 410],
  ])("%s → recording not found or expired", async (path, upstreamStatus) => {
    const error = await failure(stream(path));
    expect(error).toMatchObject({
      kind: "not-found",
      status: 404,
      code: "recording_not_found",
      upstreamStatus,
    });
    expect(error.message).toBe("recording not found or expired");
  });

  it("429 → rate-limited, with the server's Retry-After (60 s when it gives none)", async () => {
    const error = await failure(stream("/busy"));
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryAfterSeconds: 30 });
    expect(error.message).toBe("the recording server is rate-limiting; try again in a minute");
    expect((await failure(stream("/busy-no-header"))).retryAfterSeconds).toBe(60);
  });

  it.each(["/unauthorized", "/forbidden"])("%s → the recording link was refused", async (path) => {
    const error = await failure(stream(path));
    expect(error).toMatchObject({
      kind: "refused",
      status: 502,
      message: "the recording link was refused",
    });
  });

  it("a 5xx → 502 naming only the HTTP status", async () => {
    const error = await failure(stream("/broken"));
    expect(error).toMatchObject({
      kind: "upstream",
      status: 502,
      message: "the recording server answered HTTP 500",
    });
  });

  it("no answer in time → 504", async () => {
    const started = Date.now();
    const error = await failure(stream("/hang", { timeoutMs: 300 }));
    expect(error).toMatchObject({ kind: "timeout", status: 504 });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("an unreachable server → 502", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(
      streamRecording({
        recordUrl: `http://user:${SECRET}@127.0.0.1:${port}/r.wav?code=${SECRET}`,
        source: loopback(`http://127.0.0.1:${port}`),
        timeoutMs: 2000,
      }),
    );
    expect(error).toMatchObject({ kind: "network", status: 502 });
  });

  it("the caller leaving aborts the download with the caller's own reason", async () => {
    const controller = new AbortController();
    const pending = stream("/hang", { signal: controller.signal, timeoutMs: 5000 });
    controller.abort(new Error("listener left"));
    await expect(pending).rejects.toThrow("listener left");
  });
});

describe("streamRecording: what is sent to the recording server", () => {
  it("forwards a single byte range and drops anything else", async () => {
    seen.length = 0;
    await (await stream("/octet.wav", { range: "bytes=0-99" })).arrayBuffer();
    await (await stream("/octet.wav", { range: "bytes=0-1,5-9" })).arrayBuffer();
    await (await stream("/octet.wav", { range: "items=0-1" })).arrayBuffer();
    expect(seen.filter((s) => s.path === "/octet.wav").map((s) => s.range)).toEqual([
      "bytes=0-99",
      undefined,
      undefined,
    ]);
  });

  it("adds the account code to the link only when asked (off by default)", async () => {
    seen.length = 0;
    const plain = `${origin}/octet.wav`;
    const source = loopback(origin);
    await (await streamRecording({ recordUrl: plain, source, timeoutMs: 2000 })).arrayBuffer();
    await (
      await streamRecording({
        recordUrl: plain,
        source,
        timeoutMs: 2000,
        addCode: { code: SECRET },
      })
    ).arrayBuffer();
    expect(seen.filter((s) => s.path === "/octet.wav").map((s) => s.query)).toEqual([
      "",
      `?code=${SECRET}`,
    ]);
  });
});
