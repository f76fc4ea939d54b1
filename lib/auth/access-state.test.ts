import { afterEach, describe, expect, it } from "vitest";

import { localUserCount, localUsersChanged, registerLocalUsersCounter } from "./access-state";

afterEach(() => localUsersChanged(undefined));

describe("localUserCount", () => {
  it("counts again while there are none (at most every 5 s), and keeps a count above 0", async () => {
    let users = 0;
    let counted = 0;
    registerLocalUsersCounter(() => {
      counted++;
      return Promise.resolve(users);
    }, 0);
    const t0 = Date.now();
    expect(await localUserCount(t0 + 1000)).toBe(0);
    expect(counted).toBe(0);
    users = 1;
    expect(await localUserCount(t0 + 6000)).toBe(1);
    expect(counted).toBe(1);
    users = 5;
    expect(await localUserCount(t0 + 60_000)).toBe(1);
    expect(counted).toBe(1);
    localUsersChanged();
    expect(await localUserCount(t0 + 61_000)).toBe(5);
  });

  it("stays closed while the database cannot be asked", async () => {
    registerLocalUsersCounter(() => Promise.reject(new Error("down")));
    expect(await localUserCount()).toBe(0);
  });
});
