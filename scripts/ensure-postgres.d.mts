/** A throwaway PostgreSQL cluster (see ensure-postgres.mjs). */
export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  port: number;
  stop(): void;
}
export function ensurePostgres(): string;
export function startPostgres(): Promise<ThrowawayPostgres>;
