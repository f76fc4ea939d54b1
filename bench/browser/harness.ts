import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright";

/**
 * Node side of the browser benchmarks: pages bundled with esbuild into a temp dir, served
 * on 127.0.0.1 by node:http, opened in the system Chromium. Everything is removed after.
 */

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";

/** Minimal layout for the Tailwind classes the virtualized table relies on (no Tailwind here). */
const PAGE_CSS = `
body{margin:0;font:14px system-ui,sans-serif}
.bench-grid{height:70vh;width:100%}
.relative{position:relative}.absolute{position:absolute}.sticky{position:sticky}
.inset-x-0{left:0;right:0}.top-0{top:0}.z-10{z-index:10}
.overflow-auto{overflow:auto}.overflow-hidden{overflow:hidden}
.grid{display:grid}.flex{display:flex}.w-full{width:100%}.shrink-0{flex-shrink:0}
.items-center{align-items:center}.items-stretch{align-items:stretch}.whitespace-nowrap{white-space:nowrap}
.truncate{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.px-3{padding:0 12px}.p-0{padding:0}
.border{border:1px solid #e2e8f0}.border-b{border-bottom:1px solid #f1f5f9}.bg-white{background:#fff}
.bg-slate-50{background:#f8fafc}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}
.size-3{width:12px;height:12px}`;

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * Bundles each entry (bench/… .tsx) to `<name>.html` + `<name>.js` and serves them, with
 * any `data` files (`records.json`: what a page fetches before timing starts).
 */
export async function serveBundles(
  entries: Record<string, string>,
  data: Record<string, string> = {},
): Promise<StaticSite> {
  const dir = mkdtempSync(join(tmpdir(), "callboard-bench-"));
  try {
    for (const [name, text] of Object.entries(data)) writeFileSync(join(dir, name), text);
    for (const [name, entry] of Object.entries(entries)) {
      await build({
        entryPoints: [join(ROOT, entry)],
        outfile: join(dir, `${name}.js`),
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        target: "chrome120",
        tsconfig: join(ROOT, "tsconfig.json"),
        alias: { "next-intl": "use-intl" },
        define: { "process.env.NODE_ENV": '"production"' },
        loader: { ".css": "empty" },
        logLevel: "silent",
      });
      writeFileSync(
        join(dir, `${name}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${PAGE_CSS}</style></head>` +
          `<body><div id="root"></div><script type="module" src="/${name}.js"></script></body></html>`,
      );
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? "/").replace(/^\/+/, "").split("?")[0] ?? "";
    const type = name.endsWith(".js")
      ? "text/javascript"
      : name.endsWith(".json")
        ? "application/json"
        : "text/html";
    try {
      if (!/^[\w-]+\.(js|html|json)$/.test(name)) throw new Error("not found");
      res.writeHead(200, { "content-type": `${type}; charset=utf-8` });
      res.end(readFileSync(join(dir, name)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
