import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { record } from "@/testing/conversation-records";

import { computeQueueStats } from "./queues";

const q = (CallID: string, QueueName: string, DialStatus: string, RingTime: number, Duration = 0) =>
  record({ CallID, CdrType: 8, when: "00:00", QueueName, DialStatus, RingTime, Duration });
const smart = (id: string, dial: string, leg2: string, RingTime = 0, Duration = 0) => [
  record({ CallID: id, CdrType: 17, when: "01:00", original: id, DialStatus: dial }),
  record({
    CallID: `${id}b`,
    CdrType: 19,
    when: "01:10",
    original: id,
    QueueName: "Sales",
    DialStatus: leg2,
    RingTime,
    Duration,
  }),
];

/** Sales: 8 offered (one by the smart dialer), one campaign call never reached it; Support: 3 + 1 failed. */
const CALLS = [
  q("s1", "Sales", "ANSWER", 10, 100),
  q("s2", "Sales", "ANSWER", 25, 200),
  q("s3", "Sales", "ABANDONE", 3),
  q("s4", "Sales", "ABANDONE", 60),
  q("s5", "Sales", "TIMEOUT", 300),
  q("s6", "Sales", "EXIT", 45),
  ...smart("s7", "ANSWER", "ANSWER", 15, 120),
  ...smart("s8", "NOANSWER", "NOTCALLED"),
  q("s9", "Sales", "FULL", 0),
  q("p1", "Support", "JOINEMPTY", 1),
  q("p2", "Support", "ANSWER", 40, 300),
  q("p3", "Support", "CHANUNAVAIL", 0),
  q("p4", "Support", "CANCEL", 12),
];

describe("computeQueueStats on hand-counted queues", () => {
  const rows = computeQueueStats(groupConversations(CALLS), {
    shortAbandonSeconds: 5,
    serviceLevelSeconds: 20,
  });

  it("Sales: every ending in its own column; the campaign call that never reached it is not there", () => {
    expect(rows[0]).toEqual({
      queue: "Sales",
      offered: 8,
      answered: 3,
      abandoned: 1,
      shortAbandoned: 1,
      timeout: 1,
      exit: 1,
      full: 1,
      noAgents: 0,
      otherUnanswered: 0,
      failed: 0,
      outbound: 1,
      answerRate: 3 / 8,
      answeredWithinServiceLevel: 2,
      serviceLevel: 2 / 8,
      avgSpeedOfAnswerSeconds: (10 + 25 + 15) / 3,
      answeredWithWait: 3,
      talkSeconds: 420,
      avgTalkSeconds: 140,
      longestWaitSeconds: 300,
    });
  });

  it("Support: no agents, an answer after 40 s, a failure outside offered", () => {
    expect(rows[1]).toMatchObject({
      queue: "Support",
      offered: 3,
      answered: 1,
      noAgents: 1,
      otherUnanswered: 1,
      failed: 1,
      answerRate: 1 / 3,
      serviceLevel: 0,
      avgSpeedOfAnswerSeconds: 40,
      longestWaitSeconds: 40,
    });
    expect(rows).toHaveLength(2);
  });
});
