// One demo account per role (all with DEMO_PASSWORD), printed by `npm start`.
import type { Role } from "../accounts/roles.js";

export const DEMO_PASSWORD = "Gutang@2026";

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  /** Scope root; the unit's region when absent. */
  region?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "zhongxin", displayName: "陈晓燕", role: "street_centre", unit: "GT-SZZX" },
  { username: "minjing", displayName: "王建国", role: "police", unit: "GT-PCS" },
  { username: "jingban", displayName: "李慧", role: "unit_handler", unit: "GT-SFS" },
  { username: "fuzeren", displayName: "张立军", role: "unit_leader", unit: "GT-LDBZ" },
  { username: "tiaojie", displayName: "黄新华", role: "mediator", unit: "MS-HXH" },
  { username: "wangge", displayName: "胡丽娟", role: "grid_worker", unit: "CC-330282006001", region: "330282006001-G01" },
  { username: "lingdao", displayName: "孙志明", role: "leader", unit: "GT-SZZX" },
  { username: "admin", displayName: "系统管理员", role: "admin", unit: "GT-SZZX" },
  { username: "qunzhong", displayName: "群众演示账号", role: "citizen", unit: null, region: "330282006" },
  { username: "shequ", displayName: "徐敏", role: "unit_handler", unit: "CC-330282006004" },
];
