import { csvField, UTF8_BOM } from "@/lib/csv/csv";

/** Audit entries as a CSV file (RFC 4180, formula-safe), times in UTC ISO-8601. Pure. */
export interface AuditCsvRow {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

const HEADER = [
  "id",
  "at",
  "actor_kind",
  "actor_id",
  "actor",
  "action",
  "target",
  "details",
  "ip",
  "user_agent",
];

export function auditToCsv(rows: readonly AuditCsvRow[]): string {
  const lines = [HEADER.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.id,
        row.at.toISOString(),
        row.actorKind,
        row.actorId ?? undefined,
        row.actorLabel ?? undefined,
        row.action,
        row.target ?? undefined,
        row.details ? JSON.stringify(row.details) : undefined,
        row.ip ?? undefined,
        row.userAgent ?? undefined,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
