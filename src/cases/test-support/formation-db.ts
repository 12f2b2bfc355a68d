// Helpers for the case-formation tests: invented channel rows ingested through intake, then formed into cases.
import { nativeRow, roadAddresses, type Place, type Report } from "../../intake/test-support/channel-files.js";
import { createBatch, ingestChunk, type IntakeDeps } from "../../intake/ingest.js";
import { loadIntakeDeps } from "../../intake/deps.js";
import type { Db } from "../../db/client.js";
import { idCheckDigit } from "../../personal-data/id-number.js";
import type { TestDatabase } from "../../test/db.js";
import { formationDeps, formPendingCases } from "../formation/form-pending.js";
import type { FormationDeps } from "../formation/form-record.js";

export const STREET = "浙江省宁波市慈溪市古塘街道";

/** Rows as a channel delivers them: a 12345 order, a 人民调解 register entry, or any channel's Report. */
export type Row = { channel: "12345" | "rmtj" | "110"; fields: Record<string, unknown> };

export function order12345(o: { id: string; at: string; name?: string | null; phone?: string | null; title?: string | null; text: string; address?: string | null; kind?: string }): Row {
  return {
    channel: "12345",
    fields: { gdbh: o.id, slsj: o.at, ldr: o.name ?? null, lxdh: o.phone ?? null, sqlx: o.kind ?? "投诉", sqbt: o.title ?? null, sqnr: o.text, sfdz: o.address ?? null },
  };
}

export function mediation(o: { id: string; at: string; parties: { xm: string | null; sfzh?: string | null; dh?: string | null; js?: string }[]; kind?: string; text: string }): Row {
  return {
    channel: "rmtj",
    fields: { ajbh: o.id, slrq: o.at, dsr: o.parties.map((p) => ({ xm: p.xm, sfzh: p.sfzh ?? null, dh: p.dh ?? null, js: p.js ?? "申请人" })), jflx: o.kind ?? "邻里纠纷", jyqk: o.text },
  };
}

export function police(r: Report): Row {
  return { channel: "110", fields: nativeRow("110", r) };
}

export async function ingest(t: TestDatabase, rows: Row[], deps?: IntakeDeps) {
  const d = deps ?? (await loadIntakeDeps(t.db, t.cipher));
  const batchId = await createBatch(t.db, { source: "api", actorLabel: "test" });
  const out = await ingestChunk(
    d,
    batchId,
    rows.map((r, index) => ({ channel: r.channel, origin: { index }, text: JSON.stringify(r.fields), fields: r.fields })),
  );
  const bad = out.filter((o) => o.status === "quarantined");
  if (bad.length) throw new Error(`quarantined: ${JSON.stringify(bad)}`);
  return out;
}

export async function formAll(db: Db, extra: Partial<FormationDeps> = {}) {
  return formPendingCases(db, { ...(await formationDeps(db)), ...extra });
}

export interface RecordCase {
  recordId: number;
  version: number;
  caseId: number | null;
}

/** The case of a record (its current version unless `version` is given). */
export async function caseOf(t: TestDatabase, channel: string, externalId: string, version?: number): Promise<RecordCase> {
  const { rows } = await t.db.$client.query(
    `SELECT id, version, case_id FROM records WHERE channel = $1 AND external_id = $2 AND ($3::int IS NULL AND is_current OR version = $3::int)`,
    [channel, externalId, version ?? null],
  );
  if (rows.length !== 1) throw new Error(`expected one record ${channel}/${externalId}, found ${rows.length}`);
  return { recordId: Number(rows[0].id), version: rows[0].version, caseId: rows[0].case_id };
}

/** The people a record's mentions were linked to, in mention order. */
export async function peopleOf(t: TestDatabase, channel: string, externalId: string): Promise<number[]> {
  const { rows } = await t.db.$client.query(
    `SELECT rp.person_id FROM record_people rp JOIN records r ON r.id = rp.record_id
      WHERE r.channel = $1 AND r.external_id = $2 AND r.is_current ORDER BY rp.id`,
    [channel, externalId],
  );
  return rows.map((r) => r.person_id);
}

/** House-number addresses of the registry, one per grid, in registry order (a scenario per grid keeps tests apart). */
export function placesByGrid(): Place[] {
  const seen = new Set<string>();
  return roadAddresses().filter((p) => !seen.has(p.grid) && seen.add(p.grid));
}

/** A valid ID number of someone from Cixi whose last four characters are `last4` (digits 15–17 and the check). */
export function idEndingIn(last4: string): string {
  for (let day = 1; day <= 28; day++) {
    for (let month = 1; month <= 12; month++) {
      const first17 = `3302821985${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${last4.slice(0, 3)}`;
      if (idCheckDigit(first17) === last4[3]) return first17 + last4[3];
    }
  }
  throw new Error(`no ID number ends in ${last4}`);
}
