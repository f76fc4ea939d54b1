import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";

import {
  callbackAssigneesSchema,
  callbackWorkListSchema,
  callbackWorkSchema,
} from "@/lib/api/callbacks";
import { apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import { useProcessDatabase } from "@/testing/database/process-database";
import { authorized, useLiveToken } from "@/testing/live-token";

/**
 * The worklist's routes, real handlers in live mode with an API token and the process's own
 * embedded database: assign, mark, note and read back, each change in the audit trail;
 * bodies refused with the field named; a viewer refused.
 */

let database: Awaited<ReturnType<typeof useProcessDatabase>>;
type Route = (request: Request) => Promise<Response>;
let work: { GET: Route; POST: Route };
let notes: { POST: Route };
let assignees: { GET: Route };

beforeAll(async () => {
  process.env.VOICENTER_CODE = "callbacks-route-test-code";
  process.env.VOICENTER_API_URL = "http://127.0.0.1:9/hub/cdr/";
  process.env.CALLBOARD_STORE = "off";
  useLiveToken("supervisor");
  database = await useProcessDatabase("callbacks-route");
  const { getDatabase, user } = await import("@/lib/db");
  await (await getDatabase()).insert(user).values([
    { id: "u-dana", name: "Dana", email: "dana@example.com", role: "supervisor" },
    { id: "u-vic", name: "Vic", email: "vic@example.com", role: "viewer" },
  ]);
  work = await import("./work/route");
  notes = await import("./notes/route");
  assignees = await import("./assignees/route");
});

afterAll(async () => {
  await database.close();
  useLiveToken("admin");
});

const post = (route: Route, path: string, body: unknown) =>
  route(
    new Request(
      `http://localhost${path}`,
      authorized({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    ),
  );
const get = (route: Route, path: string) =>
  route(new Request(`http://localhost${path}`, authorized()));

const workOf = (json: unknown) => z.object({ work: callbackWorkSchema }).parse(json).work;

const ROW = {
  key: "0501234567|call-1",
  number: "0501234567",
  firstMissedAt: "2024-06-02T08:00:00.000Z",
  missedIds: ["call-1", "call-2"],
};
const RANGE = "from=2024-06-02T00:00:00Z&to=2024-06-03T00:00:00Z";

async function auditActions(): Promise<string[]> {
  const { getDatabase, auditEvent } = await import("@/lib/db");
  const rows = await (await getDatabase()).select().from(auditEvent);
  return rows.filter((r) => r.action.startsWith("callback.")).map((r) => `${r.action} ${r.target}`);
}

describe("/api/callbacks", () => {
  it("assigns to me, to a colleague, marks done, adds a note; everyone reads it back", async () => {
    const listed = callbackAssigneesSchema.parse(
      await (await get(assignees.GET, "/api/callbacks/assignees")).json(),
    );
    expect(listed.me.id).toMatch(/^token:/);
    expect(listed.users).toEqual([{ id: "user:u-dana", label: "Dana (dana@example.com)" }]);

    const mine = await post(work.POST, "/api/callbacks/work", { ...ROW, assignee: "me" });
    expect(mine.status).toBe(200);
    expect(workOf(await mine.json()).assignee).toEqual(listed.me);

    const dana = await post(work.POST, "/api/callbacks/work", {
      ...ROW,
      assignee: "user:u-dana",
      state: "done",
    });
    const after = workOf(await dana.json());
    expect(after).toMatchObject({ state: "done", assignee: listed.users[0] });

    const noted = await post(notes.POST, "/api/callbacks/notes", { ...ROW, text: "rang back" });
    expect(noted.status).toBe(201);

    const read = callbackWorkListSchema.parse(
      await (await get(work.GET, `/api/callbacks/work?${RANGE}`)).json(),
    );
    expect(read.work).toHaveLength(1);
    expect(read.work[0]).toMatchObject({
      key: ROW.key,
      missedIds: ["call-1", "call-2"],
      state: "done",
      notes: [{ text: "rang back" }],
    });
    expect(await auditActions()).toEqual([
      `callback.assign ${ROW.key}`,
      `callback.assign ${ROW.key}`,
      `callback.state ${ROW.key}`,
      `callback.note ${ROW.key}`,
    ]);
  });

  it.each([
    [{ ...ROW, key: "0509999999|call-1", state: "done" }, "key"],
    [{ ...ROW, number: "05-01" }, "number"],
    [{ ...ROW, firstMissedAt: "2024-06-02 08:00" }, "firstMissedAt"],
    [ROW, "body"],
    [{ ...ROW, state: "closed" }, "state"],
    [{ ...ROW, assignee: "user:u-vic" }, "assignee"],
    ["not json", "body"],
  ])("refuses the change %j with a 400 naming %s", async (body, param) => {
    const response = await post(work.POST, "/api/callbacks/work", body);
    expect(response.status).toBe(400);
    const { error } = apiErrorEnvelopeSchema.parse(await response.json());
    expect(error).toMatchObject({ code: "bad_parameter", param });
  });

  it.each([
    ["from=2024-06-02&to=2024-06-03T00:00:00Z", "from"],
    ["from=2024-06-02T00:00:00Z", "to"],
    ["from=2024-06-03T00:00:00Z&to=2024-06-02T00:00:00Z", "to"],
    ["from=2023-01-01T00:00:00Z&to=2024-06-02T00:00:00Z", "to"],
  ])("refuses the range %s naming %s", async (query, param) => {
    const response = await get(work.GET, `/api/callbacks/work?${query}`);
    expect(response.status).toBe(400);
    expect(apiErrorEnvelopeSchema.parse(await response.json()).error.param).toBe(param);
  });

  it("refuses an empty note, and a viewer everything", async () => {
    const empty = await post(notes.POST, "/api/callbacks/notes", { ...ROW, text: "  " });
    expect(apiErrorEnvelopeSchema.parse(await empty.json()).error.param).toBe("text");

    useLiveToken("viewer");
    for (const response of [
      await get(work.GET, `/api/callbacks/work?${RANGE}`),
      await post(work.POST, "/api/callbacks/work", { ...ROW, state: "open" }),
      await post(notes.POST, "/api/callbacks/notes", { ...ROW, text: "x" }),
      await get(assignees.GET, "/api/callbacks/assignees"),
    ]) {
      expect(response.status).toBe(403);
      const { error } = apiErrorEnvelopeSchema.parse(await response.json());
      expect(error.message).toContain("may not work the callback list");
    }
    useLiveToken("supervisor");
  });
});
