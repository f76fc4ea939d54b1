import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import { preferencesSchema, savedViewSchema, savedViewsSchema } from "@/lib/api/saved-views";
import { resetAuthConfigForTests } from "@/lib/auth/config";
import { auditEvent } from "@/lib/db/schema";
import { useProcessDatabase } from "@/testing/database/process-database";
import { LIVE_TEST_TOKEN } from "@/testing/live-token";

import type * as Preferences from "../preferences/route";
import type * as OneView from "./[viewId]/route";
import type * as Views from "./route";

/**
 * /api/views and /api/preferences, the real handlers in live mode, called as scripts call
 * them: with API tokens of CALLBOARD_API_TOKENS — two viewers and an admin, each its own
 * owner. Who sees which view, the refusals (a viewer renaming another's view: 403; an admin
 * may), the conflict's sentence, bad bodies named, and the audit trail of shared views.
 */
const TOKENS = {
  vera: `${LIVE_TEST_TOKEN}-vera`,
  walt: `${LIVE_TEST_TOKEN}-walt`,
  ada: `${LIVE_TEST_TOKEN}-ada`,
};
type Who = keyof typeof TOKENS;

let database: Awaited<ReturnType<typeof useProcessDatabase>>;
let routes: { views: typeof Views; one: typeof OneView; preferences: typeof Preferences };

beforeAll(async () => {
  Object.assign(process.env, {
    VOICENTER_CODE: "canary-views-route-4411",
    VOICENTER_API_URL: "http://127.0.0.1:9/hub/cdr/",
    CALLBOARD_API_TOKENS: `viewer:${TOKENS.vera},viewer:${TOKENS.walt},admin:${TOKENS.ada}`,
    CALLBOARD_AUTH_SECRET: "views-route-test-auth-secret-0123456789abcdef",
    CALLBOARD_BASE_URL: "http://localhost",
  });
  resetAuthConfigForTests();
  database = await useProcessDatabase("views-route");
  routes = {
    views: await import("./route"),
    one: await import("./[viewId]/route"),
    preferences: await import("../preferences/route"),
  };
});
afterAll(() => database.close());

function request(who: Who, path: string, method: string, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKENS[who]}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const post = (who: Who, body: unknown) =>
  routes.views.POST(request(who, "/api/views", "POST", body));
const segment = (viewId = "") => ({ params: Promise.resolve({ viewId }) });
const patch = (who: Who, id: string | undefined, body?: unknown) =>
  routes.one.PATCH(request(who, `/api/views/${id}`, "PATCH", body), segment(id));
const remove = (who: Who, id: string) =>
  routes.one.DELETE(request(who, `/api/views/${id}`, "DELETE"), segment(id));

async function save(who: Who, body: Record<string, unknown>) {
  const response = await post(who, body);
  expect(response.status).toBe(201);
  return savedViewSchema.parse(((await response.json()) as { view: unknown }).view);
}

const list = async (who: Who) =>
  savedViewsSchema.parse(await (await routes.views.GET(request(who, "/api/views", "GET"))).json());

async function error(response: Response, status: number) {
  expect(response.status).toBe(status);
  return apiErrorEnvelopeSchema.parse(await response.json()).error;
}

