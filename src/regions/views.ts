// Response shapes for the region tree, shared with the web app.
import { z } from "zod";
import { REGION_LEVELS } from "./levels.js";

export { REGION_LEVEL_NAMES } from "./levels.js";


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
