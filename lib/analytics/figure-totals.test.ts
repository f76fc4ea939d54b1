import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { record } from "@/testing/conversation-records";

import { computeAgentStats } from "./agents";
import { computeConversationKpis } from "./conversation-kpis";
import { totalAgents, totalQueues } from "./figure-totals";
import { computeQueueStats } from "./queues";

const agent = (code: string) => ({
  RepresentativeCode: code,
  RepresentativeName: code,
  TargetExtension: `E${code}`,
});

/** Two queues, two agents, written out so the totals can be counted by hand. */
const DAY = groupConversations([
  record({
    CallID: "a",
    CdrType: 8,
    when: "00:00",
    QueueName: "Sales",
    RingTime: 10,
    Duration: 100,
    HasRecording: true,
    ...agent("A"),
  }),
  record({
    CallID: "b",
    CdrType: 8,
    when: "10:00",
    QueueName: "Sales",
    RingTime: 30,
    Duration: 50,
    ...agent("B"),
  }),
  record({
    CallID: "c",
    CdrType: 8,
    when: "20:00",
    QueueName: "Sales",
    DialStatus: "ABANDONE",
    RingTime: 40,
  }),
  record({
    CallID: "d",
    CdrType: 8,
    when: "30:00",
    QueueName: "Support",
    RingTime: 20,
    Duration: 300,
    ...agent("A"),
  }),
  record({
    CallID: "e",
    CdrType: 8,
    when: "40:00",
    QueueName: "Support",
    DialStatus: "TIMEOUT",
    RingTime: 90,
  }),
]);

describe("totals of the figure tables", () => {
  it("queues: counts summed, rates of the sums, the longest wait of all", () => {
    const total = totalQueues(computeQueueStats(DAY));
    expect(total).toMatchObject({
      offered: 5,
      answered: 3,
      abandoned: 1,
      timeout: 1,
      answerRate: 3 / 5,
      answeredWithinServiceLevel: 2, // 10 s and 20 s; 30 s is over 20
      serviceLevel: 2 / 5,
      avgSpeedOfAnswerSeconds: (10 + 30 + 20) / 3,
      talkSeconds: 450,
      avgTalkSeconds: 150,
      longestWaitSeconds: 90,
    });
    // The same figures as the KPIs over the same (all queue) conversations.
    const kpis = computeConversationKpis(DAY);
    expect(total.answerRate).toBe(kpis.inbound.answeredRate);
    expect(total.avgSpeedOfAnswerSeconds).toBeCloseTo(kpis.inbound.avgSpeedOfAnswerSeconds ?? NaN);
  });

  it("agents: weighted averages and shares", () => {
    const total = totalAgents(computeAgentStats(DAY));
    expect(total).toMatchObject({
      inboundAnswered: 3,
      handled: 3,
      talkSeconds: 450,
      avgTalkSeconds: 150,
      avgRingSeconds: (10 + 30 + 20) / 3,
      ringCount: 3,
      longestTalkSeconds: 300,
      recordedShare: 1 / 3,
    });
  });

  it("are empty figures without rows", () => {
    expect(totalQueues([])).toMatchObject({
      offered: 0,
      answerRate: null,
      avgSpeedOfAnswerSeconds: null,
    });
    expect(totalAgents([])).toMatchObject({
      handled: 0,
      avgTalkSeconds: null,
      recordedShare: null,
    });
  });
});
