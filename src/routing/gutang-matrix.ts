// The default responsibility matrix of 古塘街道 (version 1). Rules are tried top to bottom; the first that matches and
// finds a unit wins. Rules name unit kinds, not units: the kind resolves to the unit whose jurisdiction holds the
// case's place (the community centre of the case's village, the street's departments for the whole street).
import type { DbOrTx } from "../db/client.js";
import { routingMatrixVersions, routingRules } from "./schema.js";
import type { RuleInput } from "./views.js";

type Seed = Partial<RuleInput> & Pick<RuleInput, "level">;

const rule = (r: Seed): RuleInput => ({
  category: null,
  regionNodeId: null,
  minAmount: null,
  minPeople: null,
  channel: null,
  riskLevel: null,
  leadUnitId: null,
  leadUnitKind: null,
  coUnitKinds: [],
  openCall: false,
  note: "",
  ...r,
});

export const GUTANG_MATRIX: RuleInput[] = [
  // Conditions that lift a case to the street whatever its type: red risk, mass disputes, large sums.
  rule({ riskLevel: "red", leadUnitKind: "street_centre", coUnitKinds: ["police", "judicial"], level: "street", note: "红色风险：街道社治中心牵头，派出所、司法所协办" }),
  rule({ category: "LD", minPeople: 10, leadUnitKind: "labour", coUnitKinds: ["police", "judicial", "street_centre"], level: "street", note: "群体性欠薪：劳动保障所牵头，派出所稳控" }),
  rule({ minPeople: 10, leadUnitKind: "street_centre", coUnitKinds: ["police"], level: "street", note: "群体性纠纷（10人以上）：街道层级" }),
  rule({ minAmount: 500_000, leadUnitKind: "street_centre", coUnitKinds: ["police"], level: "street", note: "涉案金额50万元以上：街道层级" }),
  // By dispute type.
  rule({ category: "LD", leadUnitKind: "labour", coUnitKinds: ["judicial"], level: "street", note: "劳动争议：劳动保障所牵头，司法所协办" }),
  rule({ category: "TD", leadUnitKind: "natural_resources", coUnitKinds: ["community_centre"], level: "street", note: "山林土地：自然资源所牵头，村（社区）协办" }),
  rule({ category: "ZD", leadUnitKind: "natural_resources", coUnitKinds: ["community_centre", "judicial"], level: "street", note: "征地拆迁：自然资源所牵头，村（社区）、司法所协办" }),
  rule({ category: "FW", leadUnitKind: "community_centre", coUnitKinds: ["natural_resources"], level: "community", note: "房屋宅基地：村（社区）牵头，自然资源所协办" }),
  rule({ category: "WY", leadUnitKind: "property", coUnitKinds: ["community_centre"], level: "street", note: "物业纠纷：物业管理办牵头，社区协办" }),
  rule({ category: "LL", leadUnitKind: "community_centre", coUnitKinds: ["judicial"], level: "community", note: "邻里纠纷：村（社区）二级中心牵头，司法所指导" }),
  rule({ category: "HY", leadUnitKind: "community_centre", coUnitKinds: ["judicial"], level: "community", note: "婚姻家庭：村（社区）二级中心牵头，司法所指导" }),
  rule({ category: "JT", leadUnitKind: "traffic_police", coUnitKinds: ["judicial"], level: "street", note: "交通事故：交警中队牵头，司法所协办" }),
  rule({ category: "YL", leadUnitKind: "health", coUnitKinds: ["judicial"], level: "street", note: "医疗纠纷：卫健办牵头，司法所协办" }),
  rule({ category: "XF", leadUnitKind: "market", level: "street", note: "消费纠纷：市场监管所" }),
  rule({ category: "HT", leadUnitKind: "market", coUnitKinds: ["judicial"], level: "street", note: "合同债务：市场监管所牵头，司法所协办" }),
  rule({ category: "SC", leadUnitKind: "market", coUnitKinds: ["community_centre"], level: "street", note: "生产经营：市场监管所牵头，村（社区）协办" }),
  rule({ category: "SH", leadUnitKind: "community_centre", coUnitKinds: ["judicial"], level: "community", note: "损害赔偿：村（社区）牵头，司法所协办" }),
  rule({ category: "HJ", leadUnitKind: "street_centre", coUnitKinds: ["community_centre"], level: "street", note: "环境污染：无对口部门，社治中心统筹" }),
  // Everything else, and cases not yet classified: the community centre of the place. A case whose place is only
  // known to be in the street has no community centre: no unit resolves and it goes on the claim board.
  rule({ leadUnitKind: "community_centre", level: "community", note: "兜底：案件所在村（社区）二级中心" }),
];

/** Writes version 1 of the matrix when none exists (idempotent). Call once the units are seeded or not: rules name kinds. */
export async function seedRoutingMatrix(db: DbOrTx): Promise<{ created: boolean }> {
  const [version] = await db
    .insert(routingMatrixVersions)
    .values({ version: 1, note: "古塘街道默认职责矩阵", createdByLabel: "system:seed" })
    .onConflictDoNothing({ target: routingMatrixVersions.version })
    .returning({ id: routingMatrixVersions.id });
  if (!version) return { created: false };
  await db.insert(routingRules).values(GUTANG_MATRIX.map((r, i) => ({ ...r, versionId: version.id, position: i + 1 })));
  return { created: true };
}
