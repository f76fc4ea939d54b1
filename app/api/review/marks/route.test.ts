import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import {
  reviewMarkRemovedSchema,
  reviewMarkResponseSchema,
  reviewMarksResponseSchema,
} from "@/lib/api/review";
import { resetAuthConfigForTests } from "@/lib/auth/config";
import { auditEvent, getDatabase } from "@/lib/db";
import { useProcessDatabase } from "@/testing/database/process-database";
import { useLiveToken } from "@/testing/live-token";

import type * as MarkRoute from "./[callId]/route";
import type * as SearchRoute from "./search/route";

/**
 * The review routes, real handlers in live mode on the process's own database, called as
 * scripts call them: with API tokens of CALLBOARD_API_TOKENS — two supervisors and a viewer.
 */

const TOKENS = {
  anna: "review-route-anna-0123456789abcdef-0123",
  ben: "review-route-ben-0123456789abcdef-01234",
  vera: "review-route-vera-0123456789abcdef-0123",
} as const;
type Who = keyof typeof TOKENS;

let database: Awaited<ReturnType<typeof useProcessDatabase>>;
let search: typeof SearchRoute;
let mark: typeof MarkRoute;

beforeAll(async () => {
  process.env.VOICENTER_CODE = "canary-review-route-7Qe1";
  process.env.VOICENTER_API_URL = "http://127.0.0.1:9/hub/cdr/";
  useLiveToken("supervisor");
  process.env.CALLBOARD_API_TOKENS = `supervisor:${TOKENS.anna},supervisor:${TOKENS.ben},viewer:${TOKENS.vera}`;
  resetAuthConfigForTests();
  database = await useProcessDatabase("review-route");
  search = await import("./search/route");
  mark = await import("./[callId]/route");
});

afterAll(() => database.close());

function request(who: Who, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${TOKENS[who]}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { ...init, headers });
}

const segment = (callId: string) => ({ params: Promise.resolve({ callId }) });

