/** The upstream's dial statuses, written once, with how each counts in call-center KPIs. */

export type CallOutcome = "answered" | "missed" | "abandoned" | "failed";

export interface DialStatusInfo {
  meaning: string;
  outcome: CallOutcome;
}

export const DIAL_STATUSES = {
  NOTDIALED: { meaning: "Hung up before dialling", outcome: "failed" },
  ANSWER: {
    meaning: "Answered after a successful dial/ring; reaching voicemail also counts",
    outcome: "answered",
  },
  BUSY: { meaning: "The target signalled busy", outcome: "missed" },
  NOANSWER: { meaning: "Rang until timeout, no answer", outcome: "missed" },
  CANCEL: { meaning: "The caller hung up before the target answered", outcome: "missed" },
  ABANDONE: {
    meaning: "Reached a queue; the caller hung up before an agent answered",
    outcome: "abandoned",
  },
  TIMEOUT: { meaning: "Queue call waited the maximum time", outcome: "abandoned" },
  FULL: { meaning: "The queue was full; could not join", outcome: "missed" },
  EXIT: { meaning: "The caller chose to leave the queue", outcome: "abandoned" },
  JOINEMPTY: { meaning: "Tried to join a queue with no agents logged in", outcome: "missed" },
  VOEND: {
    meaning: "Hung up inside the IVR without ringing any extension or queue",
    outcome: "abandoned",
  },
  TE: { meaning: "Reached the IVR, heard a recording, then disconnected", outcome: "abandoned" },
  NOTCALLED: {
    meaning: "Second leg not placed because the first leg failed",
    outcome: "failed",
  },
  VOICEMAIL: { meaning: "Reached Voicenter voicemail", outcome: "missed" },
  CONGESTION: { meaning: "Usually an unknown destination", outcome: "failed" },
  CHANUNAVAIL: {
    meaning: "Channel unavailable, or extension not registered",
    outcome: "failed",
  },
  INVALIDARGS: { meaning: "Error processing the dial command", outcome: "failed" },
  SSWPREAUTH: { meaning: "Outgoing call cancelled before dialling", outcome: "failed" },
} as const satisfies Record<string, DialStatusInfo>;

export type DialStatus = keyof typeof DIAL_STATUSES;

export const DIAL_STATUS_NAMES = Object.keys(DIAL_STATUSES) as DialStatus[];

export function isDialStatus(value: string): value is DialStatus {
  return Object.hasOwn(DIAL_STATUSES, value);
}

/** KPI grouping of a status; an unknown status (the upstream may add some) counts as failed. */
export function outcomeOf(status: string | undefined): CallOutcome {
  return status && isDialStatus(status) ? DIAL_STATUSES[status].outcome : "failed";
}
