import { expect, it } from "vitest";

import { budgetPolicy } from "@/lib/server/budget-ledger";
import { describeEachDatabase } from "@/testing/database/each-database";

import { createPostgresLedger } from "./postgres-ledger";

/**
 * The budget two instances share through the database: however their claims interleave,
 * together they get no more starts in a window than the account allows.
 */
describeEachDatabase("the shared budget ledger", (target) => {
  it("grants two instances together at most the limit", async () => {
    const handle = await target.open();
    const policy = budgetPolicy(12);
    const one = createPostgresLedger(() => Promise.resolve(handle.db), policy, "instance-a");
    const two = createPostgresLedger(() => Promise.resolve(handle.db), policy, "instance-b");
    const claims = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? one : two).claim("interactive")),
    );
    expect(claims.filter((c) => c.granted)).toHaveLength(12);
    const refused = claims.find((c) => !c.granted);
    expect(refused && !refused.granted && refused.retryInMs).toBeGreaterThan(50_000);
    // the backfill's share is already used up by the people
    expect(await one.claim("backfill")).toMatchObject({ granted: false });
    expect(await two.usage()).toMatchObject({
      used: 12,
      limit: 12,
      byPurpose: { interactive: 12 },
    });
  });
});
