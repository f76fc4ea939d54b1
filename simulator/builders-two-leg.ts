import type { CallTypeId } from "../lib/voicenter/call-types";
import {
  answeredRecording,
  attachAgent,
  customer,
  destination,
  dialRing,
  isAnswered,
  newCall,
  onDuty,
  priceOf,
  queueWait,
  STATUS_MIX,
  talkTime,
  type BuildContext,
} from "./call-parts";
import type { Campaign, Directory } from "./directory";
import { itemAt } from "./prng";
import type { SimCall } from "./sim-call";

/**
 * Builders of two-leg calls (9/10, 14/15, 17/18, 17/19, 21/22). Both records point at the
 * first leg, whose CallID becomes CustomData.OriginalIvrUniqueID of both.
 */

/** Longest gap between the two legs' start times; events start early enough to keep both in one day. */
export const MAX_LEG_GAP_S = 600;

const CRM_SOURCE = Object.freeze({ var_source: "crm" });

function link(leg1: SimCall, leg2: SimCall): SimCall[] {
  leg1.original = leg1;
  leg2.original = leg1;
  return [leg1, leg2];
}

function leg2Context(ctx: BuildContext, epoch: number): BuildContext {
  return { ...ctx, epoch };
}

function serviceNumber(directory: Directory): string {
  return itemAt(directory.dids, 0).local;
}

function campaignOf(
  directory: Directory,
  kind: Campaign["kind"],
  ctx: BuildContext,
): Campaign | undefined {
  const campaigns = directory.campaigns.filter((c) => c.kind === kind);
  return campaigns.length > 0 ? ctx.rng.pick(campaigns) : undefined;
}

/** Leg 1 rings an agent's extension; leg 2 is the agent's call to the customer (9/10, 14/15). */
function agentFirst(
  ctx: BuildContext,
  types: readonly [CallTypeId, CallTypeId],
  dialer: boolean,
): SimCall[] | undefined {
  const { rng, directory } = ctx;
  const agent = onDuty(ctx);
  if (!agent) return undefined;
  const campaign = dialer ? campaignOf(directory, "dialer", ctx) : undefined;
  const leg1 = newCall(ctx, types[0], STATUS_MIX.toExtension.draw(rng));
  attachAgent(leg1, ctx, agent);
  leg1.callerNumber = serviceNumber(directory);
  leg1.targetNumber = agent.extension;
  leg1.targetExtension = agent.extension;
  leg1.ringTime = rng.int(1, 8);
  leg1.campaign = campaign;

  const leg1Answered = isAnswered(leg1.status);
  const status = leg1Answered
    ? (dialer ? STATUS_MIX.toLead : STATUS_MIX.toCustomer).draw(rng)
    : "NOTCALLED";
  const leg2 = newCall(leg2Context(ctx, ctx.epoch + leg1.ringTime + 1), types[1], status);
  const target = destination(ctx);
  leg2.agent = agent;
  leg2.loggedIn = leg1.loggedIn;
  leg2.userName = agent.name;
  leg2.department = agent.department;
  leg2.callerNumber = leg1.callerNumber;
  leg2.callerExtension = agent.extension;
  leg2.targetNumber = target.international;
  leg2.prefixName = target.prefixName;
  leg2.campaign = campaign;
  leg2.customData = campaign
    ? { var_campaign: campaign.name, var_lead_id: String(rng.int(100_000, 999_999)) }
    : rng.chance(0.4)
      ? CRM_SOURCE
      : leg2.customData;
  if (leg1Answered) {
    leg2.ringTime = dialRing(ctx, status);
    if (isAnswered(status)) leg2.duration = talkTime(ctx, dialer ? 110 : 160);
    leg2.price = priceOf(leg2.duration, target.rate);
    answeredRecording(ctx, leg2);
    leg1.duration = leg2.ringTime + leg2.duration + 1;
  }
  return link(leg1, leg2);
}

export const clickToCall = (ctx: BuildContext) => agentFirst(ctx, [9, 10], false);
export const productiveCall = (ctx: BuildContext) => agentFirst(ctx, [14, 15], true);

