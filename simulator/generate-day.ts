import { DAY_MS } from "../lib/time/units";
import { toUpstreamRecordDate } from "../lib/voicenter/dates";
import { callBacks, transferredQueueCall } from "./builders-follow-up";
import {
  autoForwardCall,
  callingCardCall,
  conferenceCall,
  faxCall,
  incomingCall,
  outgoingCall,
  queueCall,
  scrubberCall,
  voiceMail,
} from "./builders-single";
import {
  attendedTransfer,
  clickToCall,
  clickToIvr,
  MAX_LEG_GAP_S,
  productiveCall,
} from "./builders-two-leg";
import { hourShare, rostersOfDay } from "./calendar";
import type { BuildContext } from "./call-parts";
import { directoryFor } from "./directory";
import { createRng, hashInts, itemAt, weightedTable, type Rng } from "./prng";
import type { SimCall } from "./sim-call";

/**
 * One UTC day of calls, from (seed, callsPerDay, day) alone. Calls come out sorted by start
 * time; a two-leg call's legs both start within the day they were generated for.
 */

export interface GeneratorOptions {
  seed: number;
  /** Records on a busy weekday. */
  callsPerDay: number;
}

type Builder = (ctx: BuildContext) => SimCall | SimCall[] | undefined;

interface EventKind {
  build: Builder;
  twoLeg: boolean;
}

const single = (build: Builder): EventKind => ({ build, twoLeg: false });
const twoLeg = (build: Builder): EventKind => ({ build, twoLeg: true });

/** Share of each kind of event (a two-leg event makes two records). */
const EVENT_MIX = weightedTable<EventKind>([
  [single(queueCall), 46],
  [single(incomingCall), 13],
  [single(outgoingCall), 22],
  [single(voiceMail), 2],
  [single(transferredQueueCall), 2],
  [single(conferenceCall), 0.6],
  [single(autoForwardCall), 1.5],
  [single(scrubberCall), 0.8],
  [single(callingCardCall), 0.6],
  [single(faxCall), 0.3],
  [twoLeg(clickToCall), 3],
  [twoLeg(productiveCall), 3],
  [twoLeg((ctx) => clickToIvr(ctx, false)), 1.2],
  [twoLeg((ctx) => clickToIvr(ctx, true)), 1.2],
  [twoLeg(attendedTransfer), 1.5],
]);
const RECORDS_PER_EVENT = 1.1;

function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

export function generateDay({ seed, callsPerDay }: GeneratorOptions, dayIndex: number): SimCall[] {
  const directory = directoryFor(seed);
  const rng = createRng(hashInts(seed, dayIndex, callsPerDay));
  const rosters = rostersOfDay(seed, dayIndex, directory);
  const dayStart = (dayIndex * DAY_MS) / 1000;
  const volume = (callsPerDay / RECORDS_PER_EVENT) * (0.9 + 0.2 * rng.next());

  const seconds: number[] = [];
  rosters.forEach((roster, hour) => {
    const count = poisson(rng, volume * hourShare(roster.local));
    for (let i = 0; i < count; i++) seconds.push(hour * 3600 + rng.int(0, 3599));
  });
  seconds.sort((a, b) => a - b);

  const calls: SimCall[] = [];
  for (const drawn of seconds) {
    const kind = EVENT_MIX.draw(rng);
    const second = kind.twoLeg && drawn >= 86_400 - MAX_LEG_GAP_S ? drawn - MAX_LEG_GAP_S : drawn;
    const ctx: BuildContext = {
      rng,
      seed,
      directory,
      roster: itemAt(rosters, Math.floor(second / 3600)),
      epoch: dayStart + second,
    };
    // A kind that needs an agent on duty falls back to a queue call (which then joins empty).
    const built = kind.build(ctx) ?? queueCall(ctx);
    if (Array.isArray(built)) calls.push(...built);
    else calls.push(built);
  }
  calls.push(...callBacks(calls, { seed, callsPerDay, dayIndex, directory, rosters }));
  calls.sort((a, b) => a.epoch - b.epoch);
  const ymd = toUpstreamRecordDate(dayIndex * DAY_MS)
    .slice(0, 10)
    .replace(/-/g, "");
  calls.forEach((call, index) => {
    call.callId = makeCallId(seed, dayIndex, ymd, call.epoch - dayStart, index);
  });
  return calls;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYYMMDDHHmmss` (UTC) + 7 seeded hex digits + the call's index in its day, base 36. */
function makeCallId(
  seed: number,
  dayIndex: number,
  ymd: string,
  second: number,
  index: number,
): string {
  const hms = `${two(Math.floor(second / 3600))}${two(Math.floor(second / 60) % 60)}${two(second % 60)}`;
  const hex = hashInts(seed, dayIndex, index).toString(16).padStart(8, "0").slice(0, 7);
  return `${ymd}${hms}${hex}${index.toString(36).padStart(4, "0")}`;
}

/** Where a CallID says its call is: the UTC day and the index within it. */
export function locateCallId(callId: string): { dayIndex: number; index: number } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})\d{6}[0-9a-f]{7}([0-9a-z]{4})$/.exec(callId);
  if (!m) return undefined;
  const [, y, mo, d, index36 = ""] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  return { dayIndex: Math.floor(ms / DAY_MS), index: parseInt(index36, 36) };
}
