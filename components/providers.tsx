"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";

import type { ClientPrincipal } from "@/lib/auth/principal";

import { PrincipalProvider } from "./auth/principal-context";

export function Providers({
  principal,
  children,
}: {
  principal: ClientPrincipal;
  children: ReactNode;
}) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { refetchOnWindowFocus: false, gcTime: 5 * 60_000 } },
      }),
  );
  return (
    <PrincipalProvider principal={principal}>
      <NuqsAdapter>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </NuqsAdapter>
    </PrincipalProvider>
  );
}
