import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Account } from "oidc-provider";

import { oidcCallbackPath } from "@/lib/auth/auth-routes";

import { errorPage, loginPage } from "./oidc-login-page";
import { findTestUser, TEST_CLIENT, TEST_USERS, type TestUser } from "./oidc-users";

/**
 * A real OpenID Connect provider (oidc-provider 9) on loopback, for tests: one confidential
 * client (Callboard), the users of oidc-users.ts with a `groups` claim, PKCE required, and a
 * plain sign-in form for the interactions. Keys are generated per start.
 */
export interface OidcProviderOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Origins of the Callboard servers that may sign in (their Better Auth callback is allowed). */
  appOrigins: readonly string[];
  /** Better Auth's provider id, the last segment of the callback path. */
  providerId?: string;
}

export interface RunningOidcProvider {
  /** Also the base of every endpoint: `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  discoveryUrl: string;
  client: { id: string; secret: string; redirectUris: string[] };
  users: typeof TEST_USERS;
  close(): Promise<void>;
}

function account(user: TestUser): Account {
  return {
    accountId: user.id,
    claims: () => ({
      sub: user.id,
      email: user.email,
      email_verified: true,
      name: user.name,
      groups: [...user.groups],
    }),
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(html);
}

/** The interaction routes: show the form, check the password, grant the client's scopes. */
async function interaction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const [, , , action] = path.split("/");
  const details = await provider.interactionDetails(req, res);
  const clientId = details.params.client_id ?? "";
  if (req.method === "GET" && action === undefined) {
    if (details.prompt.name === "login")
      return sendHtml(res, 200, loginPage({ uid: details.uid, clientId }));
    // A first-party client: consent is implied, never asked.
    const accountId = details.session?.accountId ?? "";
    return finish(provider, req, res, accountId, clientId, details.params.scope ?? "openid", false);
  }
  if (req.method === "POST" && action === "login") {
    const form = await readForm(req);
    const login = form.get("login") ?? "";
    const user = findTestUser(login);
    if (!user || user.password !== form.get("password")) {
      return sendHtml(
        res,
        200,
        loginPage({ uid: details.uid, clientId, login, error: "Wrong e-mail or password." }),
      );
    }
    return finish(provider, req, res, user.id, clientId, details.params.scope ?? "openid", true);
  }
  if (req.method === "POST" && action === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The user cancelled the sign-in." },
      { mergeWithLastSubmission: false },
    );
  }
  sendHtml(res, 404, "<!doctype html><title>Not found</title>");
}

async function finish(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  accountId: string,
  clientId: string,
  scope: string,
  login: boolean,
): Promise<void> {
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(scope);
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { ...(login ? { login: { accountId } } : {}), consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

export async function startOidcProvider(
  options: OidcProviderOptions,
): Promise<RunningOidcProvider> {
  const host = options.host ?? "127.0.0.1";
  // The issuer names the port, so the provider is made once the server listens.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const redirectUris = options.appOrigins.map(
    (origin) => `${origin}${oidcCallbackPath(options.providerId)}`,
  );

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: options.appOrigins.map((origin) => `${origin}/login`),
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        // Better Auth's default for a client with a secret.
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    findAccount: (_ctx, id) => {
      const user = Object.values(TEST_USERS).find((u) => u.id === id);
      return user ? account(user) : undefined;
    },
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    // The groups (and e-mail) go into the id_token itself, not only the userinfo answer.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(out);
    },
    jwks: {
      keys: [
        { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" },
      ],
    },
  });
  const handle = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    // Browsers ask for it on every page; a 404 would be a console error in e2e.
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    if (path.startsWith("/interaction/")) {
      interaction(provider, req, res, path).catch((error: unknown) => {
        if (!res.headersSent) sendHtml(res, 400, `<!doctype html><p>${String(error)}</p>`);
      });
      return;
    }
    handle(req, res);
  });

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    client: { id: TEST_CLIENT.id, secret: TEST_CLIENT.secret, redirectUris },
    users: TEST_USERS,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