const searchAs = (who: Who, body: unknown) =>
  search.POST(
    request(who, "/api/review/marks/search", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

const putAs = (who: Who, callId: string, body: unknown) =>
  mark.PUT(
    request(who, `/api/review/marks/${encodeURIComponent(callId)}`, {
      method: "PUT",
      body: JSON.stringify(body),
    }),
    segment(callId),
  );

const deleteAs = (who: Who, callId: string) =>
  mark.DELETE(
    request(who, `/api/review/marks/${encodeURIComponent(callId)}`, { method: "DELETE" }),
    segment(callId),
  );

async function refusal(response: Response) {
  return { status: response.status, ...apiErrorEnvelopeSchema.parse(await response.json()).error };
}

describe("/api/review/marks", () => {
  it("keeps each supervisor's mark, shows it to the other, and audits every change", async () => {
    const put = await putAs("anna", "1700000001.42", { status: "reviewed", score: 4 });
    expect(put.status).toBe(200);
    expect(reviewMarkResponseSchema.parse(await put.json()).mark).toMatchObject({
      callId: "1700000001.42",
      reviewerId: "token:env-1",
      status: "reviewed",
      score: 4,
      note: null,
      mine: true,
    });
    const flag = await putAs("anna", "1700000001.42", {
      status: "flagged",
      score: 2,
      note: "did not confirm the address",
    });
    expect(flag.status).toBe(200);
    await putAs("ben", "1700000001.42", { status: "reviewed" });

    const seen = await searchAs("ben", { callIds: ["1700000001.42", "not-marked-1"] });
    expect(seen.status).toBe(200);
    const { marks } = reviewMarksResponseSchema.parse(await seen.json());
    expect(marks.map((m) => [m.reviewerId, m.status, m.score, m.note, m.mine])).toEqual([
      ["token:env-1", "flagged", 2, "did not confirm the address", false],
      ["token:env-2", "reviewed", null, null, true],
    ]);

    const trail = await (
      await getDatabase()
    )
      .select({ action: auditEvent.action, actor: auditEvent.actorId, details: auditEvent.details })
      .from(auditEvent)
      .where(eq(auditEvent.target, "1700000001.42"))
      .orderBy(auditEvent.id);
    expect(trail).toEqual([
      {
        action: "review.mark",
        actor: "env-1",
        details: { status: "reviewed", score: 4, note: null, previous: null },
      },
      {
        action: "review.mark",
        actor: "env-1",
        details: {
          status: "flagged",
          score: 2,
          note: "did not confirm the address",
          previous: { status: "reviewed", score: 4, note: null },
        },
      },
      {
        action: "review.mark",
        actor: "env-2",
        details: { status: "reviewed", score: null, note: null, previous: null },
      },
    ]);
  });

  it("removes only the asker's own mark, audited; a second removal is a 404", async () => {
    await putAs("anna", "1700000002.1", { status: "reviewed" });
    await putAs("ben", "1700000002.1", { status: "reviewed", score: 5 });
    const removed = await deleteAs("anna", "1700000002.1");
    expect(removed.status).toBe(200);
    expect(reviewMarkRemovedSchema.parse(await removed.json())).toEqual({
      removed: { callId: "1700000002.1" },
    });
    expect(await refusal(await deleteAs("anna", "1700000002.1"))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    const { marks } = reviewMarksResponseSchema.parse(
      await (await searchAs("anna", { callIds: ["1700000002.1"] })).json(),
    );
    expect(marks.map((m) => m.reviewerId)).toEqual(["token:env-2"]);
    const [entry] = await (
      await getDatabase()
    )
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.target, "1700000002.1"), eq(auditEvent.action, "review.unmark")));
    expect(entry?.details).toEqual({ previous: { status: "reviewed", score: null, note: null } });
  });

  it.each([
    [{ status: "flagged" }, "note"],
    [{ status: "flagged", note: "   " }, "note"],
    [{ status: "reviewed", score: 6 }, "score"],
    [{ status: "reviewed", score: 2.5 }, "score"],
    [{ status: "liked" }, "status"],
    [{ status: "reviewed", note: "x".repeat(2001) }, "note"],
  ])("refuses the mark %j with a 400 naming %s", async (body, param) => {
    expect(await refusal(await putAs("anna", "1700000003.1", body))).toMatchObject({
      status: 400,
      code: "bad_parameter",
      param,
    });
  });

  it("refuses a path that is not a CallID, and searches naming none, too many or bad ids", async () => {
    expect(await refusal(await putAs("anna", "../etc", { status: "reviewed" }))).toMatchObject({
      status: 400,
      param: "callId",
    });
    for (const [body, param] of [
      [{ callIds: [] }, "callIds"],
      [{ callIds: Array.from({ length: 5001 }, (_, i) => `c${i}`) }, "callIds"],
      [{ callIds: ["ok-1", "no spaces"] }, "callIds.1"],
      ["not json", "body"],
    ] as const) {
      expect(await refusal(await searchAs("anna", body))).toMatchObject({ status: 400, param });
    }
  });

  it("refuses a viewer every review route with a 403 naming the role needed", async () => {
    for (const response of [
      await searchAs("vera", { callIds: ["1700000001.42"] }),
      await putAs("vera", "1700000001.42", { status: "reviewed" }),
      await deleteAs("vera", "1700000001.42"),
    ]) {
      const error = await refusal(response);
      expect(error).toMatchObject({ status: 403, code: "forbidden" });
      expect(error.message).toContain("supervisor");
    }
  });

  it("refuses a mark from another site's page (cross-site request forgery)", async () => {
    const response = await mark.PUT(
      request("anna", "/api/review/marks/1700000004.1", {
        method: "PUT",
        body: JSON.stringify({ status: "reviewed" }),
        headers: { origin: "https://evil.example", cookie: "x=1" },
      }),
      segment("1700000004.1"),
    );
    expect(await refusal(response)).toMatchObject({ status: 403, code: "origin_not_allowed" });
  });
});
