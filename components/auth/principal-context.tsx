"use client";

import { createContext, useContext, type ReactNode } from "react";

import type { ClientPrincipal } from "@/lib/auth/principal";
import { can, type Permission } from "@/lib/auth/roles";

/**
 * Who is signed in, as the server said when it rendered the page: the browser hides what the
 * role cannot do (the server refuses it anyway). Without a provider, nothing is allowed.
 */
const PrincipalContext = createContext<ClientPrincipal | null>(null);

export function PrincipalProvider({
  principal,
  children,
}: {
  principal: ClientPrincipal;
  children: ReactNode;
}) {
  return <PrincipalContext.Provider value={principal}>{children}</PrincipalContext.Provider>;
}

export function usePrincipal(): ClientPrincipal | null {
  return useContext(PrincipalContext);
}

export function useCan(permission: Permission): boolean {
  return can(usePrincipal()?.role, permission);
}
