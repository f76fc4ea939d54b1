import type { CallTypeId } from "../lib/voicenter/call-types";
import { outcomeOf, type DialStatus } from "../lib/voicenter/dial-statuses";
import type { HourRoster } from "./calendar";
import {
  CUSTOMER_COUNT,
  customerPhone,
  FOREIGN_DESTINATIONS,
  type Agent,
  type CustomerPhone,
  type Directory,
} from "./directory";
import { weightedTable, type Rng, type WeightedTable } from "./prng";
import type { SimCall } from "./sim-call";

/** What a call builder needs to know about the moment it builds for. */
export interface BuildContext {
  rng: Rng;
  seed: number;
  directory: Directory;
  roster: HourRoster;
  /** Start of the call, epoch seconds. */
  epoch: number;
}

export function newCall(ctx: BuildContext, cdrType: CallTypeId, status: DialStatus): SimCall {
  return {
    callId: "",
    epoch: ctx.epoch,
    cdrType,
    status,
    callerNumber: "",
    targetNumber: "",
    did: "",
    callerExtension: "",
    targetExtension: "",
    queue: undefined,
    agent: undefined,
    loggedIn: false,
    userName: "",
    department: ctx.directory.mainDepartment,
    duration: 0,
    ringTime: 0,
    price: 0,
    prefixName: "",
    recorded: false,
    ivrPath: [],
    customData: NO_CUSTOM_DATA,
    campaign: undefined,
    original: undefined,
  };
}

export const NO_CUSTOM_DATA: Readonly<Record<string, string>> = Object.freeze({});

export function isAnswered(status: DialStatus): boolean {
  return outcomeOf(status) === "answered";
}

/** A customer's number; low indices call far more often, so some numbers recur for weeks. */
export function customer(ctx: BuildContext): CustomerPhone {
  const index = Math.floor(CUSTOMER_COUNT * ctx.rng.next() ** 2.5);
  return customerPhone(ctx.seed, index);
}

/** The agent's own mobile (for forwarding), from the same phone book, outside customer range. */
export function agentMobile(ctx: BuildContext, agent: Agent): CustomerPhone {
  return customerPhone(ctx.seed, CUSTOMER_COUNT + ctx.directory.agents.indexOf(agent));
}

/** Agent answers a call: who, and whether logged in (only then RepresentativeName shows). */
export function attachAgent(call: SimCall, ctx: BuildContext, agent: Agent): void {
  call.agent = agent;
  call.loggedIn = ctx.rng.chance(0.93);
  call.userName = agent.name;
  call.department = agent.department;
}

export function onDuty(ctx: BuildContext): Agent | undefined {
  return ctx.roster.agents.length > 0 ? ctx.rng.pick(ctx.roster.agents) : undefined;
}

export interface Destination {
  international: string;
  prefixName: string;
  /** Agorot per started minute. */
  rate: number;
}

const FOREIGN_RATES = [24, 38, 31, 35, 60, 45];

/** A customer's Israeli number as a destination: mobiles cost more than landlines. */
export function domesticDestination(phone: CustomerPhone): Destination {
  return {
    international: phone.international,
    prefixName: "Israel",
    rate: phone.local.startsWith("05") ? 8 : 5,
  };
}

export function destination(ctx: BuildContext): Destination {
  const { rng } = ctx;
  if (rng.chance(0.93)) return domesticDestination(customer(ctx));
  const index = rng.int(0, FOREIGN_DESTINATIONS.length - 1);
  const [name, code, length] = FOREIGN_DESTINATIONS[index] ?? ["United States", "1", 10];
  let national = String(rng.int(2, 9));
  while (national.length < length) national += String(rng.int(0, 9));
  return {
    international: `${code}${national}`,
    prefixName: name,
    rate: FOREIGN_RATES[index] ?? 30,
  };
}

export function priceOf(duration: number, rate: number): number {
  return duration > 0 ? Math.ceil(duration / 60) * rate : 0;
}

/** Talk time of an answered conversation (seconds). */
export function talkTime(ctx: BuildContext, median = 170): number {
  return ctx.rng.logNormal(median, 0.85, 5, 3600);
}

/** Ringing time that fits the way an outgoing/extension call ended. */
export function dialRing(ctx: BuildContext, status: DialStatus): number {
  const { rng } = ctx;
  switch (status) {
    case "ANSWER":
      return rng.logNormal(9, 0.5, 2, 45);
    case "NOANSWER":
      return rng.int(30, 60);
    case "CANCEL":
      return rng.int(2, 25);
    case "BUSY":
      return rng.int(0, 4);
    case "VOICEMAIL":
      return rng.int(15, 30);
    default:
      return 0;
  }
}

