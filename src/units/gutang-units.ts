// The units of 古塘街道 named in the practice: departments, the 16 community centres and the mediation studios.
import type { UnitKind } from "./schema.js";

export interface UnitSeed {
  code: string;
  name: string;
  kind: UnitKind;
  /** Region code of the unit's jurisdiction. */
  region: string;
}

export const STREET_CODE = "330282006";

export const DEPARTMENTS: UnitSeed[] = [
  { code: "GT-SZZX", name: "古塘街道社会治理中心", kind: "street_centre", region: STREET_CODE },
  { code: "GT-PCS", name: "古塘派出所", kind: "police", region: STREET_CODE },
  { code: "GT-SFS", name: "古塘司法所", kind: "judicial", region: STREET_CODE },
  { code: "GT-LDBZ", name: "古塘劳动保障所", kind: "labour", region: STREET_CODE },
  { code: "GT-XFB", name: "古塘街道信访办", kind: "petition", region: STREET_CODE },
  { code: "GT-CJWY", name: "古塘街道城建/物业管理办", kind: "property", region: STREET_CODE },
  { code: "GT-SCJG", name: "古塘市场监管所", kind: "market", region: STREET_CODE },
  { code: "GT-ZRZY", name: "古塘自然资源所", kind: "natural_resources", region: STREET_CODE },
  { code: "GT-JJZD", name: "交警古塘中队", kind: "traffic_police", region: STREET_CODE },
  { code: "GT-WJB", name: "古塘街道卫健办", kind: "health", region: STREET_CODE },
  { code: "GT-RMFT", name: "慈溪市人民法院古塘人民法庭", kind: "court", region: STREET_CODE },
];

export const MEDIATION_STUDIOS: UnitSeed[] = [
  { code: "MS-HXH", name: "黄新华工作室", kind: "mediation_studio", region: STREET_CODE },
  { code: "MS-LBSST", name: "老兵说事厅", kind: "mediation_studio", region: STREET_CODE },
  { code: "MS-XYTJS", name: "乡音调解室", kind: "mediation_studio", region: STREET_CODE },
  { code: "MS-YHYG", name: "银行系统义工调解队", kind: "mediation_studio", region: STREET_CODE },
  { code: "MS-YFTJD", name: "银发调解队", kind: "mediation_studio", region: STREET_CODE },
];

/** Each village/community has its second-level centre (村(社区)二级中心). */
export function communityCentre(community: { code: string; shortName: string | null; name: string }): UnitSeed {
  return {
    code: `CC-${community.code}`,
    name: `${community.shortName ?? community.name}二级中心`,
    kind: "community_centre",
    region: community.code,
  };
}
