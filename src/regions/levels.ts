// Levels of the region tree, top to bottom, with their names. No database imports: the web app uses this too.
export const REGION_LEVELS = ["province", "city", "county", "street", "community", "grid", "micro_grid"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_NAMES: Record<RegionLevel, string> = {
  province: "省",
  city: "市",
  county: "县（市、区）",
  street: "街道",
  community: "村（社区）",
  grid: "网格",
  micro_grid: "微网格",
};
