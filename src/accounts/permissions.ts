// Who may do what: one table, role × action. Read it as "a <role> may <action>".
// Scope (which objects) is a separate rule in policies.ts: an allowed action on an object outside the
// account's jurisdiction answers 404.
import type { Role } from "./roles.js";

export const ACTIONS = {
  "regions.read": "查看区域树",
  "regions.import": "导入标准地址库/网格",
  "units.read": "查看承办单位",
  "units.manage": "维护承办单位",
  "accounts.read": "查看账号",
  "accounts.manage": "维护账号",
  "tokens.manage": "管理接口令牌",
  "audit.read": "查看审计日志",
  "cases.read": "查看案件",
  "people.read": "查看当事人（脱敏）",
  "people.reveal": "查看当事人完整身份证号/手机号",
  "intake.push": "渠道推送数据",
  "intake.manage": "数据受理：上传文件、处理隔离数据、地址待定位",
  "intake.submit": "提交网格上报、群众诉求或窗口登记",
  "records.read": "查看渠道记录",
  "cases.manage": "合并、拆分案件，确认疑似重复，更正纠纷类别",
  "tasks.read": "查看本单位任务、揭榜大厅、案件时间轴",
  "tasks.handle": "签收、办理、办结、退回本单位任务，申请延期，勾选联动步骤",
  "tasks.claim": "揭榜认领",
  "tasks.dispatch": "指派、改派、上提/下沉层级、发布揭榜、核验、结案",
  "routing.manage": "维护职责矩阵",
  "deadlines.manage": "维护办理时限与工作日历",
  "extensions.decide": "审批延期申请",
  "supervision.issue": "发起、关闭、升级督办",
  "supervision.respond": "回复督办",
  "assessment.read": "查看奖惩考核台账与排名",
  "notifications.read": "查看站内通知",
  "webhooks.manage": "维护单位推送地址（Webhook）",
  "mediators.read": "查看调解员名录与画像",
  "mediators.manage": "维护调解员队伍",
  "mediation.manage": "组建调解小组、安排调解、记录笔录、制作调解协议书、司法确认、诉调衔接",
  "mediation.request": "申请指定信任的调解员",
  "mediation.respond": "调解员接受或谢绝指定",
  "risk.read": "查看风险评估、民转刑重点清单",
  "warnings.read": "查看预警中心",
  "warnings.respond": "签收预警、反馈处置措施",
  "warnings.manage": "预警督办、销号",
  "followups.read": "查看回访清单",
  "followups.record": "登记回访结果",
  "followups.manage": "维护回访规则、改派回访",
  "transfers.read": "查看非警务警情流转情况",
  "keyindex.read": "查看关键指数",
  "portal.use": "群众服务：在线提交诉求、跟踪本人诉求、申请指定调解员、法律咨询",
  "legal.answer": "专科医生：答复群众的法律咨询",
} as const;
export type Action = keyof typeof ACTIONS;

const Y = true;
const _ = false;

// prettier-ignore
export const PERMISSIONS: Record<Action, Record<Role, boolean>> = {
  //                     street_centre police unit_handler unit_leader mediator grid_worker leader admin citizen
  "regions.read":    row(Y, Y, Y, Y, Y, Y, Y, Y, _),
  "regions.import":  row(_, _, _, _, _, _, _, Y, _),
  "units.read":      row(Y, Y, Y, Y, Y, Y, Y, Y, _),
  "units.manage":    row(_, _, _, _, _, _, _, Y, _),
  "accounts.read":   row(_, _, _, _, _, _, _, Y, _),
  "accounts.manage": row(_, _, _, _, _, _, _, Y, _),
  "tokens.manage":   row(_, _, _, _, _, _, _, Y, _),
  "audit.read":      row(_, _, _, _, _, _, _, Y, _),
  "cases.read":      row(Y, Y, Y, Y, Y, Y, Y, _, _),
  "people.read":     row(Y, Y, Y, Y, Y, Y, Y, _, _),
  "people.reveal":   row(Y, Y, _, Y, _, _, _, _, _),
  "intake.push":     row(_, _, _, _, _, _, _, _, _), // API tokens only
  "intake.manage":   row(Y, _, _, _, _, _, _, Y, _),
  "intake.submit":   row(Y, Y, Y, Y, Y, Y, _, _, Y),
  "records.read":    row(Y, Y, Y, Y, Y, Y, Y, _, _),
  "cases.manage":    row(Y, _, _, Y, _, _, _, _, _),
  "tasks.read":      row(Y, Y, Y, Y, Y, Y, Y, _, _),
  "tasks.handle":    row(Y, Y, Y, Y, Y, _, _, _, _),
  "tasks.claim":     row(_, Y, Y, Y, Y, _, _, _, _),
  "tasks.dispatch":  row(Y, _, _, _, _, _, _, _, _),
  "routing.manage":  row(_, _, _, _, _, _, _, Y, _),
  "deadlines.manage": row(Y, _, _, _, _, _, _, Y, _),
  "extensions.decide": row(Y, _, _, _, _, _, _, _, _),
  "supervision.issue": row(Y, _, _, _, _, _, Y, _, _),
  "supervision.respond": row(_, Y, Y, Y, Y, _, _, _, _),
  "assessment.read": row(Y, Y, Y, Y, Y, Y, Y, Y, _),
  "notifications.read": row(Y, Y, Y, Y, Y, Y, Y, Y, Y),
  "webhooks.manage": row(_, _, _, Y, _, _, _, Y, _),
  "mediators.read":  row(Y, Y, Y, Y, Y, Y, Y, Y, _), // citizens use the public directory
  "mediators.manage": row(Y, _, _, _, _, _, _, Y, _),
  "mediation.manage": row(Y, Y, Y, Y, Y, _, _, _, _),
  "mediation.request": row(Y, _, _, _, _, Y, _, _, Y),
  "mediation.respond": row(_, _, _, _, Y, _, _, _, _),
  "risk.read":       row(Y, Y, Y, Y, Y, Y, Y, _, _),
  "warnings.read":   row(Y, Y, Y, Y, _, Y, Y, _, _),
  "warnings.respond": row(Y, Y, Y, Y, _, _, _, _, _),
  "warnings.manage": row(Y, _, _, _, _, _, Y, _, _),
  "followups.read":  row(Y, Y, Y, Y, Y, Y, Y, _, _),
  "followups.record": row(Y, _, Y, Y, Y, Y, _, _, _),
  "followups.manage": row(Y, _, _, _, _, _, _, Y, _),
  "transfers.read":  row(Y, Y, _, _, _, _, Y, _, _),
  "keyindex.read":   row(Y, Y, Y, Y, Y, Y, Y, Y, _),
  "portal.use":      row(_, _, _, _, _, _, _, _, Y),
  "legal.answer":    row(Y, _, _, _, Y, _, _, _, _),
};

function row(
  street_centre: boolean, police: boolean, unit_handler: boolean, unit_leader: boolean, mediator: boolean,
  grid_worker: boolean, leader: boolean, admin: boolean, citizen: boolean,
): Record<Role, boolean> {
  return { street_centre, police, unit_handler, unit_leader, mediator, grid_worker, leader, admin, citizen };
}

export function roleMay(role: Role, action: Action): boolean {
  return PERMISSIONS[action][role];
}

export function actionsOf(role: Role): Action[] {
  return (Object.keys(PERMISSIONS) as Action[]).filter((a) => PERMISSIONS[a][role]);
}
