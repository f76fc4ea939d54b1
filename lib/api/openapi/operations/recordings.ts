import * as z from "zod";

import type { ApiErrorCode } from "@/lib/api/error-codes";
import { CALL_ID_PATTERN } from "@/lib/api/recording-params";

import { UPSTREAM_ERRORS, type ApiOperation, type ApiParameter } from "../operation";

const parameters: ApiParameter[] = [
  {
    name: "callId",
    in: "path",
    required: true,
    schema: z.string().regex(CALL_ID_PATTERN),
    description: "The call's CallID.",
  },
  {
    name: "download",
    in: "query",
    schema: z.enum(["1"]),
    description: "1: answer as an attachment named after the call.",
  },
  {
    name: "range",
    in: "header",
    schema: z.string().regex(/^bytes=(\d+-\d*|-\d+)$/),
    description: "One byte range (others are ignored).",
  },
];

const RECORDING_ERRORS = [
  "bad_parameter",
  "no_recording",
  "recording_not_found",
  "recording_lookup_limited",
  "recording_rate_limited",
  "recording_refused",
  "recording_not_audio",
  "recording_link_invalid",
  "recording_host_not_allowed",
  "recording_address_refused",
  "recording_too_many_redirects",
  "recording_too_large",
  "recording_unavailable",
  "recording_timeout",
  "recording_unreachable",
  "range_not_satisfiable",
  ...UPSTREAM_ERRORS,
] as const satisfies readonly ApiErrorCode[];

const audio = { "audio/*": {} };
const played = {
  200: { description: "The whole recording.", content: audio },
  206: { description: "The byte range asked for.", content: audio },
};

export const recordingsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/recordings/{callId}",
    operationId: "playRecording",
    tag: "recordings",
    summary: "A call's recording (byte ranges supported)",
    description:
      "Streamed from the link the upstream gave for the call, fetched only from CALLBOARD_RECORDING_HOSTS; the link itself is never shown. Looking up a call Callboard has not loaded asks the upstream, and is limited per caller.",
    parameters,
    responses: played,
    errors: RECORDING_ERRORS,
  },
  {
    method: "head",
    path: "/api/recordings/{callId}",
    operationId: "probeRecording",
    tag: "recordings",
    summary: "Whether (and why not) the recording would play, without the audio",
    parameters,
    responses: played,
    errors: RECORDING_ERRORS,
  },
];
