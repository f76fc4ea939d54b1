// A stand-in for worker.mjs that dies on its first request, for the crash test of
// worker-client.test.ts (a real PGlite worker cannot be made to crash on demand).
import { parentPort } from "node:worker_threads";

parentPort?.postMessage({ type: "ready" });
parentPort?.on("message", () => process.exit(3));
