import type { Permission } from "@/lib/auth/roles";
import { PAGE_OWN_PARAMS } from "@/lib/view-state/parsers";

/**
 * The dashboard's pages, in the header's order. They share one filter bar and the URL's
 * parameters; a page that needs the database or a role is added here by one line, its label
 * in messages/<locale>/app.json under `nav` (callbacks and review have theirs already):
 *   { path: "/callbacks", label: "callbacks", permission: "callbacks.work" },
 *   { path: "/review", label: "review", permission: "review.work" },
 * `permission` is what a signed-in user needs to see the link (lib/auth/roles.ts).
 */
export const DASHBOARD_PAGES = [
  { path: "/calls", label: "calls", permission: "calls.view" },
  { path: "/agents", label: "agents", permission: "calls.view" },
  { path: "/queues", label: "queues", permission: "calls.view" },
  { path: "/review", label: "review", permission: "review.work" },
  { path: "/callbacks", label: "callbacks", permission: "callbacks.work" },
] as const satisfies readonly DashboardPage[];

/** The admin pages, after the dashboard's in the header (labels under account.nav). */
export const ADMIN_PAGES = [
  { path: "/admin/users", id: "users", permission: "users.manage" },
  { path: "/admin/tokens", id: "tokens", permission: "tokens.manage" },
  { path: "/admin/audit", id: "audit", permission: "audit.read" },
  { path: "/admin/sync", id: "sync", permission: "sync.manage" },
] as const satisfies readonly { path: `/${string}`; id: string; permission: Permission }[];

export interface DashboardPage {
  path: `/${string}`;
  label: NavLabel;
  permission: Permission;
}

/** Every label the nav has words for, pages not built yet included. */
export type NavLabel = "calls" | "agents" | "queues" | "callbacks" | "review";

const PAGE_OWN = new Set<string>(PAGE_OWN_PARAMS);

/**
 * A link to another dashboard page that keeps the view: every parameter but the ones that
 * belong to one page (its sort, the open call), plus any `set` (a drill-down's filter).
 */
export function dashboardHref(
  path: string,
  current: URLSearchParams | string,
  set: Record<string, string | null> = {},
): string {
  const params = new URLSearchParams(current);
  for (const name of [...params.keys()]) if (PAGE_OWN.has(name)) params.delete(name);
  for (const [name, value] of Object.entries(set)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
