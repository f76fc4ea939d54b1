import {
  agentMobile,
  answeredRecording,
  attachAgent,
  customer,
  destination,
  dialRing,
  isAnswered,
  languageData,
  newCall,
  onDuty,
  priceOf,
  queueWait,
  STATUS_MIX,
  talkTime,
  type BuildContext,
  type Destination,
} from "./call-parts";
import type { Directory, Queue } from "./directory";
import { itemAt, weightedTable, type WeightedTable } from "./prng";
import type { SimCall } from "./sim-call";

/** Builders of the call types that produce one record each. */

const OPERATOR_PATH = [{ LayerName: "Main Menu", DTMF: 0, LayerNumber: "0" }] as const;
const TOLL_FREE_RATE = 6;

const queueTables = new WeakMap<Directory, WeightedTable<Queue>>();
function queueTable(directory: Directory): WeightedTable<Queue> {
  let table = queueTables.get(directory);
  if (!table) {
    table = weightedTable(directory.queues.map((q) => [q, q.weight] as const));
    queueTables.set(directory, table);
  }
  return table;
}

/** 8 Queue: through the IVR into a queue; with nobody on duty it joins empty or goes to voicemail. */
export function queueCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const queue = queueTable(directory).draw(rng);
  const available = ctx.roster.byQueue.get(queue) ?? [];
  if (available.length === 0 && rng.chance(0.5)) return voiceMail(ctx);
  const status = (available.length > 0 ? STATUS_MIX.queue : STATUS_MIX.queueEmpty).draw(rng);
  const call = newCall(ctx, 8, status);
  const phone = customer(ctx);
  call.callerNumber = phone.local;
  call.did = queue.did.local;
  call.targetNumber = queue.did.international;
  call.queue = queue;
  call.department = queue.department;
  call.ivrPath = queue.ivrPath;
  call.customData = languageData(ctx);
  call.ringTime = queueWait(ctx, status);
  if (isAnswered(status)) {
    const agent = rng.pick(available);
    attachAgent(call, ctx, agent);
    call.department = queue.department;
    call.targetExtension = agent.extension;
    call.duration = talkTime(ctx);
    answeredRecording(ctx, call);
  }
  if (queue.did.tollFree) call.price = priceOf(call.duration, TOLL_FREE_RATE);
  return call;
}

/** 1 Incoming Call: straight to an extension (an agent on duty, else reception). */
export function incomingCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.incoming.draw(rng);
  const call = newCall(ctx, 1, status);
  const did = rng.pick(directory.dids);
  call.callerNumber = customer(ctx).local;
  call.did = did.local;
  call.department = did.department;
  call.customData = languageData(ctx);
  if (status === "VOEND" || status === "TE") {
    // Never reached an extension: the target is the number dialled.
    call.targetNumber = did.international;
    call.ivrPath = status === "VOEND" ? OPERATOR_PATH : [];
    call.duration = 0;
    call.ringTime = 0;
    return call;
  }
  const agent = onDuty(ctx);
  const extension = agent?.extension ?? directory.reception.extension;
  call.targetNumber = extension;
  call.targetExtension = extension;
  call.userName = directory.reception.userName;
  if (agent) attachAgent(call, ctx, agent);
  if (rng.chance(0.3)) call.ivrPath = OPERATOR_PATH;
  call.ringTime = dialRing(ctx, status);
  if (isAnswered(status)) call.duration = talkTime(ctx, 140);
  answeredRecording(ctx, call);
  if (did.tollFree) call.price = priceOf(call.duration, TOLL_FREE_RATE);
  return call;
}

/** 11 VoiceMail: the caller reached voicemail; a message left is the call's recording. */
export function voiceMail(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.voicemail.draw(rng);
  const call = newCall(ctx, 11, status);
  const queue = rng.pick(directory.queues);
  call.callerNumber = customer(ctx).local;
  call.did = queue.did.local;
  call.department = queue.department;
  call.ivrPath = queue.ivrPath;
  const owner = itemAt(directory.agents, rng.int(0, directory.agents.length - 1));
  call.targetNumber = owner.extension;
  call.targetExtension = owner.extension;
  call.userName = owner.name;
  call.ringTime = dialRing(ctx, "VOICEMAIL");
  if (isAnswered(status)) {
    call.duration = rng.logNormal(25, 0.6, 3, 180);
    call.recorded = true;
  }
  return call;
}

/** 4 Extension Outgoing: an agent on duty dials a customer (some abroad), or `to`. */
export function outgoingCall(ctx: BuildContext, to?: Destination): SimCall | undefined {
  const { rng, directory } = ctx;
  const agent = onDuty(ctx);
  if (!agent) return undefined;
  const status = STATUS_MIX.outgoing.draw(rng);
  const call = newCall(ctx, 4, status);
  const target = to ?? destination(ctx);
  attachAgent(call, ctx, agent);
  call.callerNumber = (
    directory.dids.find((d) => d.department === agent.department) ?? itemAt(directory.dids, 0)
  ).local;
  call.callerExtension = agent.extension;
  call.targetNumber = target.international;
  call.prefixName = target.prefixName;
  call.ringTime = dialRing(ctx, status);
  if (isAnswered(status)) call.duration = talkTime(ctx, 150);
  call.price = priceOf(call.duration, target.rate);
  answeredRecording(ctx, call);
  return call;
}

