/** The roles an account can have. Defined once; the UI imports the same list. */
export const ROLES = [
  "street_centre",
  "police",
  "unit_handler",
  "unit_leader",
  "mediator",
  "grid_worker",
  "leader",
  "admin",
  "citizen",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  street_centre: "社治中心工作人员",
  police: "民警",
  unit_handler: "承办单位经办人",
  unit_leader: "承办单位负责人",
  mediator: "调解员",
  grid_worker: "网格员",
  leader: "领导（只读指挥视图）",
  admin: "系统管理员",
  citizen: "群众",
};
