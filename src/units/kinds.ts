// Kinds of unit with their names. No database imports: the web app uses this too.
export const UNIT_KINDS = [
  "street_centre",
  "police",
  "judicial",
  "labour",
  "petition",
  "property",
  "market",
  "natural_resources",
  "traffic_police",
  "health",
  "court",
  "community_centre",
  "mediation_studio",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  street_centre: "街道社会治理中心",
  police: "派出所",
  judicial: "司法所",
  labour: "劳动保障所",
  petition: "信访办",
  property: "城建/物业管理办",
  market: "市场监管所",
  natural_resources: "自然资源所",
  traffic_police: "交警中队",
  health: "卫健办",
  court: "人民法庭",
  community_centre: "村（社区）二级中心",
  mediation_studio: "调解工作室/调解队",
};
