import { NET_MIN_DATE, toWireDate, type TMsp360WireMonitoringRow } from "./wire-types.js";

export type TGenerateMonitoringOptions = {
  /** Same seed, same rows. Default 1. */
  seed?: number;
  /** The moment the rows describe; LastStart/NextStart are placed around it. */
  now?: Date;
  /** Default: one company per hundred rows, at least one. */
  companies?: number;
  /** The account's zone: dates are written as wall-clock time in it. Default UTC. */
  timeZone?: string;
};

const HOUR = 60 * 60 * 1000;
const PLANS = ["Daily Files", "Image-Based Nightly", "SQL Server Full", "Exchange Mailboxes", 'Docs "Finance" & HR'];
const STORAGE = ["Amazon S3", "Wasabi", "Backblaze B2", "Microsoft Azure", "Local NAS"];
// Real messages quote Windows paths, so the payload is full of escapes.
const ERRORS = [
  "Access to the path 'C:\\Users\\Public\\Documents\\ledger.xlsx' is denied.",
  "The network path \\\\nas01\\backup was not found.",
  'Storage "Wasabi" returned 403 Forbidden: check the access key.',
  "VSS snapshot failed: 0x8004230F (unexpected provider error).",
  "The process cannot access the file because it is being used by another process.",
];
// Mostly successes, as in a healthy fleet, with every code present.
const STATUS_WEIGHTS: Array<[status: number, weight: number]> = [[0, 66], [1, 5], [2, 8], [3, 5], [4, 2], [5, 5], [6, 5], [7, 4]];
// Mostly backups (0, 1, 3, 5, ...), with restores (2, 4, ..., 17) and consistency checks (13).
const PLAN_TYPES: Array<[type: number, weight: number]> = [[0, 40], [1, 20], [3, 10], [5, 5], [7, 5], [11, 5], [2, 4], [8, 3], [15, 2], [17, 1], [13, 5]];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Realistic monitoring rows: companies with several computers, one to three plans per
 * computer (backups, restores and consistency checks), every status code, error messages with
 * quotes and backslashes.
 * @param count How many rows.
 */
export function generateMonitoringRows(count: number, options: TGenerateMonitoringOptions = {}): TMsp360WireMonitoringRow[] {
  const random = mulberry32(options.seed ?? 1);
  const now = (options.now ?? new Date()).getTime();
  const companyCount = Math.max(1, options.companies ?? Math.ceil(count / 100));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
  const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const rows: TMsp360WireMonitoringRow[] = [];
  for (let computer = 0; rows.length < count; computer++) {
    const company = `Client ${String(computer % companyCount).padStart(3, "0")} Ltd`;
    const computerName = `${company.split(" ")[1]}-PC${String(computer).padStart(5, "0")}`;
    const userName = `backup-${computer}@client${computer % companyCount}.example`;
    const userId = guid();
    const buildVersion = pick(["7.9.4.83", "7.8.2.11", "8.0.1.104"]);
    const plans = 1 + Math.floor(random() * 3);
    for (let plan = 0; plan < plans && rows.length < count; plan++) {
      const status = weighted(random, STATUS_WEIGHTS);
      const lastStart = now - Math.floor(random() * 20 * HOUR);
      const nextStart = nextStartFor({ status, lastStart, now, random });
      const planId = guid();
      const failed = status === 2 || status === 5 || status === 6;
      const total = Math.floor(random() * 500_000_000_000);
      const files = Math.floor(random() * 50_000);
      rows.push({
        PlanName: PLANS[plan] ?? "Files",
        PlanId: planId,
        PlanType: weighted(random, PLAN_TYPES),
        CompanyName: company,
        UserName: userName,
        UserID: userId,
        ComputerName: computerName,
        BuildVersion: buildVersion,
        StorageType: pick(STORAGE),
        LastStart: toWireDate(new Date(lastStart), options.timeZone),
        NextStart: nextStart === null ? NET_MIN_DATE : toWireDate(new Date(nextStart), options.timeZone),
        Status: status,
        ErrorMessage: failed ? pick(ERRORS) : status === 7 ? "2 files were skipped: they were in use by another process." : null,
        FilesCopied: failed ? Math.floor(files / 3) : files,
        FilesFailed: failed ? 1 + Math.floor(random() * 20) : 0,
        DataCopied: Math.floor(total / 50),
        Duration: duration(Math.floor(random() * 4 * HOUR)),
        DataToBackup: Math.floor(total / 40),
        TotalData: total,
        FilesScanned: files * 4,
        FilesToBackup: files,
        DetailedReportLink: `https://mspbackups.example/Reports/DetailedReport?planId=${planId}`,
      });
    }
  }
  return rows;
}

function weighted(random: () => number, weights: Array<[value: number, weight: number]>): number {
  let roll = random() * 100;
  for (const [value, weight] of weights) {
    if ((roll -= weight) < 0) return value;
  }
  return 0;
}

// Overdue plans are past due; a few successful ones are stale too, and some have no schedule.
function nextStartFor(input: { status: number; lastStart: number; now: number; random: () => number }): number | null {
  const roll = input.random();
  if (input.status === 1) return input.now - (3 + Math.floor(roll * 45)) * HOUR;
  if (roll < 0.05) return null;
  if (input.status === 0 && roll < 0.08) return input.now - 6 * HOUR;
  return input.lastStart + 24 * HOUR;
}

const duration = (ms: number) =>
  [ms / HOUR, (ms / 60_000) % 60, (ms / 1000) % 60].map((part) => String(Math.floor(part)).padStart(2, "0")).join(":");
