// The hub's own entry points (grid app, citizens' portal, reception window) share one simple JSON shape, defined
// here; each adds the one field naming who took the report.
import { CHANNEL_NAMES, type OWN_CHANNELS } from "../channels.js";
import { PERSON_ROLES, type PersonRole } from "../draft.js";
import { extra, mapWith, obj, people, person, raw, text, words, type ChannelFormat } from "./format.js";

/** One party as the hub's forms send it. */
export interface OwnFormParty {
  role?: PersonRole;
  name?: string;
  idNumber?: string;
  phone?: string;
  companyName?: string;
  creditCode?: string;
  address?: string;
}

/** A report as the hub's forms send it (JSON). `gridWorker` / `receptionist` belong to grid / window. */
export interface OwnForm {
  id: string;
  reportedAt: string | number;
  reporterName?: string;
  reporterPhone?: string;
  reporterIdNumber?: string;
  address?: string;
  narrative: string;
  category?: string;
  parties?: OwnFormParty[];
  amount?: number | string | null;
  peopleCount?: number | string | null;
  gridWorker?: string;
  receptionist?: string;
}

const COMMON = ["id", "reportedAt", "reporterName", "reporterPhone", "reporterIdNumber", "address", "narrative", "category", "parties", "amount", "peopleCount"];
const REQUIRED = ["id", "reportedAt", "narrative"];
const LABELS = { id: "id（编号）", reportedAt: "reportedAt（上报时间）", narrative: "narrative（事项描述）" };

function party(v: unknown) {
  const p = obj(v);
  const role = (PERSON_ROLES as readonly unknown[]).includes(p.role) ? (p.role as PersonRole) : "other";
  return person(role, { name: p.name, idNumber: p.idNumber, phone: p.phone, companyName: p.companyName, creditCode: p.creditCode, address: p.address });
}

export function ownFormFormat(code: (typeof OWN_CHANNELS)[number], takenBy?: "gridWorker" | "receptionist"): ChannelFormat {
  return {
    code,
    name: CHANNEL_NAMES[code],
    container: "json",
    encoding: "utf8",
    idField: "id",
    headerFields: takenBy ? [...COMMON, takenBy] : COMMON,
    required: REQUIRED,
    // The forms ask where the matter is, not where the reporter lives.
    addressMeans: "matter",
    map: (f) =>
      mapWith(f, REQUIRED, LABELS, () => ({
        externalId: text(f.id) ?? "",
        reportedAt: raw(f.reportedAt),
        people: people(
          person("reporter", { name: f.reporterName, phone: f.reporterPhone, idNumber: f.reporterIdNumber }),
          ...(Array.isArray(f.parties) ? f.parties.map(party) : []),
        ),
        addressText: text(f.address),
        narrative: text(f.narrative) ?? "",
        categoryWords: words(f.category),
        amount: raw(f.amount),
        peopleCount: raw(f.peopleCount),
        extra: takenBy ? extra(f, [takenBy]) : {},
      })),
  };
}
