// A channel's draft → the standard record: times in Beijing time, numbers normalised and validated (invalid ones
// kept as given and flagged), text cleaned, the place resolved on the region tree.
import type { AddressResolution } from "../regions/address/resolver.js";
import type { ChannelCode } from "./channels.js";
import type { DraftPerson, PersonRole, QuarantineReason, RecordDraft } from "./draft.js";
import { extractAmount, extractPeopleCount, parseAmount } from "./normalise/amount.js";
import { normaliseCreditCode } from "./normalise/credit-code.js";
import { normaliseIdNumber } from "./normalise/id-number.js";
import { normaliseName } from "./normalise/name.js";
import { normalisePhone } from "./normalise/phone.js";
import { checkReportedAt, parseBeijingTime } from "./normalise/time.js";
import { cleanText, containsMarkup, matchKey } from "./normalise/text.js";
import { MAX_NARRATIVE_CHARS } from "./quarantine-reasons.js";
import type { RecordFlag } from "./flags.js";

export interface StandardPerson {
  role: PersonRole;
  name: string | null;
  nameKey: string | null;
  titleOnly: boolean;
  isOrganisation: boolean;
  /** Normalised when valid; as given when invalid (idStatus says which). */
  idNumber: string | null;
  idStatus: "full" | "masked" | "invalid" | "empty";
  idPartialKey: string | null;
  phone: string | null;
  phoneStatus: "mobile" | "landline" | "invalid" | "empty";
  companyName: string | null;
  creditCode: string | null;
  creditCodeValid: boolean | null;
  addressText: string | null;
}

export interface StandardRecord {
  channel: ChannelCode;
  externalId: string;
  reportedAt: Date;
  people: StandardPerson[];
  narrative: string;
  narrativeKey: string;
  categoryWords: string[];
  amount: number | null;
  peopleCount: number | null;
  addressText: string | null;
  place: AddressResolution;
  extra: Record<string, unknown>;
  flags: string[];
}

export type StandardiseResult = { ok: true; record: StandardRecord } | { ok: false; reason: QuarantineReason; message: string };

export interface StandardiseDeps {
  resolveAddress: (text: string) => AddressResolution;
  now: Date;
}

const UNRESOLVED: AddressResolution = { normalised: "", code: null, level: null, confidence: 0, status: "unresolved", evidence: [] };

export function standardise(channel: ChannelCode, draft: RecordDraft, deps: StandardiseDeps): StandardiseResult {
  const reportedAt = parseBeijingTime(draft.reportedAt);
  if (!reportedAt) return { ok: false, reason: "invalid_time", message: `时间无法识别：${String(draft.reportedAt ?? "（空）").slice(0, 40)}` };
  const timeProblem = checkReportedAt(reportedAt, deps.now);
  if (timeProblem) return { ok: false, reason: timeProblem, message: timeProblem === "time_in_future" ? `时间晚于当前：${draft.reportedAt}` : `时间早于1990年：${draft.reportedAt}` };
  const narrative = cleanText(draft.narrative ?? "");
  if (narrative.length > MAX_NARRATIVE_CHARS) {
    return { ok: false, reason: "record_too_large", message: `事件描述过长（${narrative.length}字，上限${MAX_NARRATIVE_CHARS}字）` };
  }
  const flags = new Set<RecordFlag>();
  const people = draft.people.map((p) => standardisePerson(p, flags)).filter((p) => p.name || p.idNumber || p.phone || p.companyName || p.creditCode);

  const addressText = draft.addressText ? cleanText(draft.addressText) : null;
  let place = addressText ? deps.resolveAddress(addressText) : UNRESOLVED;
  if (!addressText && narrative) {
    // No address field (the mediation register has none): a place the story names, if it names one precisely.
    const told = deps.resolveAddress(narrative);
    if (told.level === "micro_grid" || told.level === "grid") {
      place = { ...told, confidence: Math.round(told.confidence * 0.8 * 100) / 100, evidence: ["叙述中的地点", ...told.evidence] };
    }
  }
  if (place.status === "unresolved") flags.add("address_unresolved");
  const texts = [narrative, addressText ?? "", ...people.map((p) => p.name ?? "")];
  if (texts.some(containsMarkup)) flags.add("markup_in_text");
  const amount = parseAmount(draft.amount) ?? extractAmount(narrative);
  const peopleCount = toCount(draft.peopleCount) ?? extractPeopleCount(narrative);
  return {
    ok: true,
    record: {
      channel,
      externalId: draft.externalId.trim(),
      reportedAt,
      people,
      narrative,
      narrativeKey: matchKey(narrative),
      categoryWords: draft.categoryWords.map((w) => cleanText(String(w))).filter(Boolean),
      amount,
      peopleCount,
      addressText,
      place,
      extra: draft.extra,
      flags: [...flags],
    },
  };
}

function standardisePerson(p: DraftPerson, flags: Set<RecordFlag>): StandardPerson {
  const name = p.name ? normaliseName(p.name) : null;
  const id = normaliseIdNumber(p.idNumber);
  const phone = normalisePhone(p.phone);
  const credit = p.creditCode ? normaliseCreditCode(p.creditCode) : null;
  if (id.kind === "invalid") flags.add("invalid_id_number");
  if (phone.kind === "invalid") flags.add("invalid_phone");
  if (credit && !credit.valid) flags.add("invalid_credit_code");
  const isOrganisation = Boolean(p.companyName) || Boolean(name?.isOrganisation);
  return {
    role: p.role,
    name: name?.name ?? null,
    nameKey: name?.name ? matchKey(name.name) : null,
    titleOnly: name?.titleOnly ?? false,
    isOrganisation,
    idNumber: id.kind === "invalid" ? id.given : id.value,
    idStatus: id.kind,
    idPartialKey: id.partialKey,
    phone: phone.kind === "invalid" ? phone.given : phone.value,
    phoneStatus: phone.kind,
    companyName: p.companyName ? cleanText(p.companyName) : isOrganisation ? (name?.name ?? null) : null,
    creditCode: credit ? (credit.valid ? credit.value : credit.given) : null,
    creditCodeValid: credit ? credit.valid : null,
    addressText: p.address ? cleanText(p.address) : null,
  };
}

function toCount(v: number | string | null): number | null {
  if (v == null || v === "") return null;
  const n = typeof v === "number" ? v : Number(String(v).replace(/[^\d]/g, ""));
  return Number.isFinite(n) && n >= 0 && n < 100000 ? Math.round(n) : null;
}