/** 2 CC: an employee calls through the calling-card access number. */
export function callingCardCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.callingCard.draw(rng);
  const call = newCall(ctx, 2, status);
  const agent = rng.pick(directory.agents);
  const access = directory.dids.find((d) => d.tollFree) ?? itemAt(directory.dids, 0);
  const target = destination(ctx);
  call.callerNumber = agentMobile(ctx, agent).local;
  call.did = access.local;
  call.targetNumber = target.international;
  call.prefixName = target.prefixName;
  // Not at an extension, so never "logged in": the user is the card's owner.
  call.userName = agent.name;
  call.department = agent.department;
  call.ringTime = dialRing(ctx, status);
  if (isAnswered(status)) call.duration = talkTime(ctx, 240);
  call.price = priceOf(call.duration, target.rate + 4);
  return call;
}

/** 12 Callference: a customer or agent in the conference room. */
export function conferenceCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.conference.draw(rng);
  const call = newCall(ctx, 12, status);
  const agent = onDuty(ctx);
  if (agent && rng.chance(0.5)) {
    call.callerExtension = agent.extension;
    call.callerNumber = agent.extension;
    attachAgent(call, ctx, agent);
  } else {
    call.callerNumber = customer(ctx).local;
    call.did = itemAt(directory.dids, 0).local;
  }
  call.targetNumber = directory.conferenceRoom.extension;
  call.targetExtension = directory.conferenceRoom.extension;
  call.userName ||= directory.conferenceRoom.userName;
  call.ringTime = rng.int(0, 3);
  if (isAnswered(status)) call.duration = rng.logNormal(900, 0.6, 60, 5400);
  answeredRecording(ctx, call, 0.5);
  return call;
}

/**
 * 13 XferCDR: the agent of an answered call hands the customer on to a colleague or a
 * mobile; linked to that call by OriginalIvrUniqueID (see builders-follow-up).
 */
export function transferCall(ctx: BuildContext, continues: SimCall): SimCall | undefined {
  const { rng, directory } = ctx;
  const agent = continues.agent;
  if (!agent) return undefined;
  const status = STATUS_MIX.transfer.draw(rng);
  const call = newCall(ctx, 13, status);
  attachAgent(call, ctx, agent);
  call.callerNumber = continues.callerNumber;
  call.original = continues;
  call.callerExtension = agent.extension;
  const colleague = rng.pick(directory.agents);
  if (colleague !== agent && rng.chance(0.6)) {
    call.targetNumber = colleague.extension;
    call.targetExtension = colleague.extension;
  } else {
    call.targetNumber = agentMobile(ctx, colleague).international;
    call.prefixName = "Israel";
  }
  call.ringTime = dialRing(ctx, status);
  if (isAnswered(status)) call.duration = talkTime(ctx, 120);
  if (call.prefixName) call.price = priceOf(call.duration, 8);
  answeredRecording(ctx, call);
  return call;
}

/** 16 Scrubber: a short probe call checking whether a lead's number is live. */
export function scrubberCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.scrubber.draw(rng);
  const call = newCall(ctx, 16, status);
  const target = destination(ctx);
  call.callerNumber = itemAt(directory.dids, 0).local;
  call.targetNumber = target.international;
  call.prefixName = target.prefixName;
  call.campaign = directory.campaigns.find((c) => c.kind === "dialer");
  call.ringTime = status === "ANSWER" ? rng.int(1, 6) : rng.int(0, 2);
  if (isAnswered(status)) call.duration = rng.int(1, 4);
  call.price = status === "ANSWER" ? 1 : 0;
  return call;
}

/** 20 FaxCdr: an incoming fax to the fax extension. */
export function faxCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.fax.draw(rng);
  const call = newCall(ctx, 20, status);
  const did = itemAt(directory.dids, 0);
  call.callerNumber = customer(ctx).local;
  call.did = did.local;
  call.targetNumber = directory.fax.extension;
  call.targetExtension = directory.fax.extension;
  call.userName = directory.fax.userName;
  call.ringTime = dialRing(ctx, status);
  if (isAnswered(status)) call.duration = rng.int(30, 150);
  return call;
}

/** 23 Auto forward: a call to an agent's extension forwarded to the agent's mobile. */
export function autoForwardCall(ctx: BuildContext): SimCall {
  const { rng, directory } = ctx;
  const status = STATUS_MIX.forward.draw(rng);
  const call = newCall(ctx, 23, status);
  const agent = rng.pick(directory.agents);
  call.callerNumber = customer(ctx).local;
  call.callerExtension = agent.extension;
  call.did = rng.pick(directory.dids).local;
  call.targetNumber = agentMobile(ctx, agent).international;
  call.prefixName = "Israel";
  call.userName = agent.name;
  call.department = agent.department;
  call.ringTime = dialRing(ctx, status);
  if (isAnswered(status)) call.duration = talkTime(ctx, 120);
  call.price = priceOf(call.duration, 8);
  answeredRecording(ctx, call, 0.5);
  return call;
}
