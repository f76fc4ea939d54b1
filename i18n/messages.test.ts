import { describe, expect, it } from "vitest";

import heAccount from "@/messages/he/account.json";
import heAdmin from "@/messages/he/admin.json";
import heAgents from "@/messages/he/agents.json";
import heApp from "@/messages/he/app.json";
import heCallbacks from "@/messages/he/callbacks.json";
import heCharts from "@/messages/he/charts.json";
import heDrawer from "@/messages/he/drawer.json";
import heFigures from "@/messages/he/figures.json";
import heFilters from "@/messages/he/filters.json";
import heHeatmap from "@/messages/he/heatmap.json";
import heKpis from "@/messages/he/kpis.json";
import heLoading from "@/messages/he/loading.json";
import heLogin from "@/messages/he/login.json";
import hePaged from "@/messages/he/paged.json";
import hePlayer from "@/messages/he/player.json";
import heQueues from "@/messages/he/queues.json";
import heReview from "@/messages/he/review.json";
import heTable from "@/messages/he/table.json";
import heViews from "@/messages/he/views.json";

import type { Messages } from "./app-config";
import { loadMessages } from "./messages";

// Type-level: Hebrew has every key the English files (and so every `t("…")`) use.
const he = {
  ...heApp,
  filters: heFilters,
  table: heTable,
  kpis: heKpis,
  charts: heCharts,
  drawer: heDrawer,
  player: hePlayer,
  login: heLogin,
  account: heAccount,
  admin: heAdmin,
  agents: heAgents,
  queues: heQueues,
  figures: heFigures,
  heatmap: heHeatmap,
  review: heReview,
  callbacks: heCallbacks,
  views: heViews,
  loading: heLoading,
  paged: hePaged,
} satisfies Messages;

function leafKeys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, `${prefix}${key}.`));
}

describe("messages", () => {
  it("load with the same keys in both languages, nothing extra in either", async () => {
    const en = leafKeys(await loadMessages("en")).sort();
    expect(leafKeys(await loadMessages("he")).sort()).toEqual(en);
    expect(leafKeys(he).sort()).toEqual(en);
  });
});
