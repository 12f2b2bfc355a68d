CREATE TABLE "warning_feedback" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"warning_id" integer NOT NULL,
	"unit_id" integer,
	"measures" text NOT NULL,
	"by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_receipts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_receipts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"warning_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_label" text,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warnings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"trigger" text NOT NULL,
	"person_id" integer,
	"level" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'raised' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"feedback_due_at" timestamp with time zone,
	"first_feedback_at" timestamp with time zone,
	"supervision_order_id" integer,
	"supervised_at" timestamp with time zone,
	"outcome" text,
	"closed_by_label" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "follow_up_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_up_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category" text,
	"risk_level" text,
	"offsets_days" integer[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by_label" text DEFAULT '系统' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_up_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"offset_days" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_account_id" integer,
	"assignee_kind" text NOT NULL,
	"unit_id" integer,
	"status" text DEFAULT 'due' NOT NULL,
	"contact" text,
	"parties_state" text,
	"satisfaction" integer,
	"settled" boolean,
	"note" text,
	"outcome" text,
	"recurrence_case_id" integer,
	"done_at" timestamp with time zone,
	"done_by_label" text,
	"overdue_alerted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "police_transfers" (
	"record_id" bigint PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"basis" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"transferred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"police_unit_name" text,
	"officer_name" text,
	"police_result" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_score" real;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_factors" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_scored_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "warning_receipts_uq" ON "warning_receipts" USING btree ("warning_id","unit_id");--> statement-breakpoint
CREATE INDEX "warning_receipts_due_idx" ON "warning_receipts" USING btree ("ack_due_at") WHERE acknowledged_at IS NULL AND escalated_at IS NULL;--> statement-breakpoint
CREATE INDEX "warnings_case_idx" ON "warnings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "warnings_open_idx" ON "warnings" USING btree ("status","raised_at") WHERE status <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_open_uq" ON "warnings" USING btree ("case_id","trigger") WHERE status <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_visits_uq" ON "follow_up_visits" USING btree ("case_id","closed_at","offset_days");--> statement-breakpoint
CREATE INDEX "follow_up_visits_assignee_idx" ON "follow_up_visits" USING btree ("assignee_account_id","due_at") WHERE status = 'due';--> statement-breakpoint
CREATE INDEX "follow_up_visits_due_idx" ON "follow_up_visits" USING btree ("due_at") WHERE status = 'due' AND overdue_alerted_at IS NULL;--> statement-breakpoint
CREATE INDEX "follow_up_visits_case_idx" ON "follow_up_visits" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "police_transfers_case_idx" ON "police_transfers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "police_transfers_at_idx" ON "police_transfers" USING btree ("transferred_at");--> statement-breakpoint
CREATE INDEX "cases_risk_idx" ON "cases" USING btree ("risk_score") WHERE risk_level IN ('red', 'yellow') AND merged_into_id IS NULL;