/** 17 then 18 (into the IVR) or 19 (into a queue): the smart dialer reaches the customer first. */
export function clickToIvr(ctx: BuildContext, viaQueue: boolean): SimCall[] {
  const { rng, directory } = ctx;
  const campaign = campaignOf(directory, "smart", ctx);
  const phone = customer(ctx);
  const leg1 = newCall(ctx, 17, STATUS_MIX.smartLeg1.draw(rng));
  leg1.callerNumber = serviceNumber(directory);
  leg1.targetNumber = phone.international;
  leg1.prefixName = "Israel";
  leg1.campaign = campaign;
  leg1.ringTime = dialRing(ctx, leg1.status);

  const leg1Answered = isAnswered(leg1.status);
  const queue = viaQueue
    ? rng.pick(directory.queues.filter((q) => q.department.name.startsWith("Sales")))
    : undefined;
  const available = queue ? (ctx.roster.byQueue.get(queue) ?? []) : ctx.roster.agents;
  const status = !leg1Answered
    ? "NOTCALLED"
    : queue
      ? (available.length > 0 ? STATUS_MIX.queue : STATUS_MIX.queueEmpty).draw(rng)
      : available.length > 0
        ? STATUS_MIX.smartIvr.draw(rng)
        : "TE";
  const leg2 = newCall(leg2Context(ctx, ctx.epoch + leg1.ringTime + 1), viaQueue ? 19 : 18, status);
  const did = queue?.did ?? itemAt(directory.dids, 0);
  leg2.callerNumber = phone.local;
  leg2.did = did.local;
  leg2.targetNumber = did.international;
  leg2.department = queue?.department ?? directory.mainDepartment;
  leg2.queue = queue;
  leg2.campaign = campaign;
  leg2.customData = campaign ? { var_campaign: campaign.name } : leg2.customData;
  if (status === "VOEND")
    leg2.ivrPath = [{ LayerName: "Campaign Menu", DTMF: 1, LayerNumber: "4" }];
  if (queue && leg1Answered) leg2.ringTime = queueWait(ctx, status);
  if (isAnswered(status) && available.length > 0) {
    const agent = rng.pick(available);
    attachAgent(leg2, ctx, agent);
    if (queue) leg2.department = queue.department;
    leg2.targetExtension = agent.extension;
    if (!queue) leg2.targetNumber = agent.extension;
    if (!queue) leg2.ringTime = rng.int(2, 15);
    leg2.duration = talkTime(ctx, 130);
    answeredRecording(ctx, leg2);
  }
  if (leg1Answered) {
    leg1.duration = Math.max(1, leg2.ringTime + leg2.duration + 1);
    leg1.price = priceOf(leg1.duration, 8);
  }
  return link(leg1, leg2);
}

/** 21 then 22: agent A consults agent B, then hands the customer over to B. */
export function attendedTransfer(ctx: BuildContext): SimCall[] | undefined {
  const { rng, directory } = ctx;
  const a = onDuty(ctx);
  if (!a) return undefined;
  const others = ctx.roster.agents.filter((agent) => agent !== a);
  const b =
    others.length > 0
      ? rng.pick(others)
      : rng.pick(directory.agents.filter((agent) => agent !== a));
  const leg1 = newCall(ctx, 21, STATUS_MIX.consult.draw(rng));
  attachAgent(leg1, ctx, a);
  leg1.callerNumber = a.extension;
  leg1.callerExtension = a.extension;
  leg1.targetNumber = b.extension;
  leg1.targetExtension = b.extension;
  leg1.ringTime = dialRing(ctx, leg1.status);
  const consulted = isAnswered(leg1.status);
  if (consulted) leg1.duration = rng.logNormal(30, 0.7, 5, 300);

  const leg2 = newCall(
    leg2Context(ctx, ctx.epoch + leg1.ringTime + leg1.duration + 1),
    22,
    consulted ? "ANSWER" : "NOTCALLED",
  );
  const did = rng.pick(directory.dids);
  leg2.callerNumber = customer(ctx).local;
  leg2.did = did.local;
  leg2.targetNumber = b.extension;
  leg2.targetExtension = b.extension;
  if (consulted) {
    attachAgent(leg2, ctx, b);
    leg2.ringTime = rng.int(0, 3);
    leg2.duration = talkTime(ctx, 200);
    answeredRecording(ctx, leg2);
  } else {
    leg2.department = did.department;
  }
  return link(leg1, leg2);
}
