import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { useProcessDatabase } from "@/testing/database/process-database";

/**
 * The embedded database in a folder of its own (see route.postgres.test.ts). Live mode, so
 * no in-process simulator starts work that would outlive the test file.
 */

const CODE = "health-test-code";

let GET: (request: Request) => Promise<Response>;
let database: Awaited<ReturnType<typeof useProcessDatabase>>;

beforeAll(async () => {
  process.env.VOICENTER_CODE = CODE;
  database = await useProcessDatabase("health");
  GET = (await import("./route")).GET;
});

afterAll(() => database.close());

describe("GET /api/health", () => {
  it("reports the embedded database: kind, ok and the round trip", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(CODE);
    expect(JSON.parse(text)).toMatchObject({
      ok: true,
      mode: "live",
      database: { kind: "pglite", ok: true, latencyMs: expect.any(Number) as unknown },
    });
  });
});