describe("/api/views", () => {
  it("keeps personal views to their owner and shows shared ones to everyone", async () => {
    const personal = await save("vera", {
      name: "Vera's queue 3",
      url: "/calls?queue=3&call=123.4",
    });
    expect(personal).toMatchObject({ url: "/calls?queue=3", shared: false, owner: { you: true } });
    const shared = await save("vera", {
      name: "Team: missed today",
      url: "/calls?status=NOANSWER&range=today",
      shared: true,
    });

    expect((await list("vera")).mine.map((v) => v.name)).toEqual([
      "Team: missed today",
      "Vera's queue 3",
    ]);
    const walts = await list("walt");
    expect(walts.mine).toEqual([]);
    expect(walts.shared.map((v) => [v.id, v.owner.label, v.canChange])).toEqual([
      [shared.id, "CALLBOARD_API_TOKENS #1 (viewer)", false],
    ]);
    expect((await list("ada")).shared.map((v) => v.canChange)).toEqual([true]);
  });

  it("refuses a viewer renaming or deleting another's view (403), lets an admin (200), and hides personal views (404)", async () => {
    const shared = await save("vera", { name: "Shared by Vera", url: "/queues", shared: true });
    const personal = await save("vera", { name: "Only Vera's", url: "/agents" });

    const refused = await error(await patch("walt", shared.id, { name: "Walt's now" }), 403);
    expect(refused).toEqual({
      code: "forbidden",
      message:
        "the view “Shared by Vera” is CALLBOARD_API_TOKENS #1 (viewer)'s: only its owner or an admin may rename, re-share or delete it",
    });
    await error(await remove("walt", shared.id), 403);
    await error(await patch("walt", personal.id, { name: "x" }), 404);

    const renamed = await patch("ada", shared.id, { name: "Shared (checked by Ada)" });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { view: { name: string } }).view.name).toBe(
      "Shared (checked by Ada)",
    );
    expect((await remove("ada", personal.id)).status).toBe(200);
    expect((await list("vera")).mine.map((v) => v.name)).not.toContain("Only Vera's");
  });

  it("answers a taken name with a sentence, and names what is wrong in a body", async () => {
    await save("walt", { name: "Evening shift", url: "/calls" });
    expect(await error(await post("walt", { name: "evening SHIFT", url: "/agents" }), 409)).toEqual(
      {
        code: "conflict",
        message:
          "you already have a view named “evening SHIFT”: choose another name (names are unique per person, whatever their case)",
      },
    );
    const cases: [unknown, string, RegExp][] = [
      [{ name: "", url: "/calls" }, "name", /must not be empty/],
      [{ name: "x".repeat(81), url: "/calls" }, "name", /at most 80 characters/],
      [{ name: "Admin", url: "/admin/users" }, "url", /must be a dashboard page/],
      [{ name: "Elsewhere", url: "https://example.com/calls" }, "url", /must be a dashboard page/],
      [{ url: "/calls" }, "name", /./],
      ["{not json", "body", /./],
    ];
    for (const [body, param, message] of cases) {
      const problem = await error(await post("walt", body), 400);
      expect(problem, JSON.stringify(body)).toMatchObject({ code: "bad_parameter", param });
      expect(problem.message).toMatch(message);
    }
    const view = (await list("walt")).mine[0];
    await error(await patch("walt", view?.id, {}), 400);
    await error(await patch("walt", "no such id", { name: "x" }), 400);
  });

  it("records changes to shared views in the audit trail, not to one's own personal views", async () => {
    const before = await auditedViews();
    const personal = await save("walt", { name: "Walt's private", url: "/calls" });
    await patch("walt", personal.id, { name: "Walt's private 2" });
    expect(await auditedViews()).toEqual(before);

    await patch("walt", personal.id, { shared: true });
    await remove("walt", personal.id);
    const added = (await auditedViews()).slice(before.length);
    expect(added).toEqual([
      {
        action: "view.update",
        target: personal.id,
        actorLabel: "CALLBOARD_API_TOKENS #2 (viewer)",
        details: expect.objectContaining({ name: "Walt's private 2", shared: true }) as unknown,
      },
      {
        action: "view.delete",
        target: personal.id,
        actorLabel: "CALLBOARD_API_TOKENS #2 (viewer)",
        details: expect.objectContaining({ shared: true }) as unknown,
      },
    ]);
  });
});

describe("/api/preferences", () => {
  const prefs = (who: Who, body?: unknown) =>
    body === undefined
      ? routes.preferences.GET(request(who, "/api/preferences", "GET"))
      : routes.preferences.PATCH(request(who, "/api/preferences", "PATCH", body));

  it("remembers each caller's zone and default view", async () => {
    const view = await save("ada", { name: "Ada's start", url: "/agents?range=last7Days" });
    const set = await prefs("ada", { timeZone: "America/Sao_Paulo", defaultViewId: view.id });
    expect(set.status).toBe(200);
    expect(preferencesSchema.parse(await (await prefs("ada")).json())).toEqual({
      timeZone: "America/Sao_Paulo",
      defaultViewId: view.id,
    });
    expect((await list("ada")).defaultViewId).toBe(view.id);
    expect(preferencesSchema.parse(await (await prefs("vera")).json()).timeZone).toBeNull();
    // someone else's personal view is not theirs to open at /
    await error(await prefs("vera", { defaultViewId: view.id }), 404);
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ timeZone: "" }, "timeZone"],
    [{ defaultViewId: "a\u0000b" }, "defaultViewId"],
    [{}, "body"],
  ])("refuses %j naming %s", async (body, param) => {
    expect(await error(await prefs("walt", body), 400)).toMatchObject({
      code: "bad_parameter",
      param,
    });
  });
});

async function auditedViews() {
  const { getDatabase } = await import("@/lib/db/connection");
  const db = await getDatabase();
  return db
    .select({
      action: auditEvent.action,
      target: auditEvent.target,
      actorLabel: auditEvent.actorLabel,
      details: auditEvent.details,
    })
    .from(auditEvent)
    .where(like(auditEvent.action, "view.%"))
    .orderBy(auditEvent.id);
}
