// A channel's draft → the standard record: times in Beijing time, numbers normalised and validated (invalid ones
// kept as given and flagged), text cleaned, the matter's place chosen from the address field and the story.
import type { AddressResolution } from "../regions/address/resolver.js";
import type { ChannelCode } from "./channels.js";
import { FORMATS } from "./formats/index.js";
import type { AddressMeaning } from "./formats/format.js";
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
  /** The address field as given (cleaned). */
  addressText: string | null;
  /** Where the matter is, as best the record tells: from the address field or from the story; `evidence` says which. */
  place: Place;
  extra: Record<string, unknown>;
  flags: string[];
}

export type StandardiseResult = { ok: true; record: StandardRecord } | { ok: false; reason: QuarantineReason; message: string };

export interface StandardiseDeps {
  resolveAddress: (text: string) => AddressResolution;
  now: Date;
}

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
  const place = choosePlace(FORMATS[channel].addressMeans, addressText, narrative, deps.resolveAddress);
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

// ── The matter's place ────────────────────────────────────────────────────────────────────────────────────────────
// A record's address field is not always where the matter is: a petition may give only the street (问题属地), an ODR
// application or a letter gives the applicant's home. The story often names the place itself (在…超市买的, …厂拖欠工资,
// …小区楼上漏水). The rule, by what the channel's field means:
// - matter: the field wins; the story may only narrow it (a grid or micro-grid inside the field's node), and only
//   when the field stops above a micro-grid: the matter's place first, then where the teller lives, then the village
//   of a committee the story names. A field naming nothing lets the story's place stand alone.
// - party: a place the story names for the matter wins; else the party's address, as the best guess left.
// - none: the story's place, if it names one precisely.
// In the story, a clause saying where someone lives (住在…, 家住…, 我是…村的) names a home, not the matter's place:
// it is used only where a home is the best guess (a matter area with nothing finer, a channel with no field). A
// public body named in a story (村委会, 指挥部) is the party complained about, not a place, and a name the resolver
// only guessed at (a typo match) is too weak in free text.

/** Where the place came from, most trusted first. */
export type PlaceSource = "address" | "story" | "story_home" | "party_address" | "none";

export type Place = AddressResolution & { source: PlaceSource };

const NOWHERE: AddressResolution = { normalised: "", code: null, level: null, confidence: 0, status: "unresolved", evidence: [] };
const STORY_FACTOR = 0.8;
const STORY_HOME_FACTOR = 0.6;
const PARTY_ADDRESS_FACTOR = 0.7;
const SOURCE_EVIDENCE: Record<Exclude<PlaceSource, "none">, string> = {
  address: "地址字段",
  story: "叙述中的地点",
  story_home: "叙述中的住址",
  party_address: "当事人地址",
};

const CLAUSE_BREAK = /[，,。；;！!？?\n]+/;
/**
 * A clause telling where someone lives, and the address it gives: after 家住 / 住在 / 居住 / 住址 / 户籍, after 住 at a
 * clause's start or after 我 / 其 / 人 (not 住院, 堵住 …), or 我是…的(居民) naming where one belongs.
 */
const HOME_CLAUSE = /(?:家住|住在|住于|居住(?:在|于)?|现住(?:在|于)?|住址(?:是|为|:|：)?|户籍(?:地)?(?:在|是|为|:|：)?|(?:^|[我其人])住(?![院宿房户]))(.+)$|^(?:我|本人|其)(?:是|系)(.{2,24}?)的(?:人|村民|居民|住户|业主)?$/;
const MAY_NAME_HOME = /住|户籍|是|系/;
/** The resolver's evidence for a public body, and for a name it only guessed at. */
const PUBLIC_BODY = "机关单位:";
const GUESSED = "近似:";

/** The resolver's answer for an address naming another area first (宁波市鄞州区…), and the words that name one. */
const OTHER_AREA = "街道外地址";
const AREA_WORD = /省|市|县|区|街道|镇|乡/g;

/**
 * A story read for its places. The resolver reads an area word near the start (我在慈溪市…厂, 其在宁波市…) as an
 * address elsewhere; in a story it is only a lead-in, so the rest is read again after it, a few times at most.
 */
function resolveStory(text: string, resolve: (text: string) => AddressResolution): AddressResolution {
  let r = resolve(text);
  for (let tries = 0; tries < 3 && r.code === null && r.evidence[0] === OTHER_AREA; tries++) {
    AREA_WORD.lastIndex = 0;
    const m = AREA_WORD.exec(text);
    if (!m || m.index > 8) break;
    text = text.slice(m.index + m[0].length);
    r = resolve(text);
  }
  return r;
}

