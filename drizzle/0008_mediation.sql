CREATE TABLE "agreements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"number" text NOT NULL,
	"parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facts" text NOT NULL,
	"terms" text NOT NULL,
	"performance_deadline" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"mediator_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	"performed_at" timestamp with time zone,
	"follow_up_at" timestamp with time zone,
	CONSTRAINT "agreements_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "judicial_confirmations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "judicial_confirmations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"court_unit_id" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by_label" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record" text DEFAULT '' NOT NULL,
	"outcome" text,
	"reminded_at" timestamp with time zone,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"held_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mediation_stage_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_stage_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text NOT NULL,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_team_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_team_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"team_id" integer NOT NULL,
	"mediator_id" integer NOT NULL,
	"role" text NOT NULL,
	"brings" text DEFAULT '' NOT NULL,
	"score" real DEFAULT 0 NOT NULL,
	"breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"formed_by" text NOT NULL,
	"formed_by_label" text NOT NULL,
	"formed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mediator_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediator_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"mediator_id" integer NOT NULL,
	"requested_by_label" text NOT NULL,
	"requested_by_account_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"other_party_told_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"account_id" integer,
	"person_id" integer,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"birth_year" integer,
	"gender" text,
	"years_experience" integer DEFAULT 0 NOT NULL,
	"dialects" text[] DEFAULT '{}'::text[] NOT NULL,
	"home_region_node_id" integer,
	"unit_id" integer,
	"studio_unit_id" integer,
	"grade" text DEFAULT 'standard' NOT NULL,
	"available_days" integer[] DEFAULT '{1,2,3,4,5}'::int[] NOT NULL,
	"leave_from" date,
	"leave_to" date,
	"employer_credit_code" text,
	"bio" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"target_unit_id" integer,
	"target_name" text NOT NULL,
	"guidance" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "mediation_stage" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judicial_confirmations" ADD CONSTRAINT "judicial_confirmations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_team_members" ADD CONSTRAINT "mediation_team_members_team_id_mediation_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."mediation_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_team_members" ADD CONSTRAINT "mediation_team_members_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_teams" ADD CONSTRAINT "mediation_teams_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_case_idx" ON "agreements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "agreements_due_idx" ON "agreements" USING btree ("performance_deadline") WHERE status = 'signed';--> statement-breakpoint
CREATE INDEX "mediation_sessions_case_idx" ON "mediation_sessions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_sessions_due_idx" ON "mediation_sessions" USING btree ("scheduled_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "mediation_stage_changes_case_idx" ON "mediation_stage_changes" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_team_members_uq" ON "mediation_team_members" USING btree ("team_id","mediator_id");--> statement-breakpoint
CREATE INDEX "mediation_team_members_mediator_idx" ON "mediation_team_members" USING btree ("mediator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_teams_active_uq" ON "mediation_teams" USING btree ("case_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "mediator_requests_mediator_idx" ON "mediator_requests" USING btree ("mediator_id","status");--> statement-breakpoint
CREATE INDEX "mediators_home_idx" ON "mediators" USING btree ("home_region_node_id");--> statement-breakpoint
CREATE INDEX "mediators_fields_idx" ON "mediators" USING gin ("fields");--> statement-breakpoint
CREATE UNIQUE INDEX "mediators_account_uq" ON "mediators" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");