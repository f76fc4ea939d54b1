import { parseCdrRequest } from "@/lib/voicenter/request";
import { defaultSimulatorConfig, type SimulatorConfigOverrides } from "@/simulator/config";
import { startSimulatorServer, type SimulatorServer } from "@/simulator/server";

/**
 * The simulator on a loopback port, except for calls whose RecordURL a test writes itself:
 * an upstream that hands out hostile links (another host, an internal address, `file:`, a
 * redirect chain) beside the account's real calls and recordings. It also serves redirects
 * from its own, allowed, origin: `/redirect/<n>?to=<url>` answers 302 n times, then to `to`.
 */
export interface ScriptedUpstream extends SimulatorServer {
  /** CallID → the RecordURL to hand out for it. */
  links: Map<string, string>;
  /** Every request this server got (CDR requests included), with its headers. */
  requests: { path: string; headers: Headers }[];
}

const CDR_PATH = /^\/hub\/cdr\/?$/;
const REDIRECT_PATH = /^\/redirect\/(\d+)$/;

export async function startScriptedUpstream(
  overrides: SimulatorConfigOverrides,
): Promise<ScriptedUpstream> {
  const links = new Map<string, string>();
  const requests: ScriptedUpstream["requests"] = [];
  const server = await startSimulatorServer({
    config: defaultSimulatorConfig({ publicBaseUrl: "", ...overrides }),
    port: 0,
    host: "127.0.0.1",
    intercept: async (request) => {
      const url = new URL(request.url);
      requests.push({ path: `${url.pathname}${url.search}`, headers: request.headers });
      const redirect = REDIRECT_PATH.exec(url.pathname);
      if (redirect) {
        const left = Number(redirect[1]);
        const to = url.searchParams.get("to") ?? "/";
        const next = left > 1 ? `/redirect/${left - 1}?to=${encodeURIComponent(to)}` : to;
        return new Response(null, { status: 302, headers: { location: next } });
      }
      if (!CDR_PATH.test(url.pathname) || request.method !== "POST") return undefined;
      const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      const parsed = parseCdrRequest(body);
      const callId = parsed.ok ? parsed.query.callId : undefined;
      const link = callId === undefined ? undefined : links.get(callId);
      if (link === undefined) return undefined;
      return Response.json({
        ERROR_NUMBER: 0,
        ERROR_DESCRIPTION: "OK",
        STATUS_CODE: 200,
        TOTAL_HITS: 1,
        RETURN_HITS: 1,
        CDR_LIST: [
          {
            CallID: callId,
            Date: "2024-06-11 10:00:00",
            RecordURL: link,
            RecordExpect: true,
          },
        ],
      });
    },
  });
  return { ...server, links, requests };
}
