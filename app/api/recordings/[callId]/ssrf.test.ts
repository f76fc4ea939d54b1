import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import { buildCdrRequestBody } from "@/lib/voicenter/request";
import { installCallsService } from "@/testing/calls-service";
import { startCountingServer, type CountingServer } from "@/testing/counting-server";
import { useProcessDatabase } from "@/testing/database/process-database";
import { authorized, useLiveToken } from "@/testing/live-token";
import { startScriptedUpstream, type ScriptedUpstream } from "@/testing/scripted-upstream";
import { simulatedCallIds } from "@/testing/simulator";

import type * as RouteModule from "./route";

/**
 * SSRF attempts on /api/recordings, over real HTTP and real DNS: the route runs in live mode
 * against an upstream that hands out hostile RecordURLs beside the account's real calls.
 * The targets are real servers on loopback (127.0.0.1 and ::1 on one port); none may see a
 * single request. `localhost:<victim port>` is listed on purpose: a listed name that
 * resolves to loopback must still be refused.
 */

const CODE = "canary-Ssrf-9dQ2-route";
const DAY = 86_400_000;
let upstream: ScriptedUpstream;
let otherAccount: ScriptedUpstream;
let victim: CountingServer;
let route: typeof RouteModule;
let database: Awaited<ReturnType<typeof useProcessDatabase>>;
let realCall = "";
const outcomes = new Map<string, number>();

beforeAll(async () => {
  victim = await startCountingServer("::");
  upstream = await startScriptedUpstream({
    code: CODE,
    seed: 5,
    callsPerDay: 300,
    rateLimit: 10_000,
  });
  otherAccount = await startScriptedUpstream({ code: "other-account", seed: 99, callsPerDay: 300 });
  process.env.VOICENTER_CODE = CODE;
  process.env.VOICENTER_API_URL = `${upstream.url}/hub/cdr/`;
  // Every attempt looks a call up upstream: more than the default 30 a minute.
  process.env.VOICENTER_RATE_LIMIT = "600";
  process.env.CALLBOARD_RECORDING_HOSTS = [
    new URL(upstream.url).host,
    `localhost:${victim.port}`,
    "*.voicenter.com",
    "*.voicenter.co.il",
  ].join(",");
  useLiveToken("admin");
  // plays are audited: the process's own database
  database = await useProcessDatabase("ssrf");
  route = await import("./route");
  installCallsService({ lookupsPerMinute: 10_000 });
  realCall = await callWithRecording();
});

afterAll(async () => {
  await Promise.all([victim.close(), upstream.close(), otherAccount.close(), database.close()]);
  const tally = [...outcomes].map(([outcome, n]) => `${outcome} ×${n}`).join(", ");
  console.log(`SSRF attempts: ${[...outcomes.values()].reduce((a, b) => a + b, 0)} (${tally})`);
});

/** A call of the account, yesterday, that has a recording (asked of the simulator directly). */
async function callWithRecording(): Promise<string> {
  const now = Date.now();
  const body = buildCdrRequestBody(
    { from: now - 2 * DAY, to: now - DAY, fields: ["CallID", "RecordURL"] },
    CODE,
  );
  const answer = await fetch(`${upstream.url}/hub/cdr/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const { CDR_LIST } = (await answer.json()) as {
    CDR_LIST: { CallID: string; RecordURL?: string }[];
  };
  const id = CDR_LIST.find((call) => call.RecordURL)?.CallID;
  if (!id) throw new Error("the simulator has no recorded call yesterday");
  return id;
}

async function request(callId: string, init: RequestInit & { method?: "GET" | "HEAD" } = {}) {
  const handler = init.method === "HEAD" ? route.HEAD : route.GET;
  return handler(
    new Request(`http://localhost/api/recordings/${encodeURIComponent(callId)}`, authorized(init)),
    { params: Promise.resolve({ callId }) },
  );
}

