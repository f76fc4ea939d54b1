import type account from "@/messages/en/account.json";
import type admin from "@/messages/en/admin.json";
import type agents from "@/messages/en/agents.json";
import type app from "@/messages/en/app.json";
import type callbacks from "@/messages/en/callbacks.json";
import type charts from "@/messages/en/charts.json";
import type drawer from "@/messages/en/drawer.json";
import type figures from "@/messages/en/figures.json";
import type filters from "@/messages/en/filters.json";
import type heatmap from "@/messages/en/heatmap.json";
import type kpis from "@/messages/en/kpis.json";
import type loading from "@/messages/en/loading.json";
import type login from "@/messages/en/login.json";
import type paged from "@/messages/en/paged.json";
import type player from "@/messages/en/player.json";
import type queues from "@/messages/en/queues.json";
import type review from "@/messages/en/review.json";
import type table from "@/messages/en/table.json";
import type views from "@/messages/en/views.json";

import type { Locale } from "./locales";

/**
 * The messages' shape, from the English files: `t("…")` with a key that does not exist fails
 * the type-check. The "app" file holds top-level namespaces; the others nest under their name.
 */
export type Messages = typeof app & {
  filters: typeof filters;
  table: typeof table;
  kpis: typeof kpis;
  charts: typeof charts;
  drawer: typeof drawer;
  player: typeof player;
  login: typeof login;
  account: typeof account;
  admin: typeof admin;
  agents: typeof agents;
  queues: typeof queues;
  figures: typeof figures;
  heatmap: typeof heatmap;
  review: typeof review;
  callbacks: typeof callbacks;
  views: typeof views;
  loading: typeof loading;
  paged: typeof paged;
};

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
