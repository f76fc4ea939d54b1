import type { ReactNode } from "react";

import { NotAllowed } from "@/components/auth/not-allowed";
import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/providers";
import type { PageAccess } from "@/lib/auth/page-access";
import type { Permission } from "@/lib/auth/roles";

/** An admin page's frame: the header, the page's title and lead, or "not allowed" for the role. */
export function AdminPage({
  access,
  permission,
  title,
  lead,
  children,
}: {
  access: PageAccess;
  permission: Permission;
  title: string;
  lead: string;
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader mode={access.client.mode} principal={access.client} />
      {access.allowed ? (
        <Providers principal={access.client}>
          <main className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-4 py-6">
            <div className="flex flex-col gap-1">
              <h2 className="text-xl font-semibold">{title}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">{lead}</p>
            </div>
            {children}
          </main>
        </Providers>
      ) : (
        <NotAllowed role={access.principal.role} permission={permission} />
      )}
    </>
  );
}
