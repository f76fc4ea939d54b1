import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";

/**
 * The production entry writes the socket's own address for the app, so a limit keyed by the
 * caller's address cannot be dodged by forging headers: ten look-ups of unknown calls a
 * minute from one address, whatever X-Forwarded-For or x-callboard-peer claim.
 */

let app: AppServer;

test.beforeAll(async () => {
  // every address, IPv6 too: the spec calls from 127.0.0.1 and from ::1
  // the store off: its backfill would share the budget the look-ups spend
  app = await startAppServer(E2E_PORTS.peer, {
    VOICENTER_CODE: "",
    HOSTNAME: "::",
    CALLBOARD_STORE: "off",
  });
});

test.afterAll(async () => {
  await app.close();
});

test("unknown-call look-ups are limited by the socket's address, not by what headers claim", async ({
  request,
}) => {
  for (let i = 1; i <= 10; i++) {
    const response = await request.get(`${app.url}/api/recordings/nosuchcall${i}`, {
      headers: {
        "x-callboard-peer": `10.0.0.${i}`,
        "X-Callboard-Peer": `192.168.0.${i}`,
        "x-forwarded-for": `203.0.113.${i}`,
        "x-real-ip": `198.51.100.${i}`,
      },
    });
    expect(response.status()).toBe(404);
  }
  const limited = await request.get(`${app.url}/api/recordings/nosuchcall11`, {
    headers: { "x-callboard-peer": "10.9.9.9", "x-forwarded-for": "203.0.113.99" },
  });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited.json()).toMatchObject({ error: { code: "recording_lookup_limited" } });

  // The same server over IPv6 loopback is another socket peer, with its own budget.
  const other = await request.get(`http://[::1]:${E2E_PORTS.peer}/api/recordings/nosuchcall12`);
  expect(other.status()).toBe(404);
});
