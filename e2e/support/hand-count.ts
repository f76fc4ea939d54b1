/**
 * The e2e tests' own count of a day's conversations and KPIs, from the records `/api/calls`
 * returned — written out here by a plain rule, independent of lib/conversations and
 * lib/analytics, so a test can hold each tile against it. It covers the shapes the
 * simulator writes (one record; the two-leg pairs 9/10, 14/15, 17/18, 17/19, 21/22 sharing
 * an OriginalIvrUniqueID; a transfer 13 naming the queue call it continues).
 */

export interface HandRecord {
  CallID: string;
  Date?: string;
  CdrType?: number;
  DialStatus?: string;
  CallerNumber?: string;
  TargetNumber?: string;
  QueueName?: string;
  RingTime?: number;
  Duration?: number;
  Price?: number;
  HasRecording: boolean;
  RepresentativeCode?: string;
  UserName?: string;
  TargetExtension?: string;
  CallerExtension?: string;
  CustomData?: Record<string, unknown>;
}

export type Outcome = "answered" | "missed" | "abandoned" | "failed";

export interface HandConversation {
  legs: HandRecord[];
  /** The leg whose status, wait and queue stand for the conversation. */
  decider: HandRecord;
  direction: "inbound" | "outbound" | "internal";
  outcome: Outcome;
  wait: number | undefined;
  talk: number;
  start: number;
  customer: string | undefined;
  queue: string | undefined;
}

// How each dial status ends a call (the contract's groups, written out).
const ANSWERED = ["ANSWER"];
const MISSED = ["BUSY", "NOANSWER", "CANCEL", "FULL", "JOINEMPTY", "VOICEMAIL"];
const ABANDONED = ["ABANDONE", "TIMEOUT", "EXIT", "VOEND", "TE"];
export function outcomeOfStatus(status: string | undefined): Outcome {
  if (ANSWERED.includes(status ?? "")) return "answered";
  if (MISSED.includes(status ?? "")) return "missed";
  if (ABANDONED.includes(status ?? "")) return "abandoned";
  return "failed";
}

/** Leg 1 of each two-leg pair, and leg 2. */
const LEG_ONE = [9, 14, 17, 21];
const LEG_TWO = [10, 15, 18, 19, 22];
const INBOUND = [1, 8, 11, 22, 23];
const OUTBOUND = [2, 4, 10, 15, 17, 18, 19];
/** Types whose customer is the caller (else the target). */
const CUSTOMER_IS_CALLER = [1, 8, 11, 13, 18, 19, 22, 23];

const original = (r: HandRecord) => {
  const id = r.CustomData?.OriginalIvrUniqueID;
  return typeof id === "string" && id !== "" ? id : undefined;
};

/** Digits only, Israel's +972 folded to 0: the two spellings of one number meet. */
export function numberKey(raw: string | undefined): string | undefined {
  if (!raw || !/^[+\d\s\-().]+$/.test(raw)) return undefined;
  let digits = raw.replace(/\D/g, "");
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.startsWith("972")) digits = `0${digits.slice(3)}`;
  return digits.length >= 5 ? digits : undefined;
}

