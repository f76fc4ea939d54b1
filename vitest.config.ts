import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server build; in tests the modules run in Node,
      // which is exactly the server side, so it is an empty module here.
      "server-only": path.resolve(import.meta.dirname, "testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["{lib,simulator,app,components,i18n,bench,testing,e2e/support}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
