import type { Locale } from "./locales";

/**
 * UI strings, one JSON file per namespace and locale (messages/<locale>/<namespace>.json),
 * so each part of the UI owns its own file.
 */
const NAMESPACES = [
  "app",
  "filters",
  "table",
  "kpis",
  "charts",
  "drawer",
  "player",
  "login",
  "account",
  "admin",
  "agents",
  "queues",
  "figures",
  "heatmap",
  "review",
  "callbacks",
  "views",
  "loading",
  "paged",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const mod = (await import(`../messages/${locale}/${ns}.json`)) as {
        default: Record<string, unknown>;
      };
      return [ns, mod.default] as const;
    }),
  );
  const app = entries.find(([ns]) => ns === "app")?.[1] ?? {};
  // The "app" file holds top-level namespaces (app, calls); the others nest under their name.
  return { ...app, ...Object.fromEntries(entries.filter(([ns]) => ns !== "app")) };
}
