import { describe, expect, it } from "vitest";

import { exportedMethods, listAppRoutes } from "./route-tree";

describe("exportedMethods", () => {
  it("finds every way a route file exports a method, and nothing else", () => {
    expect(
      exportedMethods(`
        export const GET = withApi(() => x, { permission: "public" });
        export async function POST() {}
        const notFound = 1;
        export { notFound as DELETE, notFound as PATCH };
        export const dynamic = "force-dynamic";
        const PUT = 1;
      `),
    ).toEqual(["GET", "POST", "PATCH", "DELETE"]);
  });
});

describe("listAppRoutes", () => {
  const routes = listAppRoutes(process.cwd());
  const byPattern = new Map(routes.map((r) => [r.pattern, r]));

  it("lists pages, API handlers with their methods, and metadata files", () => {
    expect(byPattern.get("/calls")).toMatchObject({
      kind: "page",
      path: "/calls",
      methods: ["GET"],
    });
    expect(byPattern.get("/")?.kind).toBe("page");
    expect(byPattern.get("/icon.svg")?.kind).toBe("file");
    expect(byPattern.get("/api/recordings/[callId]")).toMatchObject({
      kind: "api",
      path: "/api/recordings/sample-callId",
      methods: ["GET", "HEAD"],
    });
    expect(byPattern.get("/api/[...path]")).toMatchObject({
      path: "/api/sample-path/more",
      methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    });
    expect(byPattern.get("/api/users/[userId]")?.methods).toEqual(["PATCH"]);
  });

  it("gives every API file at least one method (a file exporting none would be a mistake)", () => {
    for (const route of routes.filter((r) => r.kind === "api")) {
      expect(route.methods.length, route.file).toBeGreaterThan(0);
    }
  });
});