/** A villagers' or residents' committee: the body of one village or community. */
const COMMITTEE = /(?:村|居)民委员会$|[村居]委会$/;

/**
 * The village a committee named in the story governs: a matter with the village itself (宅基地, 低保) lies in that
 * village, though not at the committee's office. A node's code extends its ancestors', so the village's is the
 * committee's up to its first dash.
 */
function committeeVillage(r: AddressResolution): AddressResolution | null {
  const body = r.evidence[0]?.startsWith(PUBLIC_BODY) ? r.evidence[0].slice(PUBLIC_BODY.length) : null;
  if (!body || !COMMITTEE.test(body) || !r.code?.includes("-")) return null;
  return { ...r, code: r.code.slice(0, r.code.indexOf("-")), level: "community", status: "partial", confidence: 0.5, evidence: [`村（居）委会:${body}`] };
}

const precise = (r: AddressResolution) => r.level === "micro_grid" || r.level === "grid";
/** A name the story gives as a place: precise, written as the registry has it, and not a public body. */
const storyPlace = (r: AddressResolution) =>
  precise(r) && !r.evidence.some((e) => e.startsWith(GUESSED)) && !r.evidence[0]?.startsWith(PUBLIC_BODY);
/** Strictly inside: a node's code extends its ancestors' codes. */
const inside = (r: AddressResolution, outer: AddressResolution) => outer.code === null || (r.code !== null && r.code !== outer.code && r.code.startsWith(outer.code));

/** The story split into what it says about the matter and what it says about where people live. */
function storyParts(narrative: string): { told: string; home: string } {
  if (!MAY_NAME_HOME.test(narrative)) return { told: narrative, home: "" };
  const told: string[] = [];
  const home: string[] = [];
  for (const clause of narrative.split(CLAUSE_BREAK)) {
    const m = HOME_CLAUSE.exec(clause);
    // The address alone: a word before it (住古塘街道…) would read as another area's prefix.
    if (m) home.push(m[1] ?? m[2]);
    else told.push(clause);
  }
  return { told: told.join("，"), home: home.join("，") };
}

function placeFrom(r: AddressResolution, source: PlaceSource, factor: number, normalised: string): Place {
  const evidence = source === "none" ? r.evidence : [SOURCE_EVIDENCE[source], ...r.evidence];
  return { ...r, normalised, source, confidence: Math.round(r.confidence * factor * 100) / 100, evidence };
}

export function choosePlace(means: AddressMeaning, addressText: string | null, narrative: string, resolve: (text: string) => AddressResolution): Place {
  const field = addressText ? resolve(addressText) : null;
  const normalised = field?.normalised ?? "";
  const fieldSource: PlaceSource = !field?.code ? "none" : means === "party" ? "party_address" : "address";
  const fromField = () => (field ? placeFrom(field, fieldSource, fieldSource === "party_address" ? PARTY_ADDRESS_FACTOR : 1, normalised) : { ...NOWHERE, source: "none" as const });
  // A matter field naming a micro-grid, or a place outside the street, has said where; the story is not read.
  if (means === "matter" && (field?.level === "micro_grid" || field?.evidence[0] === OTHER_AREA)) return fromField();

  // A matter field bounds where the story's places may be; a party's address does not.
  const bound = means === "matter" && field ? field : NOWHERE;
  const { told, home } = narrative ? storyParts(narrative) : { told: "", home: "" };
  const toldPlace = told ? resolveStory(told, resolve) : null;
  let homePlace: AddressResolution | null | undefined;
  const homeInside = (outer: AddressResolution) => {
    homePlace ??= home ? resolveStory(home, resolve) : null;
    return homePlace && storyPlace(homePlace) && inside(homePlace, outer) ? placeFrom(homePlace, "story_home", STORY_HOME_FACTOR, normalised) : null;
  };
  if (toldPlace && storyPlace(toldPlace) && inside(toldPlace, bound)) {
    // A compound named as the matter's place, and the teller's own building in it: the building says where.
    return (toldPlace.level === "grid" && homeInside(toldPlace)) || placeFrom(toldPlace, "story", STORY_FACTOR, normalised);
  }
  if (fieldSource === "party_address") return fromField();
  const atHome = homeInside(bound);
  if (atHome) return atHome;
  const village = toldPlace && committeeVillage(toldPlace);
  if (village && inside(village, bound)) return placeFrom(village, "story", STORY_FACTOR, normalised);
  return fromField();
}
