import { DAY_MS, HOUR_MS } from "../lib/time/units";
import type { Agent, Directory, Queue, Shift } from "./directory";
import { createRng, hashInts } from "./prng";

/**
 * When the simulated company works: Israel's week (Sun–Thu busy, Friday short, Saturday
 * near empty) and a business-hours curve in Asia/Jerusalem local time.
 */

export const COMPANY_TIME_ZONE = "Asia/Jerusalem";

/** Local weekday 0 = Sunday … 6 = Saturday, and local hour 0–23, of a UTC instant. */
export interface LocalHour {
  weekday: number;
  hour: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatter = new Intl.DateTimeFormat("en-US", {
  timeZone: COMPANY_TIME_ZONE,
  weekday: "short",
  hour: "numeric",
  hourCycle: "h23",
});

export function localHourOf(ms: number): LocalHour {
  let weekday = 0;
  let hour = 0;
  for (const part of formatter.formatToParts(ms)) {
    if (part.type === "weekday") weekday = WEEKDAYS.indexOf(part.value);
    else if (part.type === "hour") hour = Number(part.value) % 24;
  }
  return { weekday, hour };
}

/** Share of a busy day's calls in each local hour (Sun–Thu). */
const BUSY_CURVE = [
  0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 2.5, 7, 11, 12.5, 12, 10, 9, 9.5, 8.5, 7, 5, 3, 1.5, 0.8,
  0.5, 0.4, 0.3,
];
/** Friday: a short morning. */
const FRIDAY_CURVE = [
  0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 1.5, 5, 8, 9, 8, 6, 3, 1, 0.5, 0.3, 0.2, 0.1, 0.1, 0.1, 0.1,
  0.1, 0.1,
];
/** Saturday: almost nothing until the evening. */
const SATURDAY_CURVE = [
  0.1, 0.05, 0.02, 0.02, 0.02, 0.02, 0.05, 0.1, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4,
  0.6, 1.2, 1.5, 1.2, 0.8, 0.4,
];
const BUSY_TOTAL = BUSY_CURVE.reduce((a, b) => a + b, 0);

/** Expected calls in one local hour, as a fraction of a busy day's volume. */
export function hourShare({ weekday, hour }: LocalHour): number {
  const curve = weekday === 5 ? FRIDAY_CURVE : weekday === 6 ? SATURDAY_CURVE : BUSY_CURVE;
  return (curve[hour] ?? 0) / BUSY_TOTAL;
}

const SHIFT_HOURS: Record<Shift, readonly [number, number]> = {
  morning: [7, 16],
  day: [9, 18],
  evening: [12, 21],
};

function worksAt(agent: Agent, { weekday, hour }: LocalHour): boolean {
  if (weekday === 6) return agent.worksSaturday && hour >= 18 && hour < 23;
  if (weekday === 5) return agent.worksFriday && hour >= 8 && hour < 14;
  const [start, end] = SHIFT_HOURS[agent.shift];
  return hour >= start && hour < end;
}

/** Who is on duty in each UTC hour of a day, and in which queues. */
export interface HourRoster {
  local: LocalHour;
  agents: readonly Agent[];
  byQueue: ReadonlyMap<Queue, readonly Agent[]>;
}

/**
 * The 24 hourly rosters of a UTC day. Each agent is off on some days (about one day in ten),
 * decided from (seed, local date) so a day off is the same whichever UTC day asks.
 */
export function rostersOfDay(seed: number, dayIndex: number, directory: Directory): HourRoster[] {
  const rosters: HourRoster[] = [];
  for (let h = 0; h < 24; h++) {
    const start = dayIndex * DAY_MS + h * HOUR_MS;
    const local = localHourOf(start);
    const localDate = Math.floor((start + 3 * HOUR_MS) / DAY_MS);
    const agents = directory.agents.filter(
      (agent, i) =>
        worksAt(agent, local) && createRng(hashInts(seed, localDate, i, 0x0ff)).next() > 0.1,
    );
    const byQueue = new Map<Queue, Agent[]>();
    for (const queue of directory.queues) byQueue.set(queue, []);
    for (const agent of agents) for (const queue of agent.queues) byQueue.get(queue)?.push(agent);
    rosters.push({ local, agents, byQueue });
  }
  return rosters;
}
