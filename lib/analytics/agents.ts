import { isTalkLeg, type Conversation } from "@/lib/conversations/conversation";
import {
  agentOf,
  callTypeIdOf,
  legRoleOf,
  type AgentRef,
  type ConversationRecord,
} from "@/lib/conversations/records";
import type { LegRole } from "@/lib/voicenter/call-types";
import { outcomeOf } from "@/lib/voicenter/dial-statuses";

import { buildAgentDirectory } from "./agent-directory";

/**
 * One agent's figures. Attribution, from the records:
 * - a leg belongs to the agent it names: RepresentativeCode/Name when someone was logged in,
 *   else UserName, else the extension (see AgentDirectory for how these meet in one row);
 * - conversation counts go to the agent of the conversation's primary leg;
 * - talk goes to whoever talked on each talk leg: the leg's agent, but for a transfer (13) the
 *   owner of the extension it was handed to (to an outside number: nobody);
 * - a missed ring is a leg that rang the agent and ended unanswered (the contract's
 *   "missed": NOANSWER, BUSY, CANCEL, VOICEMAIL): a direct incoming call (1) to their
 *   extension, a forward (23) to their phone, the dialer's or click2call's ring of them
 *   (9, 14), a consult (21) or a transfer (13) to their extension. Queue calls do not say
 *   which agents they rang, so they add none.
 */
export interface AgentRow {
  /** `code:…`, `user:…` or `ext:…` (AgentRef keys; the most specific the records allow). */
  key: string;
  name: string;
  /** RepresentativeCode, when the row is keyed by it. */
  code: string | undefined;
  /** The agent's extensions seen on their legs. */
  extensions: string[];
  /** AgentRef keys folded into this row: filter conversations by these to drill down. */
  aliases: string[];
  /** Inbound conversations answered, whose primary leg names them. */
  inboundAnswered: number;
  /** Rings to them that ended unanswered (see above). */
  missed: number;
  /** Outbound conversations whose primary leg names them. */
  outboundAttempts: number;
  /** Of which the customer answered. */
  outboundConnected: number;
  /** Conversations in which they talked with the customer (either direction). */
  handled: number;
  talkSeconds: number;
  /** talkSeconds ÷ handled; null when none. */
  avgTalkSeconds: number | null;
  /**
   * Mean wait (RingTime) of the inbound conversations they answered; for a queue call the
   * caller's whole wait in the queue, not only their phone's ringing. Null when none.
   */
  avgRingSeconds: number | null;
  /** Of inboundAnswered, those that carry a wait: avgRingSeconds is their mean. */
  ringCount: number;
  /** Their longest talk in one conversation. */
  longestTalkSeconds: number;
  /** Handled conversations with a recording ÷ handled; null when none. */
  recordedShare: number | null;
  /** Sum of Price of the legs that name them, agorot. */
  costAgorot: number;
}

interface Tally {
  /** The refs that resolved to this row (few: one object per distinct agent). */
  refs: Set<AgentRef>;
  /** Extensions it was reached on as a consult or transfer target. */
  targets: Set<string>;
  inboundAnswered: number;
  missed: number;
  outboundAttempts: number;
  outboundConnected: number;
  handled: number;
  talk: number;
  waitSum: number;
  waitCount: number;
  longest: number;
  recordedHandled: number;
  cost: number;
}

const newTally = (): Tally => ({
  refs: new Set(),
  targets: new Set(),
  inboundAnswered: 0,
  missed: 0,
  outboundAttempts: 0,
  outboundConnected: 0,
  handled: 0,
  talk: 0,
  waitSum: 0,
  waitCount: 0,
  longest: 0,
  recordedHandled: 0,
  cost: 0,
});

const DIRECT_INCOMING = 1;

