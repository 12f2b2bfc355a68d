// Response shapes for the region tree, shared with the web app.
import { z } from "zod";
import { REGION_LEVELS } from "./schema.js";

export const REGION_LEVEL_NAMES: Record<(typeof REGION_LEVELS)[number], string> = {
  province: "省",
  city: "市",
  county: "县（市、区）",
  street: "街道",
  community: "村（社区）",
  grid: "网格",
  micro_grid: "微网格",
};

export const RegionNodeView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.enum(REGION_LEVELS),
  kind: z.string().nullable(),
  special: z.boolean(),
  parentId: z.number().nullable(),
  path: z.string(),
  childCount: z.number(),
  retired: z.boolean(),
});
export type RegionNodeView = z.infer<typeof RegionNodeView>;

export const RegionNodeDetail = RegionNodeView.extend({
  /** From the top of the tree down to the node's parent. */
  ancestors: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) })),
  children: z.array(RegionNodeView),
  attrs: z.record(z.string(), z.unknown()),
});
export type RegionNodeDetail = z.infer<typeof RegionNodeDetail>;
