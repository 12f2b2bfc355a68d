// Every table, for drizzle's relational queries. Each domain folder owns its schema.ts.
export * from "../regions/schema.js";
export * from "../units/schema.js";
export * from "../accounts/schema.js";
export * from "../audit/schema.js";
export * from "../people/schema.js";
export * from "../cases/schema.js";
export * from "../intake/schema.js";
