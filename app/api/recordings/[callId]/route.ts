import { apiErrorResponse, badParameterResponse, errorToResponse } from "@/lib/server/api-errors";
import { getCallsService } from "@/lib/server/calls-service";
import { isRecordingError, type RecordingError } from "@/lib/server/recording-errors";
import { streamRecording } from "@/lib/server/recordings";
import { getUpstream } from "@/lib/server/upstream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Voicenter ids are letters and digits; Asterisk-style ids add dots. Nothing that could build a path. */
const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

interface Context {
  params: Promise<{ callId: string }>;
}

/** The call's recording, streamed from the link the upstream gave for it (Range supported). */
export function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, "GET");
}

/** Same answer as GET without the audio: lets a client learn whether, and why not, it would play. */
export function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, "HEAD");
}

async function serve(
  request: Request,
  context: Context,
  method: "GET" | "HEAD",
): Promise<Response> {
  const { callId } = await context.params;
  if (!CALL_ID.test(callId)) {
    return badParameterResponse(
      "callId",
      "must be 1–128 letters, digits, dots, dashes or underscores",
    );
  }
  const download = new URL(request.url).searchParams.get("download") === "1";
  const upstream = getUpstream();
  const service = getCallsService();
  const play = (recordUrl: string) =>
    streamRecording({
      recordUrl,
      range: request.headers.get("range"),
      fetch: upstream.fetch,
      timeoutMs: upstream.timeoutMs,
      signal: request.signal,
      downloadBaseName: download ? `call-${callId}` : undefined,
      // Seam for accounts whose links need the code as a query parameter: addCode: { code: upstream.code }.
    });

  try {
    let recordUrl = await service.lookupRecordUrl(callId);
    if (!recordUrl) return noRecording();
    let response: Response;
    try {
      response = await play(recordUrl);
    } catch (error) {
      // A remembered link may have expired since the list was loaded: ask the upstream once for a fresh one.
      if (!isRecordingError(error) || (error.kind !== "not-found" && error.kind !== "refused"))
        throw error;
      const fresh = await service.lookupRecordUrl(callId, { refresh: true });
      if (!fresh) return noRecording();
      if (fresh === recordUrl) throw error;
      recordUrl = fresh;
      response = await play(recordUrl);
    }
    if (method === "HEAD") {
      await response.body?.cancel();
      return new Response(null, { status: response.status, headers: response.headers });
    }
    return response;
  } catch (error) {
    if (isRecordingError(error)) return recordingErrorResponse(error);
    return errorToResponse(error, {
      log: (message) => console.error(message),
      secrets: [upstream.code],
    });
  }
}

function noRecording(): Response {
  return apiErrorResponse(404, "no_recording", "this call has no recording");
}

function recordingErrorResponse(error: RecordingError): Response {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(error.retryAfterSeconds);
  if (error.totalBytes !== undefined) headers["content-range"] = `bytes */${error.totalBytes}`;
  return apiErrorResponse(error.status, error.code, error.message, { headers });
}
