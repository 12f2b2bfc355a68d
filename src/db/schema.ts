// Every table, for drizzle's relational queries. Each domain folder owns its schema.ts.
export * from "../regions/schema.js";
export * from "../units/schema.js";
export * from "../accounts/schema.js";
export * from "../audit/schema.js";
export * from "../people/schema.js";
export * from "../cases/schema.js";
export * from "../intake/schema.js";
export * from "../routing/schema.js";
export * from "../tasks/schema.js";
export * from "../deadlines/schema.js";
export * from "../supervision/schema.js";
export * from "../assessment/schema.js";
export * from "../notifications/schema.js";
export * from "../mediation/schema.js";
export * from "../warnings/schema.js";
export * from "../follow-ups/schema.js";
export * from "../transfers/schema.js";
