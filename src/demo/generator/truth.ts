// The truth behind the generated records, in the shapes of shared/data/sample/README.md. It is also the
// classifier's labelled data: `category` is the category of the story the record tells.
import type { Category, SourceChannel } from "./categories.js";
import { truthTime } from "./formats.js";
import type { Dispute } from "./plan.js";
import type { Spot } from "./places.js";
import type { RiskLevel } from "./signals.js";

export type Defect = "missing_required" | "malformed_row" | "time_in_future";

export interface TruthRecord {
  channel: SourceChannel;
  externalId: string;
  disputeId: string;
  category: Category;
  riskLevel: RiskLevel;
  communityCode: string;
  gridCode: string;
  microGridCode: string;
  personKeys: string[];
  orgKeys: string[];
  reporterKey: string;
  reporterSide: "A" | "B";
  isRedelivery: boolean;
  isCorrection: boolean;
  correctedField: string | null;
  reportedAt: string;
  riskAtReport: RiskLevel;
  signals: string[];
  isFlareUp: boolean;
  noise: string[];
  phrasing: string[];
  /** A deliberately broken row (the hub must quarantine it); not a report. */
  defect: Defect | null;
}

export interface TruthParty {
  key: string;
  kind: "person" | "org";
  side: "A" | "B";
  name: string;
  idNumber?: string;
  phone?: string;
  creditCode?: string;
}

export interface TruthDispute {
  disputeId: string;
  category: Category;
  riskLevel: RiskLevel;
  communityCode: string;
  gridCode: string;
  microGridCode: string;
  parties: TruthParty[];
  reportCount: number;
  firstReportedAt: string;
  lastReportedAt: string;
  recurrence: boolean;
  hardNegativeOf: string | null;
  hardNegativeKind: "place" | "person" | null;
  riskReasons: string[];
  templateId: string;
  ambiguous: boolean;
  secondaryCategory: Category | null;
  place: string;
  amount: number | null;
  peopleCount: number | null;
  vulnerable: string | null;
  channels: SourceChannel[];
}

/** The place as one line: the flat, the village house, the road number, or the place's name. */
export function placeLabel(s: Spot): string {
  if (s.kind === "flat") return `${s.name}${s.building}幢${s.unit}单元${s.room}室`;
  if (s.kind === "village-house") return `${s.name}${s.house}号`;
  if (s.kind === "road") return `${s.road}${s.number}号`;
  return s.name;
}

export function truthDispute(d: Dispute): TruthDispute {
  const parties: TruthParty[] = [{ key: d.a.key, kind: "person", side: "A", name: d.a.name, idNumber: d.a.idNumber, phone: d.a.phone }];
  if (d.b.kind === "person") {
    const p = d.b.person;
    parties.push({ key: p.key, kind: "person", side: "B", name: p.name, idNumber: p.idNumber, phone: p.phone });
  } else {
    parties.push({ key: d.b.org.key, kind: "org", side: "B", name: d.b.org.name, creditCode: d.b.org.creditCode });
  }
  const first = d.reports[0];
  const last = d.reports[d.reports.length - 1];
  return {
    disputeId: d.id,
    category: d.story.category,
    riskLevel: d.risk.level,
    communityCode: d.place.community,
    gridCode: d.place.grid,
    microGridCode: d.place.microGrid,
    parties,
    reportCount: d.reports.length,
    firstReportedAt: truthTime(first.channel, first.at),
    lastReportedAt: truthTime(last.channel, last.at),
    recurrence: d.recurrence,
    hardNegativeOf: d.hardNegativeOf,
    hardNegativeKind: d.hardNegativeKind,
    riskReasons: d.risk.reasons,
    templateId: d.story.id,
    ambiguous: false,
    secondaryCategory: null,
    place: placeLabel(d.place),
    amount: d.amount,
    peopleCount: d.peopleCount,
    vulnerable: d.vulnerable,
    channels: d.reports.map((r) => r.channel),
  };
}
