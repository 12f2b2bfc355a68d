// Display names the web app needs from modules it cannot import: src/regions/views.ts, src/units/views.ts and
// src/cases/views.ts import their drizzle schema files, which must stay out of the browser bundle.
// The keys are checked against the server's lists; the names must match the server's maps.
// TODO(lead): move REGION_LEVEL_NAMES, UNIT_KIND_NAMES and CASE_STATUS_NAMES (with their key lists) into
// drizzle-free modules, import them here, and delete this file.
import type { CASE_STATUSES } from "../../cases/schema.js";
import type { RegionLevel } from "../../regions/schema.js";
import type { UnitKind } from "../../units/schema.js";

export const REGION_LEVEL_NAMES = {
  province: "省",
  city: "市",
  county: "县（市、区）",
  street: "街道",
  community: "村（社区）",
  grid: "网格",
  micro_grid: "微网格",
} satisfies Record<RegionLevel, string>;

export const UNIT_KIND_NAMES = {
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
} satisfies Record<UnitKind, string>;

export const CASE_STATUS_NAMES = {
  open: "待处置",
  in_progress: "处置中",
  resolved: "已化解",
  closed: "已办结",
} satisfies Record<(typeof CASE_STATUSES)[number], string>;
