import { describe, expect, it } from "vitest";

import { CALL_TYPE_IDS, TWO_LEG_TYPES } from "../lib/voicenter/call-types";
import { parseUpstreamDate } from "../lib/voicenter/dates";
import { DIAL_STATUS_NAMES, outcomeOf } from "../lib/voicenter/dial-statuses";
import { normalizePhone } from "../lib/voicenter/phone";
import { localHourOf } from "./calendar";
import { directoryFor } from "./directory";
import { generateDay, locateCallId } from "./generate-day";
import { FIELD_VALUES, hasRecording, type SimCall } from "./sim-call";
import { DAY, SUNDAY } from "./test-helpers";

const options = { seed: 42, callsPerDay: 3000 };
const dayOf = (ms: number) => Math.floor(ms / DAY);
const sunday = dayOf(SUNDAY);
const twoWeeks = (seed = 42): SimCall[] =>
  Array.from({ length: 14 }, (_, i) => generateDay({ seed, callsPerDay: 3000 }, sunday + i)).flat();

describe("generateDay", () => {
  it("gives the same calls for the same seed and day, and different calls for another seed", () => {
    const a = generateDay(options, sunday);
    const b = generateDay(options, sunday);
    const other = generateDay({ ...options, seed: 43 }, sunday);
    const view = (calls: SimCall[]) =>
      calls.map((c) => [c.callId, c.epoch, c.cdrType, c.status, c.callerNumber, c.duration]);
    expect(view(a)).toEqual(view(b));
    expect(view(other)).not.toEqual(view(a));
    expect(other[0]?.callId).not.toEqual(a[0]?.callId);
  });

  it("follows Israel's week: Sun–Thu busy around callsPerDay, Friday short, Saturday near empty", () => {
    const counts = Array.from({ length: 7 }, (_, i) => generateDay(options, sunday + i).length);
    const [sun, mon, tue, wed, thu, fri, sat] = counts as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (const busy of [sun, mon, tue, wed, thu]) {
      expect(busy).toBeGreaterThan(2400);
      expect(busy).toBeLessThan(3700);
    }
    expect(fri).toBeLessThan(sun * 0.6);
    expect(sat).toBeLessThan(sun * 0.15);
  });

  it("peaks in the mid-morning of Israel and is quiet at night", () => {
    const byLocalHour = new Array<number>(24).fill(0);
    for (const call of generateDay(options, sunday + 1)) {
      const { hour } = localHourOf(call.epoch * 1000);
      byLocalHour[hour] = (byLocalHour[hour] ?? 0) + 1;
    }
    const peak = byLocalHour.indexOf(Math.max(...byLocalHour));
    expect(peak).toBeGreaterThanOrEqual(9);
    expect(peak).toBeLessThanOrEqual(12);
    expect(byLocalHour[3]).toBeLessThan((byLocalHour[10] ?? 0) / 20);
  });

  it("produces every call type and every dial status over two weeks, Queue the most common", () => {
    const calls = twoWeeks();
    const types = new Map<number, number>();
    for (const c of calls) types.set(c.cdrType, (types.get(c.cdrType) ?? 0) + 1);
    expect([...types.keys()].sort((a, b) => a - b)).toEqual(
      [...CALL_TYPE_IDS].sort((a, b) => a - b),
    );
    const ranked = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    expect(ranked.slice(0, 3)).toEqual([8, 4, 1]);
    expect(new Set(calls.map((c) => c.status))).toEqual(new Set(DIAL_STATUS_NAMES));
  });

  it("links the two legs of two-leg calls by CustomData.OriginalIvrUniqueID (the first leg's id)", () => {
    const calls = twoWeeks();
    const byId = new Map(calls.map((c) => [c.callId, c]));
    const legs = new Map<string, SimCall[]>();
    for (const c of calls) {
      if (c.cdrType === 13) continue; // a transfer points at the call it continues (builders-follow-up)
      const original = FIELD_VALUES.CustomData(c, "") as Record<string, string>;
      const id = original.OriginalIvrUniqueID;
      if (id) legs.set(id, [...(legs.get(id) ?? []), c]);
    }
    expect(legs.size).toBeGreaterThan(100);
    const pairs = new Set(TWO_LEG_TYPES.map(([a, b]) => `${a}/${b}`));
    for (const [id, pair] of legs) {
      expect(pair).toHaveLength(2);
      const [first, second] = pair as [SimCall, SimCall];
      expect(first.callId).toBe(id);
      expect(byId.get(id)).toBe(first);
      expect(pairs.has(`${first.cdrType}/${second.cdrType}`)).toBe(true);
      expect(second.epoch).toBeGreaterThanOrEqual(first.epoch);
      if (outcomeOf(first.status) !== "answered") expect(second.status).toBe("NOTCALLED");
    }
  });

  it("writes consistent records: unique day-prefixed CallIDs, Date = DateEpoch, talk time only when answered", () => {
    const calls = generateDay(options, sunday + 2);
    expect(new Set(calls.map((c) => c.callId)).size).toBe(calls.length);
    calls.forEach((call, index) => {
      expect(call.callId.startsWith("20240611")).toBe(true);
      expect(locateCallId(call.callId)).toEqual({ dayIndex: sunday + 2, index });
      expect(parseUpstreamDate(FIELD_VALUES.Date(call, "") as string)).toBe(call.epoch * 1000);
      if (outcomeOf(call.status) !== "answered") expect(call.duration).toBe(0);
      const url = FIELD_VALUES.RecordURL(call, "http://o") as string;
      expect(url).toBe(hasRecording(call) ? `http://o/recordings/${call.callId}.wav` : "");
      if (url) expect(call.recorded && outcomeOf(call.status) === "answered").toBe(true);
    });
    const answered = calls.filter((c) => c.status === "ANSWER" && c.duration > 0);
    expect(answered.filter((c) => c.recorded).length / answered.length).toBeGreaterThan(0.7);
  });

  it("uses Israeli numbers that the contract normalizes, with international form in TargetNumber", () => {
    const calls = generateDay(options, sunday);
    const queueCalls = calls.filter((c) => c.cdrType === 8);
    for (const c of queueCalls.slice(0, 200)) {
      expect(c.callerNumber).toMatch(/^0(5\d|[23489])\d{7}$/);
      expect(normalizePhone(c.callerNumber)).toBe(`972${c.callerNumber.slice(1)}`);
    }
    const outgoing = calls.filter((c) => c.cdrType === 4);
    expect(
      outgoing.every((c) => /^\d{8,15}$/.test(c.targetNumber) && !c.targetNumber.startsWith("0")),
    ).toBe(true);
    expect(outgoing.some((c) => c.prefixName !== "Israel")).toBe(true);
    const paid = outgoing.filter((c) => c.duration > 0);
    expect(paid.every((c) => c.price > 0)).toBe(true);
    expect(queueCalls.filter((c) => c.price > 0).length).toBeLessThan(queueCalls.length / 3);
  });

  it("describes a realistic company: ~10 queues, ~30 agents (English and Hebrew), 3 departments", () => {
    const directory = directoryFor(42);
    expect(directory.queues).toHaveLength(10);
    expect(directory.agents).toHaveLength(30);
    expect(directory.agents.some((a) => /[\u0590-\u05ff]/.test(a.name))).toBe(true);
    expect(directory.agents.every((a) => /^[A-Za-z]{8}$/.test(a.extension))).toBe(true);
    expect(directory.departments.filter((d) => d.main)).toHaveLength(1);
    expect(directory.departments).toHaveLength(3);
    const calls = generateDay(options, sunday);
    expect(calls.some((c) => c.ivrPath.length > 0 && c.cdrType === 8)).toBe(true);
    expect(calls.some((c) => Object.keys(c.customData).some((k) => k.startsWith("var_")))).toBe(
      true,
    );
  });
});
