import { CALL_ID_PATTERN } from "@/lib/api/recording-params";
import { ApiError, badParameter } from "@/lib/server/api-error";
import { callerKey } from "@/lib/server/caller-key";
import { getCallsService } from "@/lib/server/calls-service";
import type { ServerLog } from "@/lib/server/log";
import { isRecordingError } from "@/lib/server/recording-errors";
import { recordingSource } from "@/lib/server/recording-source";
import { streamRecording } from "@/lib/server/recordings";
import { getUpstream } from "@/lib/server/upstream";
import { withApi } from "@/lib/server/with-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { callId: string };

/** The call's recording, streamed from the link the upstream gave for it (Range supported). */
export const GET = withApi<Params>((request, { params, log }) =>
  serve(request, params.callId, "GET", log),
);

/** Same answer as GET without the audio: lets a client learn whether, and why not, it would play. */
export const HEAD = withApi<Params>((request, { params, log }) =>
  serve(request, params.callId, "HEAD", log),
);

async function serve(
  request: Request,
  callId: string,
  method: "GET" | "HEAD",
  log: ServerLog,
): Promise<Response> {
  if (!CALL_ID_PATTERN.test(callId)) {
    throw badParameter("callId", "must be 1–128 letters, digits, dots, dashes or underscores");
  }
  const download = new URL(request.url).searchParams.get("download") === "1";
  const upstream = getUpstream();
  const service = getCallsService();
  // SEAM (access control): callerKey(request, ctx.principal.id) once withApi knows who calls.
  const owner = callerKey(request);
  const source = {
    ...recordingSource(upstream),
    // The operator learns which host to list; the link itself is never logged.
    onRefused: (why: string, host: string) =>
      log.warn(`[recordings] refused a recording link (${why}) on host ${host}`),
  };
  const play = (recordUrl: string) =>
    streamRecording({
      recordUrl,
      range: request.headers.get("range"),
      source,
      timeoutMs: upstream.timeoutMs,
      signal: request.signal,
      downloadBaseName: download ? `call-${callId}` : undefined,
      // Seam for accounts whose links need the code as a query parameter: addCode: { code: upstream.code }.
    });

  let recordUrl = await service.lookupRecordUrl(callId, { owner });
  if (!recordUrl) throw noRecording();
  let response: Response;
  try {
    response = await play(recordUrl);
  } catch (error) {
    // A remembered link may have expired since the list was loaded: ask the upstream once for a fresh one.
    if (!isRecordingError(error) || (error.kind !== "not-found" && error.kind !== "refused"))
      throw error;
    const fresh = await service.lookupRecordUrl(callId, { refresh: true, owner });
    if (!fresh) throw noRecording();
    if (fresh === recordUrl) throw error;
    recordUrl = fresh;
    response = await play(recordUrl);
  }
  if (method === "HEAD") {
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  }
  return response;
}

function noRecording(): ApiError {
  return new ApiError("no_recording", "this call has no recording");
}
