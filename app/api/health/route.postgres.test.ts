import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { closeDatabase } from "@/lib/db/connection";

/**
 * PostgreSQL that refuses (a database that does not exist), with a password in the URL.
 * Live mode, so no in-process simulator starts work that would outlive the test file.
 */

const PASSWORD = "Pa55-never-shown";
let GET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const server = new URL(inject("postgresUrl"));
  const client = new pg.Client({ connectionString: server.href });
  await client.connect();
  await client.query(`create role health_probe login password '${PASSWORD}'`);
  await client.end();
  server.username = "health_probe";
  server.password = PASSWORD;
  server.pathname = "/no_such_database";
  process.env.VOICENTER_CODE = "health-test-code";
  process.env.DATABASE_URL = server.href;
  GET = (await import("./route")).GET;
});

afterAll(() => closeDatabase());

describe("GET /api/health on PostgreSQL", () => {
  it("answers 503 when PostgreSQL refuses, without the URL's credentials", async () => {
    // health never waits long for a check: ask until the first one has completed
    let response = await GET(new Request("http://localhost/api/health"));
    let text = await response.text();
    for (let i = 0; i < 100 && text.includes("the database is opening"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await GET(new Request("http://localhost/api/health"));
      text = await response.text();
    }
    expect(response.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({
      ok: false,
      database: { kind: "postgres", ok: false, latencyMs: null },
    });
    expect(text).toContain('database \\"no_such_database\\" does not exist');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain("health_probe:");
  });
});
