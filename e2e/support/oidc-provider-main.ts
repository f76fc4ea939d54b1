/**
 * The test identity provider as a process: `tsx e2e/support/oidc-provider-main.ts`, or a
 * Playwright webServer (ready when its discovery document answers).
 *
 *   OIDC_PROVIDER_PORT   default 4420
 *   OIDC_PROVIDER_HOST   default 127.0.0.1
 *   OIDC_APP_ORIGINS     Callboard origins allowed to sign in, comma list; default http://127.0.0.1:3000
 */
import { startOidcProvider } from "./oidc-provider";
import { TEST_ROLE_MAP } from "./oidc-users";

function fail(message: string): never {
  console.error(`Test identity provider cannot start: ${message}`);
  process.exit(1);
}

const portText = process.env.OIDC_PROVIDER_PORT ?? "4420";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail("OIDC_PROVIDER_PORT must be a port number");
const origins = (process.env.OIDC_APP_ORIGINS ?? "http://127.0.0.1:3000")
  .split(",")
  .map((o) => o.trim())
  .filter((o) => o !== "");
for (const origin of origins) {
  if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
    fail(`OIDC_APP_ORIGINS: "${origin}" is not an origin such as http://127.0.0.1:3000`);
  }
}

const provider = await startOidcProvider({
  port,
  host: process.env.OIDC_PROVIDER_HOST,
  appOrigins: origins,
});
console.log(`Test identity provider: ${provider.issuer}`);
console.log(`  CALLBOARD_OIDC_ISSUER=${provider.issuer}`);
console.log(`  CALLBOARD_OIDC_CLIENT_ID=${provider.client.id}`);
console.log(`  CALLBOARD_OIDC_CLIENT_SECRET=${provider.client.secret}`);
console.log(`  CALLBOARD_OIDC_ROLE_MAP=${TEST_ROLE_MAP}`);
for (const [role, user] of Object.entries(provider.users)) {
  console.log(`  ${role}: ${user.email} / ${user.password} (groups: ${user.groups.join(", ")})`);
}
console.log(`  callbacks: ${provider.client.redirectUris.join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void provider.close().finally(() => process.exit(0));
  });
}
