import "server-only";

import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { DASHBOARD_PAGES } from "@/lib/navigation/dashboard-pages";
import { createServerLog } from "@/lib/server/log";

import { ownerKey } from "./access";
import { defaultViewUrl, readPreferences } from "./saved-views";

const HOME = "/calls";

function warn(what: string, error: unknown): void {
  createServerLog().warn(
    `[views] ${what} could not be read: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** What the dashboard's pages start from: the remembered zone (none when it cannot be read). */
export async function pagePreferences(
  principal: Principal,
  database: () => Promise<Database>,
): Promise<{ timeZone: string | null; canRemember: boolean }> {
  const canRemember = ownerKey(principal) !== null;
  if (!canRemember) return { timeZone: null, canRemember };
  try {
    return { timeZone: (await readPreferences(await database(), principal)).timeZone, canRemember };
  } catch (error) {
    warn("the saved zone", error);
    return { timeZone: null, canRemember };
  }
}

/**
 * Where `/` sends someone: their default view while they may open it and its page (a view of
 * a page their role lacks would only say "not allowed"), else /calls. A database that cannot
 * answer costs the default, never the page.
 */
export async function defaultViewTarget(
  principal: Principal,
  database: () => Promise<Database>,
): Promise<string> {
  let url: string | null;
  try {
    url = await defaultViewUrl(await database(), principal);
  } catch (error) {
    warn("the default view", error);
    return HOME;
  }
  if (!url) return HOME;
  const path = url.split("?")[0];
  const page = DASHBOARD_PAGES.find((p) => p.path === path);
  return page && can(principal.role, page.permission) ? url : HOME;
}
