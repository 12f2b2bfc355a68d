// Conflicts of interest: a mediator who is a party, is related to a party through the person index, or works for a
// party company. `conflictsOf` is pure; the facts come from the case's parties and the mediator's own person row.

export const PARTY_ROLE_NAMES = { reporter: "报告人", applicant: "申请人", respondent: "被申请人", other: "其他当事人" } as const;
export type PartyRole = keyof typeof PARTY_ROLE_NAMES;

/** A party of the case as the person index knows it. */
export interface PartyFacts {
  personId: number;
  /** The person the row was merged into, or itself. */
  rootId: number;
  role: PartyRole;
  name: string;
  kind: "person" | "company";
  idNumberHash: string | null;
  phoneHash: string | null;
  surname: string | null;
  addressText: string | null;
  creditCode: string | null;
  /** Where the party lives (its region, or the community it was seen in). */
  homePath: string | null;
}

/** The mediator as a person, and whom they work for. */
export interface MediatorTies {
  personId: number | null;
  personRootId: number | null;
  idNumberHash: string | null;
  phoneHash: string | null;
  surname: string | null;
  addressText: string | null;
  employerCreditCode: string | null;
  unitName: string | null;
}

export interface Conflict {
  kind: "party" | "same_person" | "household" | "relative" | "employer" | "unit";
  reason: string;
}

const key = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "");

/** What of the parties could tie a mediator to them, as sets: a quick test before conflictsOf spells it out. */
export function partyIndex(parties: PartyFacts[]) {
  const ids = new Set<number>();
  const values = new Set<string>();
  for (const p of parties) {
    ids.add(p.personId).add(p.rootId);
    for (const v of [p.idNumberHash, p.phoneHash, p.surname, p.creditCode && key(p.creditCode).toUpperCase(), p.creditCode || p.kind === "company" ? key(p.name) : null]) {
      if (v) values.add(v);
    }
  }
  return (m: MediatorTies) =>
    (m.personId != null && (ids.has(m.personId) || (m.personRootId != null && ids.has(m.personRootId)))) ||
    (m.idNumberHash != null && values.has(m.idNumberHash)) ||
    (m.phoneHash != null && values.has(m.phoneHash)) ||
    (m.surname != null && values.has(m.surname)) ||
    (m.employerCreditCode != null && values.has(key(m.employerCreditCode).toUpperCase())) ||
    (m.unitName != null && values.has(key(m.unitName)));
}

export function conflictsOf(m: MediatorTies, parties: PartyFacts[]): Conflict[] {
  const out: Conflict[] = [];
  for (const p of parties) {
    const who = `${PARTY_ROLE_NAMES[p.role]}${p.name}`;
    if (m.personId != null && (m.personId === p.personId || m.personRootId === p.rootId || m.personId === p.rootId)) {
      out.push({ kind: "party", reason: `本人是本案当事人（${who}）` });
      continue;
    }
    if (m.idNumberHash && m.idNumberHash === p.idNumberHash) {
      out.push({ kind: "same_person", reason: `与${who}身份证号相同（人员索引疑为同一人）` });
      continue;
    }
    if (m.phoneHash && m.phoneHash === p.phoneHash) out.push({ kind: "household", reason: `与${who}登记的电话相同（疑为亲属或同户）` });
    else if (p.kind === "person" && m.surname && m.surname === p.surname && key(m.addressText) && key(m.addressText) === key(p.addressText)) {
      out.push({ kind: "relative", reason: `与${who}同姓同址（疑为亲属）` });
    }
    if (m.employerCreditCode && p.creditCode && key(m.employerCreditCode).toUpperCase() === key(p.creditCode).toUpperCase()) {
      out.push({ kind: "employer", reason: `受雇于${who}` });
    }
    if (m.unitName && (p.kind === "company" || p.creditCode) && key(m.unitName) === key(p.name)) {
      out.push({ kind: "unit", reason: `所在单位${m.unitName}是本案${PARTY_ROLE_NAMES[p.role]}` });
    }
  }
  return out;
}
