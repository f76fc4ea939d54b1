import {
  adminSyncReportSchema,
  resyncResultSchema,
  type AdminSyncReport,
  type ResyncResult,
} from "@/lib/api/admin-sync";
import { apiErrorEnvelopeSchema } from "@/lib/api/error-codes";

/** The admin sync page's requests: every answer parsed, every failure a sentence. */

async function read<T>(response: Response, parse: (body: unknown) => T): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const envelope = apiErrorEnvelopeSchema.safeParse(body);
    throw new Error(envelope.success ? envelope.data.error.message : `HTTP ${response.status}`);
  }
  return parse(body);
}

export async function fetchSyncReport(signal?: AbortSignal): Promise<AdminSyncReport> {
  const response = await fetch("/api/admin/sync", {
    signal,
    headers: { accept: "application/json" },
  });
  return read(response, (body) => adminSyncReportSchema.parse(body));
}

export async function postResync(from: string, to: string): Promise<ResyncResult> {
  const response = await fetch("/api/admin/sync/resync", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ from, to }),
  });
  return read(response, (body) => resyncResultSchema.parse(body));
}
