import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { withNextStart, type NextServer } from "./next-start";
import { figure, kb, note, type Section } from "./report";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BUDGET_BYTES = 250 * 1024;
const START_TIMEOUT_MS = 60_000;

/** The newest modification time of the sources a client bundle is built from. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return newest;
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * JS chunks the /calls HTML loads: its <script src> tags (less `nomodule` ones, which
 * current browsers skip) and any further chunk named in its inline RSC payload.
 */
function chunkUrls(html: string): { scripts: string[]; named: string[]; noModule: string[] } {
  const tags = [...html.matchAll(/<script\b[^>]*\ssrc="(\/_next\/[^"]+\.js)"[^>]*>/gi)];
  const noModule = tags.filter((m) => /\snomodule\b/i.test(m[0])).map((m) => m[1] ?? "");
  const scripts = tags.map((m) => m[1] ?? "").filter((src) => !noModule.includes(src));
  const known = new Set([...scripts, ...noModule]);
  const named = [...html.matchAll(/static\/chunks\/[\w.~-]+\.js/g)].map((m) => `/_next/${m[0]}`);
  return {
    scripts: [...new Set(scripts)],
    named: [...new Set(named)].filter((url) => !known.has(url)),
    noModule: [...new Set(noModule)],
  };
}

async function gzippedSize(origin: string, urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const response = await fetch(origin + url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    total += gzipSync(Buffer.from(await response.arrayBuffer())).byteLength;
  }
  return total;
}

/** The other dashboard pages: no budget of their own, measured beside /calls. */
const OTHER_PAGES = ["/agents", "/queues"];

async function pageHtml({ origin, running }: NextServer, path: string): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let html: string | undefined;
  while (html === undefined && running() && Date.now() < deadline) {
    html = await fetchText(`${origin}${path}`);
    if (html === undefined) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (html === undefined && !running()) throw new Error(`next start ended before serving ${path}`);
  if (html === undefined)
    throw new Error(`next start did not serve ${path} within ${START_TIMEOUT_MS / 1000} s`);
  return html;
}

async function firstLoad(server: NextServer, path: string) {
  const { scripts, named, noModule } = chunkUrls(await pageHtml(server, path));
  const scriptBytes = await gzippedSize(server.origin, scripts);
  const namedBytes = await gzippedSize(server.origin, named);
  const noModuleBytes = await gzippedSize(server.origin, noModule);
  return {
    scripts,
    named,
    noModule,
    scriptBytes,
    namedBytes,
    noModuleBytes,
    total: scriptBytes + namedBytes,
  };
}

async function measure(server: NextServer): Promise<string[]> {
  const calls = await firstLoad(server, "/calls");
  const lines = [
    figure(`<script src> chunks (${calls.scripts.length})`, kb(calls.scriptBytes)),
    figure(`more chunks named in the RSC payload (${calls.named.length})`, kb(calls.namedBytes)),
    figure("first-load JS of /calls, gzip", kb(calls.total), {
      text: `≤ ${kb(BUDGET_BYTES)}`,
      within: calls.total <= BUDGET_BYTES,
    }),
  ];
  for (const path of OTHER_PAGES) {
    const page = await firstLoad(server, path);
    lines.push(figure(`first-load JS of ${path}, gzip`, kb(page.total)));
  }
  lines.push(
    note(
      `not counted: ${calls.noModule.length} nomodule polyfill chunk(s), ${kb(calls.noModuleBytes)} gzip (legacy browsers only)`,
    ),
    note("each chunk as `next start` serves it, gzipped with zlib's default level, summed"),
  );
  return lines;
}

/** 6. First-load JavaScript of /calls (and the other dashboard pages), from the existing build. */
export const firstLoadJsSection: Section = {
  title:
    "6. First-load JS of /calls, /agents, /queues (existing .next build, served by next start on 127.0.0.1)",
  async run() {
    const buildId = join(ROOT, ".next/BUILD_ID");
    if (!existsSync(buildId) || !existsSync(join(ROOT, ".next/server/app/(dashboard)/calls"))) {
      return [figure("first-load JS of /calls, gzip", "n/a"), note("build first: npx next build")];
    }
    const builtAt = statSync(buildId).mtimeMs;
    const stale = newestSource(["app", "components", "lib", "i18n", "messages"]) > builtAt;
    return withNextStart(ROOT, async (server) => {
      const lines = await measure(server);
      lines.push(note(`build of ${new Date(builtAt).toISOString()}`));
      if (stale)
        lines.push(
          note("sources changed after this build: rebuild (npx next build) for a current figure"),
        );
      return lines;
    });
  },
};
