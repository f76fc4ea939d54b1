import "server-only";

import type { Database } from "@/lib/db";

import type { AuthConfig } from "./config";
import { listDbTokens, type DbTokenSummary } from "./db-tokens";
import type { Role } from "./roles";
import { envTokenLastUsed } from "./token-use";

/** Every API token an admin can see: the database's (manageable) and the environment's (read-only). */
export interface TokensView {
  tokens: DbTokenSummary[];
  environment: { label: string; role: Role; lastUsedAt: Date | null }[];
}

export async function tokensView(db: Database, config: AuthConfig): Promise<TokensView> {
  return {
    tokens: await listDbTokens(db),
    environment: config.apiTokens.map((t) => ({
      label: t.label,
      role: t.role,
      lastUsedAt: envTokenLastUsed(t.label) ?? null,
    })),
  };
}