/** Waiting time in a queue that fits how the queue call ended. */
export function queueWait(ctx: BuildContext, status: DialStatus): number {
  const { rng } = ctx;
  switch (status) {
    case "ANSWER":
      return rng.logNormal(14, 0.8, 1, 400);
    case "ABANDONE":
      return rng.logNormal(35, 0.8, 2, 600);
    case "TIMEOUT":
      return 300 + rng.int(0, 15);
    case "EXIT":
      return rng.int(20, 180);
    default:
      return rng.int(0, 2);
  }
}

/** Answered calls are recorded unless the extension has recording off. */
export function answeredRecording(ctx: BuildContext, call: SimCall, share = 0.92): void {
  call.recorded = isAnswered(call.status) && call.duration > 0 && ctx.rng.chance(share);
}

type StatusWeights = ReadonlyArray<readonly [DialStatus, number]>;
const table = (weights: StatusWeights): WeightedTable<DialStatus> => weightedTable(weights);

/** How calls of each kind end; every dial status of the contract occurs somewhere. */
export const STATUS_MIX = {
  queue: table([
    ["ANSWER", 80],
    ["ABANDONE", 10],
    ["TIMEOUT", 3],
    ["EXIT", 3],
    ["FULL", 1],
  ]),
  queueEmpty: table([
    ["JOINEMPTY", 90],
    ["ABANDONE", 10],
  ]),
  incoming: table([
    ["ANSWER", 68],
    ["NOANSWER", 12],
    ["BUSY", 4],
    ["CANCEL", 9],
    ["VOEND", 4],
    ["TE", 3],
    ["CHANUNAVAIL", 2],
  ]),
  outgoing: table([
    ["ANSWER", 58],
    ["NOANSWER", 17],
    ["BUSY", 8],
    ["CANCEL", 9],
    ["CONGESTION", 3],
    ["CHANUNAVAIL", 1.5],
    ["NOTDIALED", 1.5],
    ["INVALIDARGS", 0.5],
    ["SSWPREAUTH", 1.5],
  ]),
  callingCard: table([
    ["ANSWER", 70],
    ["NOANSWER", 15],
    ["BUSY", 8],
    ["CONGESTION", 7],
  ]),
  toExtension: table([
    ["ANSWER", 88],
    ["NOANSWER", 8],
    ["CHANUNAVAIL", 4],
  ]),
  toCustomer: table([
    ["ANSWER", 62],
    ["NOANSWER", 18],
    ["BUSY", 8],
    ["CANCEL", 8],
    ["CONGESTION", 4],
  ]),
  toLead: table([
    ["ANSWER", 45],
    ["NOANSWER", 28],
    ["BUSY", 10],
    ["CANCEL", 7],
    ["CONGESTION", 6],
    ["CHANUNAVAIL", 4],
  ]),
  smartLeg1: table([
    ["ANSWER", 55],
    ["NOANSWER", 28],
    ["BUSY", 9],
    ["CONGESTION", 5],
    ["CHANUNAVAIL", 3],
  ]),
  smartIvr: table([
    ["ANSWER", 60],
    ["VOEND", 20],
    ["TE", 20],
  ]),
  // ANSWER: a message was left (reaching voicemail counts as answered); VOICEMAIL: none was.
  voicemail: table([
    ["ANSWER", 70],
    ["VOICEMAIL", 30],
  ]),
  conference: table([
    ["ANSWER", 92],
    ["NOANSWER", 4],
    ["CHANUNAVAIL", 4],
  ]),
  transfer: table([
    ["ANSWER", 75],
    ["NOANSWER", 15],
    ["BUSY", 10],
  ]),
  consult: table([
    ["ANSWER", 85],
    ["NOANSWER", 10],
    ["BUSY", 5],
  ]),
  scrubber: table([
    ["ANSWER", 30],
    ["NOANSWER", 20],
    ["CONGESTION", 25],
    ["CHANUNAVAIL", 15],
    ["BUSY", 10],
  ]),
  fax: table([
    ["ANSWER", 80],
    ["NOANSWER", 10],
    ["BUSY", 10],
  ]),
  forward: table([
    ["ANSWER", 60],
    ["NOANSWER", 20],
    ["BUSY", 8],
    ["CANCEL", 6],
    ["CHANUNAVAIL", 4],
    ["NOTDIALED", 2],
  ]),
} as const;

const LANGUAGES = ["he", "en", "ru", "ar"].map((lang) => Object.freeze({ var_lang: lang }));

/** IVR language choice some incoming calls carry as custom data. */
export function languageData(ctx: BuildContext): Readonly<Record<string, string>> {
  return ctx.rng.chance(0.25) ? ctx.rng.pick(LANGUAGES) : NO_CUSTOM_DATA;
}
