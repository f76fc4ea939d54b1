import { describe, expect, it } from "vitest";

import { modeSearchOf } from "./paged-queries";

describe("modeSearchOf", () => {
  it("keeps the range and what decides whether the store can answer, drops the narrowing", () => {
    const search =
      "from=2024-06-01T00%3A00%3A00.000Z&to=2024-07-01T00%3A00%3A00.000Z" +
      "&phone=0501234567&ext=201&type=1,8&callId=abc&fields=Date,Duration";
    expect(modeSearchOf(search)).toBe(
      "from=2024-06-01T00%3A00%3A00.000Z&to=2024-07-01T00%3A00%3A00.000Z",
    );
    const unanswerable = `${search}&queue=7&campaign=3&scope=user%3A12`;
    expect(new URLSearchParams(modeSearchOf(unanswerable)).toString()).toBe(
      "from=2024-06-01T00%3A00%3A00.000Z&to=2024-07-01T00%3A00%3A00.000Z" +
        "&queue=7&campaign=3&scope=user%3A12",
    );
  });
});
