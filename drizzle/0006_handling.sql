CREATE TABLE "assessment_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_code" text NOT NULL,
	"unit_id" integer,
	"account_id" integer,
	"points" real NOT NULL,
	"case_id" integer,
	"task_id" integer,
	"source_kind" text NOT NULL,
	"source_id" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_routings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_routings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"version_id" integer,
	"rule_id" integer,
	"lead_unit_id" integer,
	"co_unit_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"level" text NOT NULL,
	"via" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"decided_by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_matrix_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "routing_matrix_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_matrix_versions_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "routing_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version_id" integer NOT NULL,
	"position" integer NOT NULL,
	"category" text,
	"region_node_id" integer,
	"min_amount" numeric(14, 2),
	"min_people" integer,
	"channel" text,
	"risk_level" text,
	"lead_unit_id" integer,
	"lead_unit_kind" text,
	"co_unit_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" text NOT NULL,
	"open_call" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"task_id" integer,
	"unit_id" integer,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_label" text NOT NULL,
	"actor_account_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"actor_label" text NOT NULL,
	"won" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"unit_id" integer,
	"role" text NOT NULL,
	"lead_task_id" integer,
	"level" text NOT NULL,
	"state" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"assigned_via" text,
	"routing_id" bigint,
	"eligible_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"claim_deadline" timestamp with time zone,
	"posted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"resolution" text,
	"report" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "workflow_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"workflow" text NOT NULL,
	"step_key" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"owner_kind" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_label" text,
	"done_by_unit_id" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deadline_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"stage" text NOT NULL,
	"tier" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deadline_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"stage" text NOT NULL,
	"category" text,
	"level" text,
	"urgency" text,
	"channel" text,
	"amount" real NOT NULL,
	"unit" text NOT NULL,
	"yellow_at" real DEFAULT 0.5 NOT NULL,
	"red_at" real DEFAULT 0.8 NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "extension_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"stage" text NOT NULL,
	"working_days" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_label" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "task_deadlines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_deadlines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"stage" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"yellow_at" timestamp with time zone NOT NULL,
	"red_at" timestamp with time zone NOT NULL,
	"rule_id" integer,
	"basis" text NOT NULL,
	"extended_days" integer DEFAULT 0 NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"task_id" integer,
	"unit_id" integer NOT NULL,
	"demand" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text NOT NULL,
	"issued_by_label" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response" text,
	"responded_by_label" text,
	"responded_at" timestamp with time zone,
	"closing_note" text,
	"closed_by_label" text,
	"closed_at" timestamp with time zone,
	"escalated_to_unit_id" integer,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"case_id" integer,
	"task_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unit_webhooks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_webhooks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"url" text NOT NULL,
	"secret_enc" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"webhook_id" integer NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "handling_level" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_version_id_routing_matrix_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."routing_matrix_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_entries_uq" ON "assessment_entries" USING btree ("rule_code","source_kind","source_id",coalesce("unit_id", 0),coalesce("account_id", 0));--> statement-breakpoint
CREATE INDEX "assessment_entries_unit_idx" ON "assessment_entries" USING btree ("unit_id","occurred_at");--> statement-breakpoint
CREATE INDEX "assessment_entries_account_idx" ON "assessment_entries" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_routings_case_idx" ON "case_routings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "routing_rules_version_idx" ON "routing_rules" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "tasks_case_idx" ON "tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tasks_unit_open_idx" ON "tasks" USING btree ("unit_id","state") WHERE state NOT IN ('closed', 'returned');--> statement-breakpoint
CREATE INDEX "tasks_board_idx" ON "tasks" USING btree ("claim_deadline") WHERE state = 'posted';--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_one_open_lead_uq" ON "tasks" USING btree ("case_id") WHERE role = 'lead' AND state NOT IN ('closed', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_steps_uq" ON "workflow_steps" USING btree ("case_id","step_key");--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_alerts_uq" ON "deadline_alerts" USING btree ("task_id","stage","tier","due_at");--> statement-breakpoint
CREATE INDEX "extension_requests_pending_idx" ON "extension_requests" USING btree ("requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_deadlines_uq" ON "task_deadlines" USING btree ("task_id","stage");--> statement-breakpoint
CREATE INDEX "task_deadlines_open_idx" ON "task_deadlines" USING btree ("yellow_at") WHERE done_at IS NULL;--> statement-breakpoint
CREATE INDEX "supervision_orders_unit_idx" ON "supervision_orders" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "supervision_orders_case_idx" ON "supervision_orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("account_id") WHERE read_at IS NULL;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_hook_idx" ON "webhook_deliveries" USING btree ("webhook_id","id");