/** Records sharing an OriginalIvrUniqueID, or whose CallID another names as its original. */
export function groupByHand(records: readonly HandRecord[]): HandConversation[] {
  const groups = new Map<string, HandRecord[]>();
  const ids = new Set(records.map((r) => r.CallID));
  const named = new Map<string, number>();
  for (const r of records) {
    const link = original(r);
    if (link !== undefined) named.set(link, (named.get(link) ?? 0) + 1);
  }
  for (const r of records) {
    const link = original(r);
    // A link to a record that is loaded, or one that others share, joins them.
    const key = link !== undefined && (ids.has(link) || named.get(link)! > 1) ? link : r.CallID;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((legs) =>
    describe(legs.sort((a, b) => (a.Date ?? "").localeCompare(b.Date ?? ""))),
  );
}

function describe(legs: HandRecord[]): HandConversation {
  const type = (r: HandRecord) => r.CdrType ?? 0;
  const legTwo = legs.find((r) => LEG_TWO.includes(type(r)));
  const legOne = legs.find((r) => LEG_ONE.includes(type(r)));
  let decider: HandRecord;
  let outcome: Outcome;
  let direction: HandConversation["direction"];
  if (legOne || legTwo) {
    const placed = legTwo && legTwo.DialStatus !== "NOTCALLED" ? legTwo : undefined;
    decider = placed ?? legOne ?? legTwo!;
    // Leg 2 never placed: the smart dialer's leg 1 speaks for itself; an agent's leg
    // (click2call, dialer) that went unanswered is a failure; a hand-over is internal.
    outcome = placed || type(decider) === 17 ? outcomeOfStatus(decider.DialStatus) : "failed";
    direction = type(decider) === 22 || type(decider) === 21 ? "inbound" : "outbound";
    if ((type(decider) === 21 || type(decider) === 22) && outcome !== "answered")
      direction = "internal";
  } else {
    // One record, or a queue call and the transfer that continued it: the first decides.
    decider = legs.find((r) => type(r) !== 13) ?? legs[0]!;
    outcome = type(decider) === 11 ? "missed" : outcomeOfStatus(decider.DialStatus);
    direction = INBOUND.includes(type(decider))
      ? "inbound"
      : OUTBOUND.includes(type(decider))
        ? "outbound"
        : "internal";
  }
  // Talk: the customer's answered legs — leg 2 of a pair (or the smart dialer's lone leg 1),
  // or the call and its transfers; never an agent's or a consult's leg, never voicemail.
  const talkLegs =
    outcome !== "answered"
      ? []
      : legOne || legTwo
        ? [decider]
        : legs.filter((r) => type(r) !== 11 && outcomeOfStatus(r.DialStatus) === "answered");
  const customerOf = (r: HandRecord) =>
    numberKey(CUSTOMER_IS_CALLER.includes(type(r)) ? r.CallerNumber : r.TargetNumber);
  return {
    legs,
    decider,
    direction,
    outcome,
    wait: decider.RingTime,
    talk: talkLegs.reduce((sum, r) => sum + (r.Duration ?? 0), 0),
    start: Date.parse(legs[0]!.Date ?? ""),
    customer: customerOf(decider) ?? legs.map(customerOf).find(Boolean),
    queue:
      decider.QueueName ||
      legs.find((r) => r.QueueName && r.DialStatus !== "NOTCALLED")?.QueueName ||
      undefined,
  };
}

export interface HandKpis {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  missed: number;
  failedInbound: number;
  withinServiceLevel: number;
  asa: number | null;
  inboundAvgTalk: number | null;
  attempts: number;
  connected: number;
  outboundAvgTalk: number | null;
  costAgorot: number;
  recorded: number;
  recordedAnswered: number;
  notCalledBack: number;
}

const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

/** The KPI strip's figures, counted by hand (short abandon under `abandonS`, SL within `slaS`). */
export function kpisByHand(
  conversations: readonly HandConversation[],
  { abandonS = 5, slaS = 20 } = {},
): HandKpis {
  const inbound = conversations.filter((c) => c.direction === "inbound");
  const outbound = conversations.filter((c) => c.direction === "outbound");
  const answeredIn = inbound.filter((c) => c.outcome === "answered");
  const abandonedIn = inbound.filter((c) => c.outcome === "abandoned");
  const isShort = (c: HandConversation) => c.wait !== undefined && c.wait < abandonS;
  const connected = outbound.filter((c) => c.outcome === "answered");
  // Not called back: a number whose last missed inbound call had no answered call after it.
  const lastMiss = new Map<string, number>();
  for (const c of inbound) {
    if ((c.outcome === "missed" || c.outcome === "abandoned") && c.customer)
      lastMiss.set(c.customer, Math.max(lastMiss.get(c.customer) ?? 0, c.start));
  }
  let notCalledBack = 0;
  for (const [number, at] of lastMiss) {
    const reached = conversations.some(
      (c) =>
        c.customer === number &&
        c.direction !== "internal" &&
        c.outcome === "answered" &&
        c.start >= at,
    );
    if (!reached) notCalledBack++;
  }
  return {
    offered: inbound.filter((c) => c.outcome !== "failed").length,
    answered: answeredIn.length,
    abandoned: abandonedIn.filter((c) => !isShort(c)).length,
    shortAbandoned: abandonedIn.filter(isShort).length,
    missed: inbound.filter((c) => c.outcome === "missed").length,
    failedInbound: inbound.filter((c) => c.outcome === "failed").length,
    withinServiceLevel: answeredIn.filter((c) => c.wait !== undefined && c.wait <= slaS).length,
    asa: mean(answeredIn.filter((c) => c.wait !== undefined).map((c) => c.wait!)),
    inboundAvgTalk: answeredIn.length
      ? answeredIn.reduce((s, c) => s + c.talk, 0) / answeredIn.length
      : null,
    attempts: outbound.length,
    connected: connected.length,
    outboundAvgTalk: connected.length
      ? connected.reduce((s, c) => s + c.talk, 0) / connected.length
      : null,
    costAgorot: conversations.reduce(
      (s, c) => s + c.legs.reduce((t, r) => t + (r.Price ?? 0), 0),
      0,
    ),
    recorded: conversations.filter((c) => c.legs.some((r) => r.HasRecording)).length,
    recordedAnswered: [...answeredIn, ...connected].filter((c) =>
      c.legs.some((r) => r.HasRecording),
    ).length,
    notCalledBack,
  };
}
