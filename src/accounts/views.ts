// Response shapes for accounts, shared with the web app.
import { z } from "zod";
import { ROLES } from "./roles.js";
import { UNIT_KINDS } from "../units/kinds.js";

export const Me = z.object({
  id: z.number(),
  kind: z.enum(["account", "token"]),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES).nullable(),
  roleName: z.string(),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) }).nullable(),
  region: z.object({ id: z.number(), code: z.string(), name: z.string(), path: z.string() }),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const AccountView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  regionNodeId: z.number(),
  regionName: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const TokenView = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  channel: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export type TokenView = z.infer<typeof TokenView>;
export const TokenList = z.object({ items: z.array(TokenView), scopes: z.array(z.object({ key: z.string(), name: z.string() })) });
export type TokenList = z.infer<typeof TokenList>;
