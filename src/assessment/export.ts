// The ledger as an Excel workbook, streamed: entries are read in batches and written row by row (exceljs's streaming
// writer), so there is no row limit and memory stays flat. Sheet 1: the entries; sheet 2: totals per unit per month.
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { DbOrTx } from "../db/client.js";
import type { Actor } from "../server/context.js";
import { allEntries } from "./entries.js";
import { ledgerTotals } from "./ledger.js";
import { RULE_SUBJECT_NAMES } from "./rules.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ENTRY_SHEET = "台账明细";
export const TOTALS_SHEET = "单位月度汇总";

const beijing = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ") : "";

export async function writeLedgerWorkbook(db: DbOrTx, actor: Actor, range: { from: Date; to: Date }, out: Writable): Promise<{ entries: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const entries = workbook.addWorksheet(ENTRY_SHEET);
  entries.columns = [
    { header: "编号", key: "id", width: 10 },
    { header: "发生时间", key: "occurredAt", width: 20 },
    { header: "规则代码", key: "ruleCode", width: 26 },
    { header: "规则", key: "ruleName", width: 18 },
    { header: "分值", key: "points", width: 8 },
    { header: "考核对象", key: "subject", width: 10 },
    { header: "单位", key: "unitName", width: 28 },
    { header: "经办人", key: "accountName", width: 12 },
    { header: "案件编号", key: "caseCode", width: 22 },
    { header: "事件", key: "eventName", width: 18 },
    { header: "事件编号", key: "sourceId", width: 10 },
  ];
  let count = 0;
  for await (const batch of allEntries(db, actor, range)) {
    for (const e of batch) {
      entries
        .addRow({
          id: e.id,
          occurredAt: beijing(e.occurredAt),
          ruleCode: e.ruleCode,
          ruleName: e.ruleName,
          points: e.points,
          subject: e.accountId != null ? RULE_SUBJECT_NAMES.account : RULE_SUBJECT_NAMES.unit,
          unitName: e.unitName ?? "",
          accountName: e.accountName ?? "",
          caseCode: e.caseCode,
          eventName: e.eventName ?? "",
          sourceId: e.sourceId,
        })
        .commit();
      count++;
    }
    if (out.writableNeedDrain) await once(out, "drain");
  }
  entries.commit();

  const totals = workbook.addWorksheet(TOTALS_SHEET);
  totals.columns = [
    { header: "月份", key: "period", width: 10 },
    { header: "排名", key: "rank", width: 8 },
    { header: "单位", key: "name", width: 28 },
    { header: "得分", key: "points", width: 10 },
    { header: "条数", key: "entries", width: 8 },
  ];
  for (const t of await ledgerTotals(db, { period: "month", by: "unit", ...range })) totals.addRow(t).commit();
  totals.commit();
  await workbook.commit();
  return { entries: count };
}
