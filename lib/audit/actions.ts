/**
 * Every action the audit trail records (issue 7, §5), written once. Pure: the audit page's
 * filter and the API's parameter check read the same list.
 */
export const AUDIT_ACTIONS = [
  /** A person signed in (details.method: password, oidc). */
  "sign-in",
  /** A sign-in attempt that failed (details.method, details.reason, details.email). */
  "sign-in.failed",
  "sign-out",
  /** A recording started playing (target: the call id); seeks within it are not repeated. */
  "recording.play",
  "recording.download",
  /** A CSV export of calls (details: the filters, row count and columns). */
  "calls.export",
  /** The audit trail itself exported (details: its filters). */
  "audit.export",
  /** An API token was used (at most one entry per token per minute; last-used is always kept). */
  "token.use",
  "token.create",
  "token.revoke",
  "user.create",
  "user.disable",
  "user.enable",
  /** A role changed (details.from, details.to, details.source: admin page, command line, sign-on groups). */
  "user.role",
  /** An admin fetched a range of the call log again (details.from, details.to). */
  "sync.resync",
  /** A supervisor marked a recording (target: the call id; details: the mark and what it replaced). */
  "review.mark",
  /** A supervisor removed their mark (target: the call id; details: what it was). */
  "review.unmark",
  /** A callback worklist row given to someone (target: the row's key; details.number, from, to). */
  "callback.assign",
  /** A worklist row marked done, not needed, or reopened (details.number, from, to). */
  "callback.state",
  /** A note added to a worklist row (details.number, its length; the text stays in the worklist). */
  "callback.note",
  /** A shared saved view was made (details: name, owner, url); personal views are not recorded. */
  "view.create",
  /** A view others can open, or another's view, was renamed, re-shared or replaced. */
  "view.update",
  "view.delete",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}
