// The part of autocannon's API the load benchmark uses (the package ships no types).
declare module "autocannon" {
  export interface Request {
    path: string;
    method?: string;
    onResponse?: (status: number, body: string) => void;
  }
  export interface Options {
    url: string | string[];
    connections: number;
    duration: number;
    timeout?: number;
    /** Sent with every request. */
    headers?: Record<string, string>;
    requests?: Request[];
  }
  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  export interface Result {
    latency: Histogram;
    requests: { total: number; average: number };
    throughput: { average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  function autocannon(
    options: Options,
    done: (error: Error | null, result: Result) => void,
  ): unknown;
  export default autocannon;
}
