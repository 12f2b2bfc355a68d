import { z } from "zod";
import { UNIT_KINDS, type UnitKind } from "./schema.js";

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

export const UnitView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  kindName: z.string(),
  regionNodeId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  active: z.boolean(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitInput = z.object({
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9_-]+$/, "代码只能包含字母、数字、-、_"),
  name: z.string().trim().min(2).max(60),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.string().trim().min(2).max(40),
  active: z.boolean().default(true),
});
export const UnitPatch = UnitInput.partial().omit({ code: true });
