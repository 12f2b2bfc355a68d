// Linked workflows (联动响应) for the frequent dispute types: the steps the lead and the co-units tick, each owned by a
// unit kind or by the lead unit whatever its kind. No database imports: the web app uses this too.
import type { CategoryCode } from "../cases/categories.js";
import { UNIT_KIND_NAMES, type UnitKind } from "../units/kinds.js";

export const WORKFLOWS = ["land", "economic", "family", "labour"] as const;
export type Workflow = (typeof WORKFLOWS)[number];

export const WORKFLOW_NAMES: Record<Workflow, string> = {
  land: "土地山林、征地拆迁联动",
  economic: "经济纠纷联动",
  family: "婚姻家庭联动",
  labour: "劳动争议联动",
};

export type StepOwner = UnitKind | "lead";

export interface WorkflowStepDef {
  key: string;
  title: string;
  owner: StepOwner;
}

export const WORKFLOW_FOR_CATEGORY: Partial<Record<CategoryCode, Workflow>> = {
  TD: "land",
  ZD: "land",
  FW: "land",
  HT: "economic",
  SC: "economic",
  XF: "economic",
  SH: "economic",
  HY: "family",
  LD: "labour",
};

export const WORKFLOW_STEPS: Record<Workflow, WorkflowStepDef[]> = {
  labour: [
    { key: "verify_relation", title: "核实劳动关系与用工主体", owner: "labour" },
    { key: "collect_payroll", title: "调取考勤、工资发放记录", owner: "labour" },
    { key: "compute_arrears", title: "核算拖欠工资及经济补偿", owner: "labour" },
    { key: "mediate", title: "组织劳资双方调解", owner: "judicial" },
    { key: "arbitration", title: "调解不成的，引导劳动仲裁或移交劳动保障监察", owner: "labour" },
    { key: "stabilise", title: "涉群体性欠薪的，做好现场稳控", owner: "police" },
    { key: "follow_up", title: "跟踪协议履行并回访", owner: "lead" },
  ],
  land: [
    { key: "survey", title: "现场踏勘，核实土地、山林权属界址", owner: "natural_resources" },
    { key: "collect_titles", title: "调取确权登记、承包合同、征地批复等材料", owner: "natural_resources" },
    { key: "hear_parties", title: "村（社区）召集当事人和村干部了解情况", owner: "community_centre" },
    { key: "mediate", title: "组织调解（邀请乡贤、老党员参与）", owner: "lead" },
    { key: "legal_route", title: "调解不成的，告知行政裁决或诉讼途径", owner: "judicial" },
    { key: "publicise", title: "处理结果公示并回访", owner: "community_centre" },
  ],
  family: [
    { key: "visit", title: "上门走访，了解家庭矛盾起因", owner: "community_centre" },
    { key: "assess_risk", title: "评估家庭暴力及民转刑风险", owner: "police" },
    { key: "mediate", title: "组织亲属、乡贤参与调解", owner: "lead" },
    { key: "agreement", title: "制作人民调解协议书", owner: "judicial" },
    { key: "legal_aid", title: "需要的，引导申请司法确认或法律援助", owner: "judicial" },
    { key: "follow_up", title: "定期回访，防止复发", owner: "community_centre" },
  ],
  economic: [
    { key: "verify_debt", title: "核实债权债务或合同关系", owner: "lead" },
    { key: "collect_evidence", title: "收集合同、票据、转账凭证", owner: "lead" },
    { key: "check_business", title: "核查经营主体登记信息（涉及市场主体的）", owner: "market" },
    { key: "mediate", title: "组织双方协商调解", owner: "judicial" },
    { key: "court_link", title: "达成协议的申请司法确认，不成的引导诉讼（诉调衔接）", owner: "court" },
    { key: "follow_up", title: "跟踪履行情况并回访", owner: "lead" },
  ],
};

export function ownerName(owner: string): string {
  return owner === "lead" ? "牵头单位" : UNIT_KIND_NAMES[owner as UnitKind] ?? owner;
}

export function workflowName(workflow: string): string {
  return WORKFLOW_NAMES[workflow as Workflow] ?? workflow;
}
