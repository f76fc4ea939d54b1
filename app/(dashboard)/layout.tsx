import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/providers";
import { PreferencesProvider } from "@/components/saved-views/preferences-context";
import { pageAccess } from "@/lib/auth/page-access";
import { getDatabase } from "@/lib/db";
import { pagePreferences } from "@/lib/views/page-preferences";

export const dynamic = "force-dynamic";

/**
 * The dashboard's pages (calls, agents, queues; later callbacks and review) share the header
 * with its navigation and one query cache: moving between them keeps the loaded calls. Each
 * page checks access itself too (a move between them re-renders the page, not this layout).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { client, principal } = await pageAccess("calls.view");
  const preferences = await pagePreferences(principal, getDatabase);
  return (
    <>
      <AppHeader mode={client.mode} principal={client} />
      <Providers principal={client}>
        <PreferencesProvider {...preferences}>{children}</PreferencesProvider>
      </Providers>
    </>
  );
}
