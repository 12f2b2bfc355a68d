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

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦";
const GIVEN = ["丽华", "建军", "秀英", "海燕", "志强", "桂芳", "国平", "美玲", "伟东", "红梅", "晓东", "雪芬", "建平", "玉兰", "立新", "静", "敏", "亚萍", "国英", "春燕"];

/**
 * Every grid has its grid worker (the demo's `wangge` works 上傅家社区第一网格): username `wg-<community>-<grid>`,
 * e.g. `wg-004-g02` for 团圈社区第二网格, with the same password. Follow-up visits and grid reports go to them.
 */
export function gridWorkerAccount(gridCode: string, index: number): DemoAccount {
  const [community, grid] = gridCode.split("-");
  return {
    username: `wg-${community.slice(-3)}-${grid.toLowerCase()}`,
    displayName: SURNAMES[(index * 7) % SURNAMES.length] + GIVEN[(index * 3) % GIVEN.length],
    role: "grid_worker",
    unit: `CC-${community}`,
    region: gridCode,
  };
}
