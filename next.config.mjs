import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) once, before the build.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WebAssembly and data files from its own folder: not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Read by path at run time (lib/db/migrate.ts, lib/db/pglite/worker-client.ts), so the
  // tracer cannot see them: copied into standalone output explicitly.
  outputFileTracingIncludes: {
    "/**": ["./lib/db/migrations/**/*", "./lib/db/pglite/worker.mjs"],
  },
};

export default withNextIntl(nextConfig);
