import type { Principal } from "@/lib/auth/principal";

/**
 * Who may do what with a saved view, written once for the server (which refuses) and the
 * answers it gives the menu (`canChange`). Pure.
 *
 * - Anyone who may see calls opens their own views and everyone's shared ones.
 * - A view's owner, and any admin, may rename, re-share, replace or delete it.
 * - A demo visitor is nobody in particular (every visitor is the same `demo-visitor`): they
 *   open shared views but keep nothing — saving needs a signed-in (demo) account.
 */
export type Asker = Pick<Principal, "id" | "kind" | "role" | "label">;

export interface ViewOwnership {
  ownerId: string;
  shared: boolean;
}

/** The owner key of what the asker saves, or null when they cannot keep anything. */
export function ownerKey(asker: Asker): string | null {
  return asker.kind === "demo-visitor" ? null : asker.id;
}

export function canSeeView(view: ViewOwnership, asker: Asker): boolean {
  return view.shared || view.ownerId === ownerKey(asker);
}

export function canChangeView(view: ViewOwnership, asker: Asker): boolean {
  const owner = ownerKey(asker);
  return owner !== null && (view.ownerId === owner || asker.role === "admin");
}

export const VISITOR_CANNOT_SAVE =
  "a demo visitor keeps no views or preferences: sign in with a demo account (Try as… in the header, or /login) to save your own";
