// `npm run demo`: builds Callboard and serves it on http://localhost:3000 with the built-in
// simulator (demo mode), whatever VOICENTER_CODE the shell may hold.
import { bin, run } from "./run.mjs";

const env = { VOICENTER_CODE: "" };
const port = process.env.PORT ?? "3000";
const built = await run(bin("next"), ["build"], env);
if (built !== 0) process.exit(built);
console.log(
  `\nCallboard demo: http://localhost:${port}  (simulated call center, no account needed)\n`,
);
// the production server (scripts/start.mjs), as `npm start` and the image run it
process.exit(await run(process.execPath, ["scripts/start.mjs"], { ...env, PORT: port }));
