import { apiErrorEnvelopeSchema, type ApiErrorCode } from "./error-codes";

/**
 * The browser's calls to Callboard's own JSON routes (exports, users, tokens): the answer's
 * body, or the error envelope's code, parameter and message — never a throw.
 */
export type SendResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ApiErrorCode | "network" | "bad_response";
      param?: string;
      message: string;
      status: number;
    };

export async function sendJson<T = unknown>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, code: "network", message: "the server could not be reached", status: 0 };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, data: json as T };
  const envelope = apiErrorEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return {
      ok: false,
      code: "bad_response",
      message: `HTTP ${response.status}`,
      status: response.status,
    };
  }
  const { code, message, param } = envelope.data.error;
  return { ok: false, code, message, status: response.status, ...(param ? { param } : {}) };
}
