// Cases' names for the screen. Categories and statuses come from the server's modules; the formation decisions are
// a column enum there, named here.
import { CATEGORIES, CATEGORY_NAMES, type CategoryCode } from "../../../cases/categories.js";
import type { CaseChange } from "./case-api.js";

export const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_NAMES[value] }));

/** How a record came to be in its case (case_matches.decision). */
export const DECISION_NAMES: Record<string, { name: string; color: string }> = {
  new_case: { name: "新建案件", color: "blue" },
  joined: { name: "并入", color: "green" },
  recurrence: { name: "复发", color: "volcano" },
  correction: { name: "更正版本", color: "cyan" },
  staff_merge: { name: "人工合并", color: "purple" },
  staff_move: { name: "人工移动", color: "purple" },
  staff_confirm: { name: "人工确认", color: "purple" },
};

export const CHANGE_KIND_NAMES: Record<CaseChange["kind"], string> = { merge: "合并", split: "拆分" };

export function categoryName(code: string | null): string | null {
  if (!code) return null;
  return CATEGORY_NAMES[code as CategoryCode] ?? code;
}

/** A weight or score with its sign, two decimals: +0.55, -0.30. */
export function signed(n: number): string {
  return `${n > 0 ? "+" : ""}${n.toFixed(2)}`;
}