/** Whom an unanswered leg of the agent's own rang (consults and transfers: their target). */
function rungBy(
  leg: ConversationRecord,
  role: LegRole,
  legAgent: string | undefined,
): string | undefined {
  if (role === "agent" || role === "forward") return legAgent;
  if (role !== "whole") return undefined;
  // A direct incoming call (1) rang its extension; voicemail (11) and queues (8) say nothing.
  return callTypeIdOf(leg) === DIRECT_INCOMING ? legAgent : undefined;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Per-agent figures over conversations, busiest first. */
export function computeAgentStats(conversations: readonly Conversation[]): AgentRow[] {
  // Pass 1: the agent each leg names (interned objects), and how often.
  const legRefs: (AgentRef | undefined)[] = [];
  const seen = new Map<AgentRef, number>();
  for (const c of conversations) {
    for (const leg of c.legs) {
      const ref = agentOf(leg);
      legRefs.push(ref);
      if (ref) seen.set(ref, (seen.get(ref) ?? 0) + 1);
    }
  }
  const directory = buildAgentDirectory(seen);
  let k = 0;
  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => {
    let t = tallies.get(key);
    if (!t) {
      t = newTally();
      tallies.set(key, t);
    }
    return t;
  };
  // Who talked in the conversation at hand, and how long (a conversation has few legs).
  const talkers: string[] = [];
  const talked: number[] = [];

  for (const c of conversations) {
    talkers.length = 0;
    talked.length = 0;
    for (let i = 0; i < c.legs.length; i++) {
      const leg = c.legs[i]!;
      const role = legRoleOf(leg);
      const ref = legRefs[k++];
      const key = ref ? directory.resolve(ref) : undefined;
      if (ref && key) {
        const t = tally(key);
        t.refs.add(ref);
        t.cost += leg.Price ?? 0;
      }
      // A consult or transfer reaches the agent who owns its target extension.
      const target =
        (role === "consult" || role === "transfer") && leg.TargetExtension
          ? leg.TargetExtension
          : undefined;
      const targetKey = target === undefined ? undefined : directory.resolveExtension(target);
      if (targetKey && target) tally(targetKey).targets.add(target);
      if (isTalkLeg(c, i)) {
        const talker = role === "transfer" ? targetKey : key;
        if (talker) {
          const at = talkers.indexOf(talker);
          if (at < 0) {
            talkers.push(talker);
            talked.push(leg.Duration ?? 0);
          } else talked[at]! += leg.Duration ?? 0;
        }
      } else if (outcomeOf(leg.DialStatus) === "missed") {
        const rung = role === "consult" || role === "transfer" ? targetKey : rungBy(leg, role, key);
        if (rung) tally(rung).missed++;
      }
    }
    const primary = c.agent ? directory.resolve(c.agent) : undefined;
    if (primary && c.direction === "inbound" && c.outcome === "answered") {
      const t = tally(primary);
      t.inboundAnswered++;
      if (c.waitSeconds !== undefined) {
        t.waitSum += c.waitSeconds;
        t.waitCount++;
      }
    } else if (primary && c.direction === "outbound") {
      const t = tally(primary);
      t.outboundAttempts++;
      if (c.outcome === "answered") t.outboundConnected++;
    }
    for (let k = 0; k < talkers.length; k++) {
      const talker = talkers[k]!;
      const seconds = talked[k]!;
      const t = tally(talker);
      t.handled++;
      t.talk += seconds;
      if (seconds > t.longest) t.longest = seconds;
      if (c.recorded) t.recordedHandled++;
    }
  }

  const rows: AgentRow[] = [];
  for (const [key, t] of tallies) {
    const extensions = new Set(t.targets);
    const aliases = new Set<string>();
    for (const ref of t.refs) {
      aliases.add(ref.key);
      if (ref.extension) extensions.add(ref.extension);
    }
    rows.push({
      key,
      name: directory.nameOf(key),
      code: key.startsWith("code:") ? key.slice(5) : undefined,
      extensions: [...extensions].sort(),
      aliases: [...aliases].sort(),
      inboundAnswered: t.inboundAnswered,
      missed: t.missed,
      outboundAttempts: t.outboundAttempts,
      outboundConnected: t.outboundConnected,
      handled: t.handled,
      talkSeconds: t.talk,
      avgTalkSeconds: ratio(t.talk, t.handled),
      avgRingSeconds: t.waitCount > 0 ? t.waitSum / t.waitCount : null,
      ringCount: t.waitCount,
      longestTalkSeconds: t.longest,
      recordedShare: ratio(t.recordedHandled, t.handled),
      costAgorot: t.cost,
    });
  }
  return rows.sort(
    (a, b) =>
      b.inboundAnswered + b.outboundAttempts - (a.inboundAnswered + a.outboundAttempts) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Whether an agent row took part in a conversation (for "a row opens that agent's calls"). */
export function involvesAgent(
  conversation: Conversation,
  row: Pick<AgentRow, "aliases" | "extensions">,
): boolean {
  for (const leg of conversation.legs) {
    const ref = agentOf(leg);
    if (ref && row.aliases.includes(ref.key)) return true;
    const role = legRoleOf(leg);
    if (
      (role === "consult" || role === "transfer") &&
      leg.TargetExtension &&
      row.extensions.includes(leg.TargetExtension)
    )
      return true;
  }
  return false;
}
