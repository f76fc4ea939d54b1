import { it } from "vitest";
import { createFakeClock } from "@/lib/testing/fake-clock";
import { fetchCdrPage, type CdrEndpoint } from "@/lib/voicenter/client";
import { defaultSimulatorConfig } from "@/simulator/config";
import { createSimulator } from "@/simulator/handler";
import { fetchAllCalls } from "./fetch-all-calls";
import { createGovernor } from "./governor";
const NOW = Date.UTC(2024, 5, 20, 12);
const H = 3600000, D = 24 * H;
it("probe", async () => {
  for (const perDay of [3000, 10000, 30000]) {
    const sim = createSimulator(defaultSimulatorConfig({ code: "c", seed: 7, callsPerDay: perDay, now: () => NOW, rateLimit: 100000 }));
    const up: CdrEndpoint = { url: "http://s/hub/cdr/", code: "c", auth: "body", timeoutMs: 30000, fetch: (i, init) => sim.handle(new Request(i, init), "127.0.0.1") };
    const ranges: [string, number, number][] = [["1d", NOW - D, NOW], ["60h", Date.UTC(2024,5,16), Date.UTC(2024,5,18,9)], ["7d", NOW - 7 * D, NOW], ["30d", NOW - 30 * D, NOW]];
    for (const [name, from, to] of ranges) {
      const row: string[] = [];
      let total = 0;
      for (const target of [1, 2, 4, 8]) {
        const clock = createFakeClock(NOW);
        const gov = createGovernor({ rateLimitPerMinute: 100000, now: clock.now, sleep: clock.sleep });
        const r = await fetchAllCalls({ fetchPage: (q, o) => gov.run((s) => fetchCdrPage(up, q, { signal: s }), o), now: clock.now, lanes: target }, { from, to, fields: ["CallID"] });
        total = r.total;
        row.push(`${target}:${r.upstreamRequests}`);
      }
      console.log(`PROBE perDay=${perDay} ${name} total=${total} min=${Math.ceil(total/10000)} ${row.join(" ")}`);
    }
  }
}, 600000);
