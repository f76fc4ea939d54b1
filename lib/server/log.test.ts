import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";

import { createLogger, createServerLog } from "./log";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { lines, destination };
}

describe("the server log", () => {
  const code = 'cb"code/&5 Zq';

  it("writes one JSON line per entry, scrubbed of the account code in every spelling", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ secrets: [code], destination });
    logger.info(
      { url: `https://x/?code=${encodeURIComponent(code)}`, nested: { said: code } },
      `code ${code}`,
    );
    createServerLog(logger).error(`failed with ${JSON.stringify(code)}`);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(code);
      expect(line).not.toContain(encodeURIComponent(code));
      expect(line).not.toContain(JSON.stringify(code).slice(1, -1));
      expect(line).toContain("[redacted]");
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    expect(JSON.parse(lines[1] ?? "{}")).toMatchObject({ level: 50, app: "callboard" });
  });
});
