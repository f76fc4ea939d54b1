import type { FieldName } from "@/lib/voicenter/fields";

/**
 * The fields conversations, their KPIs, agents, queues, heatmap and callbacks read: a view
 * that shows conversations asks the upstream for at least these. A module of its own: pages
 * ask for them before the grouping code has loaded.
 */
export const CONVERSATION_FIELDS = [
  "CallID",
  "Date",
  "DateEpoch",
  "CdrType",
  "Type",
  "DialStatus",
  "CallerNumber",
  "TargetNumber",
  "DID",
  "QueueName",
  "RingTime",
  "Duration",
  "Price",
  "RepresentativeName",
  "RepresentativeCode",
  "UserName",
  "CallerExtension",
  "TargetExtension",
  "CustomData",
] as const satisfies readonly FieldName[];
