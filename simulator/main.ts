import { simulatorConfigFromEnv, type SimulatorEnv } from "./config";
import { startSimulatorServer } from "./server";

/** `npm run simulator`: the Voicenter CDR simulator as a standalone HTTP server. */

let settings: SimulatorEnv;
try {
  settings = simulatorConfigFromEnv(process.env);
} catch (error) {
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { config, port, host } = settings;
let server;
try {
  server = await startSimulatorServer({ config, port, host });
} catch (error) {
  console.error(
    `simulator: cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

const running = server;
const faults = Object.entries(config.faults)
  .filter(([, value]) => value !== 0 && value !== false)
  .map(([name, value]) => `${name}=${String(value)}`);
// The account code is never printed: it stands for a real secret.
console.log(
  `Voicenter CDR simulator on ${running.url}/hub/cdr/ (seed ${config.seed}, ${config.callsPerDay} calls on a busy day` +
    `${faults.length ? `, faults: ${faults.join(" ")}` : ""})`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
