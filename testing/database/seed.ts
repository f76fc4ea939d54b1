import type { Database } from "@/lib/db/database";
import {
  account,
  apiToken,
  auditEvent,
  callbackNote,
  callbackWork,
  callCoverage,
  callSyncState,
  rateLimit,
  reviewMark,
  savedView,
  session,
  storedCall,
  storedCallRejection,
  upstreamBudgetClaim,
  upstreamRequest,
  user,
  userPreference,
  verification,
} from "@/lib/db/schema";

/** A few rows in every table (copy and backup tests compare them all). */
export async function seedEveryTable(db: Database): Promise<void> {
  const at = new Date("2024-06-02T09:30:00.250Z");
  await db.insert(user).values([
    { id: "u-admin", name: "Maya Admin", email: "maya@example.com", role: "admin" },
    {
      id: "u-sup",
      name: "Eli Sup",
      email: "eli@example.com",
      role: "supervisor",
      banned: true,
      banReason: "left",
      banExpires: at,
    },
  ]);
  await db.insert(session).values({
    id: "s1",
    token: "session-token-1",
    userId: "u-admin",
    expiresAt: new Date("2030-01-01T00:00:00Z"),
    ipAddress: "10.0.0.7",
    userAgent: "Firefox",
    impersonatedBy: null,
  });
  await db.insert(account).values({
    id: "a1",
    accountId: "sub-123",
    providerId: "oidc",
    userId: "u-admin",
    idToken: "id.token.value",
    accessTokenExpiresAt: at,
    scope: "openid email",
  });
  await db.insert(verification).values({
    id: "v1",
    identifier: "oauth-state",
    value: "xyz",
    expiresAt: at,
  });
  await db
    .insert(rateLimit)
    .values({ id: "r1", key: "sign-in:10.0.0.7", count: 2, lastRequest: 1717320600250 });
  await db.insert(apiToken).values({
    id: "t1",
    name: "Power BI",
    tokenHash: "a".repeat(64),
    role: "viewer",
    createdBy: "u-admin",
    lastUsedAt: at,
  });
  await db.insert(auditEvent).values(
    Array.from({ length: 2_500 }, (_, i) => ({
      at: new Date(at.getTime() + i * 1000),
      actorId: i % 2 ? "u-admin" : "t1",
      actorLabel: i % 2 ? "maya@example.com" : "Power BI",
      actorKind: i % 2 ? ("user" as const) : ("token" as const),
      action: i % 3 ? "recording.play" : "export.csv",
      target: `call-${i}`,
      details: i % 3 ? null : { filters: { queue: [i % 7], from: "2024-06-01" } },
      ip: "10.0.0.7",
      userAgent: "curl/8",
    })),
  );
  await seedCallStore(db, at);
  await db.insert(reviewMark).values([
    {
      callId: "c-1",
      reviewerId: "user:u-sup",
      reviewerLabel: "eli@example.com",
      status: "reviewed",
      score: 4,
    },
    {
      callId: "c-2",
      reviewerId: "user:u-sup",
      reviewerLabel: "eli@example.com",
      status: "flagged",
      note: "rude",
    },
  ]);
}

/** The call store's tables: two calls, a rejected record, coverage, sync state, the budget. */
async function seedCallStore(db: Database, at: Date): Promise<void> {
  const later = new Date(at.getTime() + 60_000);
  await db.insert(storedCall).values(
    ["c-1", "c-2"].map((callId, i) => ({
      callId,
      startedAt: new Date(at.getTime() + i * 1000),
      cdrType: 1,
      dialStatus: i ? "NOANSWER" : "ANSWER",
      duration: i ? 0 : 42,
      ringTime: 3,
      price: 0.5,
      callerNumber: "0501234567",
      targetNumber: "035551234",
      did: "035551234",
      numbers: ["0501234567", "035551234"],
      extensions: ["201"],
      representativeCode: "201",
      representativeName: "Dana",
      queueName: "Sales",
      hasRecording: i === 0,
      record: { CallID: callId, DialStatus: i ? "NOANSWER" : "ANSWER" },
      firstFetchedAt: later,
      lastFetchedAt: later,
    })),
  );
  await db.insert(storedCallRejection).values({
    key: "rejected-1",
    at,
    reason: "no CallID",
    fetchedAt: later,
  });
  await db.insert(callCoverage).values({
    fromAt: at,
    toAt: later,
    fetchedAt: later,
    complete: true,
    settled: false,
  });
  await db.insert(callSyncState).values({ id: "account", syncedTo: later, leader: "instance-a" });
  await db.insert(upstreamBudgetClaim).values({ at, purpose: "sync", instance: "instance-a" });
  await db.insert(upstreamRequest).values({
    at,
    purpose: "sync",
    instance: "instance-a",
    fromAt: at,
    toAt: later,
    records: 2,
    totalHits: 2,
    ms: 120,
    outcome: "ok",
  });
  await db.insert(callbackWork).values({
    key: "0501234567|c1",
    number: "0501234567",
    firstMissedAt: at,
    missedIds: ["c1", "c2"],
    state: "done",
    stateAt: later,
    stateByLabel: "maya@example.com",
    assigneeId: "user:u-sup",
    assigneeLabel: "Eli Sup",
    assignedAt: at,
    assignedByLabel: "maya@example.com",
  });
  await db.insert(callbackNote).values({
    workKey: "0501234567|c1",
    body: "asked for Tuesday",
    authorId: "user:u-admin",
    authorLabel: "maya@example.com",
    at,
  });
  await db.insert(savedView).values([
    {
      id: "v-missed",
      ownerId: "user:u-sup",
      ownerLabel: "Eli Sup",
      name: "Missed today",
      url: "/calls?status=missed",
      shared: true,
      createdAt: at,
      updatedAt: later,
    },
    {
      id: "v-mine",
      ownerId: "user:u-admin",
      ownerLabel: "maya@example.com",
      name: "Mine",
      url: "/agents",
    },
  ]);
  await db.insert(userPreference).values({
    principalId: "user:u-sup",
    timeZone: "Asia/Jerusalem",
    defaultViewId: "v-missed",
    updatedAt: at,
  });
}