/** Plays a call whose RecordURL is `link`; returns the error code (or the status when served). */
async function attempt(link: string, method: "GET" | "HEAD" = "GET"): Promise<string> {
  const callId = `ssrf-${upstream.links.size + 1}`;
  upstream.links.set(callId, link);
  const response = await request(callId, { method });
  let outcome = `served ${response.status}`;
  if (response.ok) await response.body?.cancel();
  else outcome = await codeOf(response);
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  return outcome;
}

async function codeOf(response: Response): Promise<string> {
  const text = await response.text();
  expect(text).not.toContain(CODE);
  expect(text).not.toContain(String(victim.port));
  return apiErrorEnvelopeSchema.parse(JSON.parse(text)).error.code;
}

const Q = () => victim.port;

describe("recording links that point elsewhere are never fetched", () => {
  it.each<[string, () => string, string]>([
    ["a foreign host", () => "http://evil.example.com/rec.wav", "recording_host_not_allowed"],
    [
      "a look-alike of Voicenter's domain",
      () => "https://cpanel.voicenter.co.il.evil.example/x.wav",
      "recording_host_not_allowed",
    ],
    [
      "a listed host on another port",
      () => `http://127.0.0.1:${Q()}/rec.wav`,
      "recording_host_not_allowed",
    ],
    ["IPv6 loopback", () => `http://[::1]:${Q()}/rec.wav`, "recording_host_not_allowed"],
    [
      "cloud metadata",
      () => "http://169.254.169.254/latest/meta-data/",
      "recording_host_not_allowed",
    ],
    ["10/8", () => "http://10.0.0.1/rec.wav", "recording_host_not_allowed"],
    ["192.168/16", () => "http://192.168.1.1/rec.wav", "recording_host_not_allowed"],
    [
      "IPv4-mapped IPv6 loopback",
      () => `http://[::ffff:127.0.0.1]:${Q()}/rec.wav`,
      "recording_host_not_allowed",
    ],
    ["decimal IPv4", () => `http://2130706433:${Q()}/`, "recording_host_not_allowed"],
    ["hex IPv4", () => `http://0x7f000001:${Q()}/`, "recording_host_not_allowed"],
    ["octal IPv4", () => `http://0177.0.0.1:${Q()}/`, "recording_host_not_allowed"],
    ["short IPv4", () => `http://127.1:${Q()}/`, "recording_host_not_allowed"],
    [
      "credentials before a foreign host",
      () => `http://${new URL(upstream.url).host}@evil.example.com/x.wav`,
      "recording_host_not_allowed",
    ],
    ["a trailing-dot name", () => `http://localhost.:${Q()}/rec.wav`, "recording_host_not_allowed"],
    [
      "another account's recording server",
      () => `${otherAccount.url}/recordings/x.wav`,
      "recording_host_not_allowed",
    ],
    [
      "a listed name resolving to loopback",
      () => `http://localhost:${Q()}/rec.wav`,
      "recording_address_refused",
    ],
    ["the same, in capitals", () => `http://LOCALHOST:${Q()}/rec.wav`, "recording_address_refused"],
    ["file:", () => "file:///etc/passwd", "recording_link_invalid"],
    [
      "data:",
      () => "data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=",
      "recording_link_invalid",
    ],
    ["ftp:", () => `ftp://127.0.0.1:${Q()}/rec.wav`, "recording_link_invalid"],
    ["javascript:", () => "javascript:alert(1)", "recording_link_invalid"],
    ["gopher:", () => `gopher://127.0.0.1:${Q()}/_GET%20/`, "recording_link_invalid"],
    ["not a URL", () => "//evil.example.com/rec.wav", "recording_link_invalid"],
  ])("%s → %s", async (_what, link, code) => {
    expect(await attempt(link())).toBe(code);
  });

  it.each<[string, () => string, string]>([
    ["a foreign host", () => "http://evil.example.com/rec.wav", "recording_host_not_allowed"],
    ["the victim by address", () => `http://127.0.0.1:${Q()}/admin`, "recording_host_not_allowed"],
    [
      "the victim by listed name",
      () => `http://localhost:${Q()}/admin`,
      "recording_address_refused",
    ],
    ["IPv6 loopback", () => `http://[::1]:${Q()}/admin`, "recording_host_not_allowed"],
    [
      "cloud metadata",
      () => "http://169.254.169.254/latest/meta-data/",
      "recording_host_not_allowed",
    ],
    ["decimal IPv4", () => `http://2130706433:${Q()}/`, "recording_host_not_allowed"],
    ["file:", () => "file:///etc/passwd", "recording_link_invalid"],
    ["data:", () => "data:text/plain,hello", "recording_link_invalid"],
  ])("a redirect from the allowed host to %s → %s", async (_what, target, code) => {
    const link = `${upstream.url}/redirect/1?to=${encodeURIComponent(target())}`;
    expect(await attempt(link)).toBe(code);
    expect(await attempt(link, "HEAD")).toBe(code);
  });

  it("follows three redirects within the list, and refuses a fourth", async () => {
    const audio = `${upstream.url}/recordings/${realCall}.wav`;
    expect(await attempt(`${upstream.url}/redirect/3?to=${encodeURIComponent(audio)}`)).toBe(
      "served 200",
    );
    const before = upstream.requests.filter((r) => r.path.startsWith("/recordings/")).length;
    expect(await attempt(`${upstream.url}/redirect/4?to=${encodeURIComponent(audio)}`)).toBe(
      "recording_too_many_redirects",
    );
    expect(upstream.requests.filter((r) => r.path.startsWith("/recordings/"))).toHaveLength(before);
  });

  it("plays the account's own recording, sending neither the browser's cookies nor its authorization", async () => {
    const response = await request(realCall, {
      headers: {
        cookie: "session=s3cret",
        authorization: "Bearer abcdefabcdefabcdefabcdefabcdefabcdef",
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    await response.body?.cancel();
    const fetched = upstream.requests.filter((r) => r.path === `/recordings/${realCall}.wav`);
    expect(fetched.length).toBeGreaterThan(0);
    for (const { headers } of fetched) {
      expect(headers.get("cookie")).toBeNull();
      expect(headers.get("authorization")).toBeNull();
    }
  });

  it("does not pass the API's own answer off as a recording when a link names the endpoint", async () => {
    // The simulator answers a GET without dates with its JSON error 5, as HTTP 404.
    expect(await attempt(`${upstream.url}/hub/cdr/?code=${CODE}`)).toBe("recording_not_found");
  });
});

describe("call ids that are not this account's calls", () => {
  it("another account's calls are unknown here: 404, and its servers see nothing", async () => {
    const now = Date.now();
    const theirs = simulatedCallIds(
      otherAccount.simulator,
      { from: now - 2 * DAY, to: now - DAY },
      now,
    );
    expect(theirs.length).toBeGreaterThan(5);
    for (const callId of theirs.slice(0, 5)) {
      const response = await request(callId);
      expect(response.status).toBe(404);
      const code = await codeOf(response);
      expect(code).toBe("no_recording");
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    expect(otherAccount.requests).toHaveLength(0);
  });

  it.each([
    "../../hub/cdr",
    "..%2F..%2Fhub%2Fcdr",
    "%2e%2e%2f",
    "%252e%252e%252f",
    "a\u0000b",
    "a%00b",
    "a/b",
    "a\\b",
    ".hidden",
    "-rf",
    "id?x=1",
    "id#x",
    "a b",
    "a\nb",
    "ＡＢＣ",
    "http://evil.example.com",
    "x".repeat(129),
    "x".repeat(10_000),
    "",
  ])("a path trick in the id → 400 naming callId, nothing asked: %s", async (callId) => {
    const before = upstream.requests.length;
    const response = await request(callId);
    expect(response.status).toBe(400);
    const { error } = apiErrorEnvelopeSchema.parse(await response.json());
    expect(error).toMatchObject({ code: "bad_parameter", param: "callId" });
    expect(upstream.requests).toHaveLength(before);
    outcomes.set("bad_parameter", (outcomes.get("bad_parameter") ?? 0) + 1);
  });
});

describe("the targets", () => {
  it("saw no request at all", () => {
    expect(victim.requests).toEqual([]);
    expect(otherAccount.requests).toEqual([]);
  });
});
