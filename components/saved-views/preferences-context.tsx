"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

/**
 * The signed-in person's remembered display zone, as the server read it for the page, and
 * what the zone picker changed since. `canRemember` is false for a demo visitor (who is
 * nobody in particular) and wherever no provider is (then nothing is remembered).
 */
export interface SavedZone {
  zone: string | null;
  canRemember: boolean;
  setZone: (zone: string | null) => void;
}

const NONE: SavedZone = { zone: null, canRemember: false, setZone: () => undefined };
const SavedZoneContext = createContext<SavedZone>(NONE);

export function PreferencesProvider({
  timeZone,
  canRemember,
  children,
}: {
  timeZone: string | null;
  canRemember: boolean;
  children: ReactNode;
}) {
  const [zone, setZone] = useState(timeZone);
  const value = useMemo(() => ({ zone, canRemember, setZone }), [zone, canRemember]);
  return <SavedZoneContext.Provider value={value}>{children}</SavedZoneContext.Provider>;
}

export function useSavedZone(): SavedZone {
  return useContext(SavedZoneContext);
}
