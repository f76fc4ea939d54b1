import "server-only";

import { authConfig } from "@/lib/auth/config";
import { patternForUrl } from "@/lib/security/host-allow-list";

import type { RecordingSource } from "./recording-fetch";
import { fetchHop, guardedHttpHop, type RecordingHop } from "./recording-transport";
import type { UpstreamConfig } from "./upstream";

let liveHop: RecordingHop | undefined;

/**
 * Where this process fetches recordings from. Live: CALLBOARD_RECORDING_HOSTS (default
 * Voicenter's recording hosts and the API host) over the address-checking hop. Demo: the
 * in-process simulator, whose origin is added to the list (it is the demo's API host).
 */
export function recordingSource(upstream: UpstreamConfig): RecordingSource {
  const hosts = authConfig().recordingHosts;
  if (upstream.mode === "demo") {
    return {
      hosts: [...hosts, patternForUrl(new URL(upstream.url))],
      hop: fetchHop(upstream.fetch),
    };
  }
  liveHop ??= guardedHttpHop();
  return { hosts, hop: liveHop };
}
