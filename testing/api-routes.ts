import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every route file under app/api, found on disk (so a new route cannot be forgotten by the
 * tests that walk them all: the OpenAPI description's and the fuzzer's).
 */
export interface ApiRouteFile {
  /** Relative to the project: `app/api/recordings/[callId]/route.ts`. */
  file: string;
  /** The route as Next names it: `/api/recordings/[callId]`. */
  route: string;
  /** The OpenAPI path template: `/api/recordings/{callId}` (catch-alls kept as `[...x]`). */
  openApiPath: string;
  /** Dynamic segments in order; a catch-all takes any number of path parts. */
  segments: { name: string; catchAll: boolean }[];
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethodName = (typeof HTTP_METHODS)[number];

const ROOT = path.resolve(import.meta.dirname, "..");

export function listApiRoutes(): ApiRouteFile[] {
  const found: ApiRouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name === "route.ts") found.push(describe(rel));
    }
  };
  walk("app/api");
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

function describe(file: string): ApiRouteFile {
  const parts = file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter(Boolean);
  const segments = parts.flatMap((part) => {
    const match = /^\[(\.\.\.)?(.+)\]$/.exec(part);
    return match?.[2] ? [{ name: match[2], catchAll: match[1] !== undefined }] : [];
  });
  const route = `/${parts.join("/")}`;
  const openApiPath = `/${parts.map((p) => p.replace(/^\[([^.].*)\]$/, "{$1}")).join("/")}`;
  return { file, route, openApiPath, segments };
}

type RouteHandlerFn = (request: Request, segment?: unknown) => Promise<Response>;

/** The methods a route file exports (each one a handler Next calls). */
export async function routeMethods(
  route: ApiRouteFile,
): Promise<Partial<Record<HttpMethodName, RouteHandlerFn>>> {
  const exports = (await import(path.join(ROOT, route.file))) as Record<string, unknown>;
  const handlers: Partial<Record<HttpMethodName, RouteHandlerFn>> = {};
  for (const method of HTTP_METHODS) {
    const handler = exports[method];
    if (typeof handler === "function") handlers[method] = handler as RouteHandlerFn;
  }
  return handlers;
}
