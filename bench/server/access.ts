/**
 * Live mode serves no data until a sign-in method is configured: the benchmarks' servers
 * accept one admin API token, and the benchmarks call as a script would, with it.
 */
const BENCH_TOKEN = "bench-admin-api-token-0123456789abcdef";

export const BENCH_ACCESS_ENV = {
  CALLBOARD_API_TOKENS: `admin:${BENCH_TOKEN}`,
  CALLBOARD_AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123",
} as const;

export const BENCH_AUTHORIZATION = { authorization: `Bearer ${BENCH_TOKEN}` } as const;
