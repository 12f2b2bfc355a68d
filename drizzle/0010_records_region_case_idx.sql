-- Case formation's place candidates (CANDIDATES_BY_PLACE in cases/formation/form-record.ts) answered from the index
-- alone: formed, current records by place and time, carrying their case. Partial, so intake (case_id still NULL)
-- pays nothing for it; formation adds the entry when it sets case_id. Not expressible in the drizzle schema (INCLUDE).
CREATE INDEX IF NOT EXISTS "records_region_case_idx" ON "records" ("region_node_id", "reported_at") INCLUDE ("case_id") WHERE is_current AND case_id IS NOT NULL;
