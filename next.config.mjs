import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // a self-contained server (node .next/standalone/server.js): what the image runs, and CI
  output: "standalone",
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own folder: not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Read by path at run time (lib/db/migrate.ts, lib/db/pglite/worker-client.ts), so the
  // tracer cannot see them: copied into standalone output explicitly.
  outputFileTracingIncludes: {
    "/**": ["./lib/db/migrations/**/*", "./lib/db/pglite/worker.mjs"],
  },
  // proxy.ts sets the security headers of every other response; build assets skip it.
  headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
