import { createRng, hashInts, itemAt, type Rng } from "./prng";

/**
 * The simulated company: departments, queues, agents, extensions, DIDs, campaigns and the
 * IVR. Names are fixed so demos read the same every time; ids, codes and numbers follow
 * the seed.
 */

export interface Department {
  id: number;
  name: string;
  /** The account of the code itself (vs. a sub-department below it). */
  main: boolean;
}

/** One IVR step as the upstream writes it (DTMF as a number, LayerNumber as text). */
export interface IvrStep {
  LayerName: string;
  DTMF: number;
  LayerNumber: string;
}

export interface Did {
  /** Local form, as DID and CallerNumber carry it: "0722776772". */
  local: string;
  /** International form without "+", as TargetNumber carries it: "972722776772". */
  international: string;
  department: Department;
  tollFree: boolean;
}

export interface Queue {
  id: number;
  name: string;
  department: Department;
  /** Share of the queue traffic. */
  weight: number;
  ivrPath: readonly IvrStep[];
  did: Did;
}

export type Shift = "morning" | "day" | "evening";

export interface Agent {
  name: string;
  code: string;
  extension: string;
  department: Department;
  queues: readonly Queue[];
  shift: Shift;
  worksFriday: boolean;
  worksSaturday: boolean;
}

export interface ServiceExtension {
  extension: string;
  userName: string;
  department: Department;
}

export interface Campaign {
  id: number;
  name: string;
  /** "dialer": ProductiveCall legs 14/15; "smart": Click 2 IVR legs 17/18/19. */
  kind: "dialer" | "smart";
}

export interface Directory {
  departments: readonly Department[];
  mainDepartment: Department;
  queues: readonly Queue[];
  agents: readonly Agent[];
  dids: readonly Did[];
  campaigns: readonly Campaign[];
  reception: ServiceExtension;
  conferenceRoom: ServiceExtension;
  fax: ServiceExtension;
}

const MAIN: Department = { id: 0, name: "Callboard Demo Ltd", main: true };

const AGENT_NAMES = [
  "Walter Melon",
  "Sarah Cohen",
  "David Levi",
  "Rachel Green",
  "Michael Katz",
  "Noa Friedman",
  "Daniel Shapiro",
  "Emily Stone",
  "Jonathan Baker",
  "Maya Rosen",
  "Adam Miller",
  "Tamar Weiss",
  "Lior Ben-David",
  "Yael Mizrahi",
  "Omer Peretz",
  "דנה כהן",
  "יוסי לוי",
  "מיכל אברהם",
  "אבי מזרחי",
  "שירה פרץ",
  "רון ביטון",
  "נועה דהן",
  "איתי אזולאי",
  "הילה גבאי",
  "עומר חדד",
  "רותם שלום",
  "גל אוחיון",
  "ליאת מלכה",
  "אורי יוסף",
  "עדי רביבו",
] as const;

const MAIN_MENU = "Main Menu";
const step = (LayerName: string, DTMF: number, LayerNumber: string): IvrStep => ({
  LayerName,
  DTMF,
  LayerNumber,
});

/** Queue name, department key, weight, IVR path. */
const QUEUE_PLAN: ReadonlyArray<
  readonly [string, "main" | "sales" | "service", number, readonly IvrStep[]]
> = [
  ["Sales", "sales", 18, [step(MAIN_MENU, 1, "0"), step("Sales Menu", 1, "1")]],
  ["Orders", "sales", 8, [step(MAIN_MENU, 1, "0"), step("Sales Menu", 2, "1")]],
  ["Retention", "sales", 6, [step(MAIN_MENU, 1, "0"), step("Sales Menu", 3, "1")]],
  ["Support", "service", 20, [step(MAIN_MENU, 2, "0"), step("Service Menu", 1, "2")]],
  ["Technical Support", "service", 12, [step(MAIN_MENU, 2, "0"), step("Service Menu", 2, "2")]],
  ["Returns", "service", 5, [step(MAIN_MENU, 2, "0"), step("Service Menu", 3, "2")]],
  ["VIP Customers", "service", 4, [step(MAIN_MENU, 2, "0"), step("Service Menu", 9, "2")]],
  ["שירות לקוחות", "service", 14, [step(MAIN_MENU, 9, "0")]],
  ["Billing", "main", 10, [step(MAIN_MENU, 3, "0"), step("Billing Menu", 1, "3")]],
  ["Collections", "main", 3, [step(MAIN_MENU, 3, "0"), step("Billing Menu", 2, "3")]],
];

const EXTENSION_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function digits(rng: Rng, count: number): string {
  let out = String(rng.int(2, 9));
  while (out.length < count) out += String(rng.int(0, 9));
  return out;
}

function makeDid(local: string, department: Department): Did {
  const tollFree = local.startsWith("1");
  return { local, international: tollFree ? local : `972${local.slice(1)}`, department, tollFree };
}

const cache = new Map<number, Directory>();

/** The directory of a seed (built once per seed and kept: it is a few kilobytes). */
export function directoryFor(seed: number): Directory {
  const cached = cache.get(seed);
  if (cached) return cached;
  const directory = buildDirectory(seed);
  cache.set(seed, directory);
  return directory;
}

