import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/providers";
import { getUpstream } from "@/lib/server/upstream";

export const dynamic = "force-dynamic";

/**
 * The dashboard's pages (calls, agents, queues; later callbacks and review) share the header
 * with its navigation and one query cache: moving between them keeps the loaded calls.
 */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader mode={getUpstream().mode} />
      <Providers>{children}</Providers>
    </>
  );
}
