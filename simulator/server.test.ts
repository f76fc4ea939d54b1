import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildCdrRequestBody } from "../lib/voicenter/request";
import { readCdrResponse } from "../lib/voicenter/response";
import { defaultSimulatorConfig } from "./config";
import { startSimulatorServer, type SimulatorServer } from "./server";
import { NOW } from "./test-helpers";

describe("startSimulatorServer (real HTTP on a free port)", () => {
  let server: SimulatorServer;
  let untrusting: SimulatorServer;

  beforeAll(async () => {
    const config = defaultSimulatorConfig({ code: "s3cret", publicBaseUrl: "", now: () => NOW });
    server = await startSimulatorServer({ config, port: 0, host: "127.0.0.1" });
    untrusting = await startSimulatorServer({
      config: { ...config, trustedIps: ["10.9.8.7"] },
      port: 0,
      host: "127.0.0.1",
    });
  });
  afterAll(async () => {
    await server.close();
    await untrusting.close();
  });

  it("listens on the port it was given (0: any free one)", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("answers a POST and a GET, with RecordURLs that play from the same server with Range", async () => {
    const body = buildCdrRequestBody(
      {
        from: Date.UTC(2024, 5, 19, 7),
        to: Date.UTC(2024, 5, 19, 8),
        fields: ["CallID", "RecordURL", "Duration"],
      },
      "s3cret",
    );
    const post = await fetch(`${server.url}/hub/cdr/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(post.status).toBe(200);
    const read = readCdrResponse(await post.json());
    if (read.kind !== "ok") throw new Error(`expected calls, got ${JSON.stringify(read)}`);
    expect(read.totalHits).toBeGreaterThan(50);

    const get = await fetch(
      `${server.url}/hub/cdr?code=s3cret&fromdate=2024-06-19T07:00:00&todate=2024-06-19T08:00:00&fields=CallID`,
    );
    expect(readCdrResponse(await get.json())).toMatchObject({
      kind: "ok",
      totalHits: read.totalHits,
    });

    const withRecording = read.calls.find((c) => c.RecordURL);
    expect(withRecording?.RecordURL?.startsWith(`${server.url}/recordings/`)).toBe(true);
    const part = await fetch(withRecording?.RecordURL ?? "", { headers: { range: "bytes=0-43" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(
      `bytes 0-43/${44 + (withRecording?.Duration ?? 0) * 8000}`,
    );
    expect(
      Buffer.from(await part.arrayBuffer())
        .subarray(0, 4)
        .toString("latin1"),
    ).toBe("RIFF");
  });

  it("takes the client IP from the socket", async () => {
    const response = await fetch(
      `${untrusting.url}/hub/cdr/?code=s3cret&fromdate=2024-06-19T07:00:00&todate=2024-06-19T08:00:00`,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ERROR_NUMBER: 4,
      ERROR_DESCRIPTION: "IP address 127.0.0.1 is not trusted.",
      STATUS_CODE: 403,
    });
  });
});