function buildDirectory(seed: number): Directory {
  const rng = createRng(hashInts(seed, 0xd1ec));
  const baseId = 100_000 + rng.int(0, 8999) * 10;
  const main: Department = { ...MAIN, id: baseId };
  const sales: Department = { id: baseId + 1, name: "Sales Department", main: false };
  const service: Department = { id: baseId + 2, name: "Service Department", main: false };
  const byKey = { main, sales, service } as const;

  const dids = [
    makeDid(`072${digits(rng, 7)}`, main),
    makeDid(`03${digits(rng, 7)}`, sales),
    makeDid(`09${digits(rng, 7)}`, service),
    makeDid(`1800${digits(rng, 6)}`, main),
    makeDid(`04${digits(rng, 7)}`, service),
    makeDid(`02${digits(rng, 7)}`, sales),
  ];
  const didOf = (department: Department): Did => {
    const own = dids.filter((d) => d.department === department);
    return own.length > 0 ? rng.pick(own) : itemAt(dids, 0);
  };

  const queueBase = 2000 + rng.int(0, 79) * 100;
  const queues: Queue[] = QUEUE_PLAN.map(([name, dept, weight, ivrPath], i) => ({
    id: queueBase + i + 1,
    name,
    department: byKey[dept],
    weight,
    ivrPath,
    did: didOf(byKey[dept]),
  }));

  const prefix = Array.from({ length: 3 }, () =>
    rng.pick([...EXTENSION_ALPHABET.slice(0, 26)]),
  ).join("");
  const usedExtensions = new Set<string>();
  const newExtension = (): string => {
    for (;;) {
      let ext = prefix;
      while (ext.length < 8) ext += rng.pick([...EXTENSION_ALPHABET]);
      if (!usedExtensions.has(ext)) {
        usedExtensions.add(ext);
        return ext;
      }
    }
  };
  const usedCodes = new Set<string>();
  const newCode = (): string => {
    for (;;) {
      const code = String(rng.int(10_000, 99_999));
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };

  const shifts: Shift[] = ["morning", "day", "evening"];
  const agents: Agent[] = AGENT_NAMES.map((name, i) => {
    // The first agents serve the busiest queues; each agent is in 1–3 queues of the same side.
    const home = itemAt(queues, i % queues.length);
    const sameSide = queues.filter((q) => q !== home && q.department === home.department);
    const extra = sameSide.filter(() => rng.chance(0.35)).slice(0, 2);
    return {
      name,
      code: newCode(),
      extension: newExtension(),
      department: home.department,
      queues: [home, ...extra],
      shift: itemAt(shifts, i % 3),
      worksFriday: i % 3 === 0,
      worksSaturday: i % 15 === 4,
    };
  });

  const service_ = (userName: string): ServiceExtension => ({
    extension: newExtension(),
    userName,
    department: main,
  });
  return {
    departments: [main, sales, service],
    mainDepartment: main,
    queues,
    agents,
    dids,
    campaigns: [
      { id: 5001 + rng.int(0, 899), name: "Renewals", kind: "dialer" },
      { id: 6001 + rng.int(0, 899), name: "Win-back", kind: "dialer" },
      { id: 7001 + rng.int(0, 899), name: "Appointment reminders", kind: "smart" },
      { id: 8001 + rng.int(0, 899), name: "Satisfaction survey", kind: "smart" },
    ],
    reception: service_("Reception"),
    conferenceRoom: service_("Conference Room"),
    fax: service_("Fax"),
  };
}

const MOBILE_PREFIXES = ["50", "52", "53", "54", "55", "58"] as const;
const LANDLINE_PREFIXES = ["2", "3", "4", "8", "9"] as const;

/** Customer phone book: number `index` of a seed, without storing the book. */
export interface CustomerPhone {
  local: string;
  international: string;
}

export const CUSTOMER_COUNT = 40_000;

export function customerPhone(seed: number, index: number): CustomerPhone {
  const h = hashInts(seed, 0xc057, index);
  const h2 = hashInts(h, index);
  const mobile = h % 100 < 78;
  const area = mobile
    ? itemAt(MOBILE_PREFIXES, (h >>> 8) % MOBILE_PREFIXES.length)
    : itemAt(LANDLINE_PREFIXES, (h >>> 8) % LANDLINE_PREFIXES.length);
  const subscriber = String(2 + (h2 % 8)) + String(Math.floor(h2 / 8) % 1_000_000).padStart(6, "0");
  const national = `${area}${subscriber}`;
  return { local: `0${national}`, international: `972${national}` };
}

/** Destinations abroad for outgoing calls: country name, country code, national digits. */
export const FOREIGN_DESTINATIONS: ReadonlyArray<readonly [string, string, number]> = [
  ["United States", "1", 10],
  ["United Kingdom", "44", 10],
  ["France", "33", 9],
  ["Germany", "49", 11],
  ["Russia", "7", 10],
  ["Cyprus", "357", 8],
];
