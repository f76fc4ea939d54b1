import type { Conversation } from "@/lib/conversations/conversation";
import {
  agentOf,
  legRoleOf,
  type AgentRef,
  type ConversationRecord,
} from "@/lib/conversations/records";

import { buildAgentDirectory, type AgentDirectory } from "./agent-directory";

/**
 * "The calls of this agent": the records and conversations behind one row of the agents
 * table (`AgentRow.key`), attributed as `computeAgentStats` attributes them — a record that
 * names the agent (as the directory folds codes, user names and extensions into one row),
 * or a consult or transfer to an extension the directory gives the agent. Build it over the
 * records the agents table was computed from, so both use the same directory.
 */
export interface AgentMatch {
  /** The row's display name, as the agents table shows it. */
  name: string;
  record(record: ConversationRecord): boolean;
  /** Some leg of the conversation is the agent's. */
  conversation(conversation: Conversation): boolean;
}

export function directoryOf(records: Iterable<ConversationRecord>): AgentDirectory {
  const seen = new Map<AgentRef, number>();
  for (const record of records) {
    const ref = agentOf(record);
    if (ref) seen.set(ref, (seen.get(ref) ?? 0) + 1);
  }
  return buildAgentDirectory(seen);
}

export function matchAgent(records: Iterable<ConversationRecord>, key: string): AgentMatch {
  const directory = directoryOf(records);
  const record = (leg: ConversationRecord): boolean => {
    const ref = agentOf(leg);
    if (ref && directory.resolve(ref) === key) return true;
    const role = legRoleOf(leg);
    return (
      (role === "consult" || role === "transfer") &&
      leg.TargetExtension !== undefined &&
      leg.TargetExtension !== "" &&
      directory.resolveExtension(leg.TargetExtension) === key
    );
  };
  return {
    name: directory.nameOf(key),
    record,
    conversation: (conversation) => conversation.legs.some(record),
  };
}

/** Every record of the conversations, for `matchAgent` over conversations. */
export function* legsOf(conversations: readonly Conversation[]): Iterable<ConversationRecord> {
  for (const conversation of conversations) yield* conversation.legs;
}
