import type { SavedView } from "@/lib/api/saved-views";
import type { AuditAction } from "@/lib/audit/actions";

/**
 * Which changes to saved views the audit trail records: every change to a view others can
 * open (shared before or after), and every change made by someone other than its owner (an
 * admin). A person's own personal views are their bookmarks — nobody else sees them, so
 * nothing is recorded. Pure.
 */
export interface ViewAuditEntry {
  action: Extract<AuditAction, "view.create" | "view.update" | "view.delete">;
  target: string;
  details: Record<string, unknown>;
}

const about = (view: SavedView) => ({ name: view.name, owner: view.owner.label });

export function viewCreatedEntry(view: SavedView): ViewAuditEntry | null {
  return view.shared
    ? { action: "view.create", target: view.id, details: { ...about(view), url: view.url } }
    : null;
}

export function viewChangedEntry(before: SavedView, after: SavedView): ViewAuditEntry | null {
  if (!before.shared && !after.shared && before.owner.you) return null;
  const details: Record<string, unknown> = about(after);
  if (before.name !== after.name) details.renamedFrom = before.name;
  if (before.shared !== after.shared) details.shared = after.shared;
  if (before.url !== after.url) details.url = after.url;
  return { action: "view.update", target: after.id, details };
}

export function viewDeletedEntry(view: SavedView): ViewAuditEntry | null {
  return view.shared || !view.owner.you
    ? { action: "view.delete", target: view.id, details: { ...about(view), shared: view.shared } }
    : null;
}
