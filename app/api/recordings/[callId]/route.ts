import { CALL_ID_PATTERN } from "@/lib/api/recording-params";
import { forbiddenMessage } from "@/lib/auth/principal";
import { can } from "@/lib/auth/roles";
import { ApiError, badParameter } from "@/lib/server/api-error";
import { callerKey } from "@/lib/server/caller-key";
import { getCallsService } from "@/lib/server/calls-service";
import { isRecordingError } from "@/lib/server/recording-errors";
import { recordingSource } from "@/lib/server/recording-source";
import { streamRecording } from "@/lib/server/recordings";
import { getUpstream } from "@/lib/server/upstream";
import { withApi, type ApiContext } from "@/lib/server/with-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { callId: string };

/**
 * The call's recording, streamed from the link the upstream gave for it (Range supported).
 * Playing needs a supervisor, `?download=1` an admin; both are audited.
 */
export const GET = withApi<Params>((request, ctx) => serve(request, ctx, "GET"), {
  permission: "recordings.play",
});

/** Same answer as GET without the audio: lets a client learn whether, and why not, it would play. */
export const HEAD = withApi<Params>((request, ctx) => serve(request, ctx, "HEAD"), {
  permission: "recordings.play",
});

/** A request that starts playback (no Range, or from the first byte); seeks are not new plays. */
function startsPlayback(range: string | null): boolean {
  return range === null || /^bytes=0-/.test(range.trim());
}

async function serve(
  request: Request,
  { params, principal, audit, log }: ApiContext<Params>,
  method: "GET" | "HEAD",
): Promise<Response> {
  const callId = params.callId;
  if (!CALL_ID_PATTERN.test(callId)) {
    throw badParameter("callId", "must be 1–128 letters, digits, dots, dashes or underscores");
  }
  const download = new URL(request.url).searchParams.get("download") === "1";
  if (download && !can(principal.role, "recordings.download")) {
    throw new ApiError("forbidden", forbiddenMessage(principal.role, "recordings.download"));
  }
  const upstream = getUpstream();
  const service = getCallsService();
  const owner = callerKey(request, principal);
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
  if (download || startsPlayback(request.headers.get("range"))) {
    try {
      await audit({ action: download ? "recording.download" : "recording.play", target: callId });
    } catch (error) {
      // no recording leaves without its audit entry
      await response.body?.cancel();
      throw error;
    }
  }
  return response;
}

function noRecording(): ApiError {
  return new ApiError("no_recording", "this call has no recording");
}
