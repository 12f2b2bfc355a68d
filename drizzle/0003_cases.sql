CREATE TABLE "case_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"from_case_id" integer NOT NULL,
	"to_case_id" integer NOT NULL,
	"record_ids" bigint[] NOT NULL,
	"reason" text NOT NULL,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_matches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"case_id" integer NOT NULL,
	"matched_record_id" bigint,
	"decision" text NOT NULL,
	"score" real DEFAULT 0 NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" text DEFAULT 'auto' NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labelled_examples" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "labelled_examples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"text" text NOT NULL,
	"category" text NOT NULL,
	"channel_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"case_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "possible_duplicates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "possible_duplicates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"case_id" integer NOT NULL,
	"candidate_case_id" integer NOT NULL,
	"score" real NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "records_region_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "category_confidence" real;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "category_source" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "needs_triage" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "first_reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "last_reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "record_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "recurrence_of_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "root_case_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "surname" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "id_partial_hash" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "credit_code" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "community_id" integer;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
CREATE INDEX "case_matches_record_idx" ON "case_matches" USING btree ("record_id") WHERE current;--> statement-breakpoint
CREATE INDEX "case_matches_case_idx" ON "case_matches" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "possible_duplicates_open_idx" ON "possible_duplicates" USING btree ("created_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "cases_triage_idx" ON "cases" USING btree ("id") WHERE needs_triage AND merged_into_id IS NULL;--> statement-breakpoint
CREATE INDEX "people_partial_idx" ON "people" USING btree ("id_partial_hash");--> statement-breakpoint
CREATE INDEX "people_credit_idx" ON "people" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name_key","community_id");--> statement-breakpoint
CREATE INDEX "record_people_person_idx" ON "record_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "records_case_idx" ON "records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "records_pending_idx" ON "records" USING btree ("reported_at") WHERE case_id IS NULL AND is_current;--> statement-breakpoint
CREATE INDEX "records_region_idx" ON "records" USING btree ("region_node_id","reported_at");