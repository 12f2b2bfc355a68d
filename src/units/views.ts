import { z } from "zod";
import { UNIT_KINDS } from "./kinds.js";

export { UNIT_KIND_NAMES } from "./kinds.js";


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
