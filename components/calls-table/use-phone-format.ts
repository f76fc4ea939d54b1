"use client";

import { useSyncExternalStore } from "react";

import { phoneFormatVersion, subscribePhoneFormat } from "@/lib/format/phone";

/** Re-renders once the phone library has loaded (foreign numbers then show formatted). */
export function usePhoneFormatVersion(): number {
  return useSyncExternalStore(subscribePhoneFormat, phoneFormatVersion, () => 0);
}
