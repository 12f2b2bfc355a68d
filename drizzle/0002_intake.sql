CREATE TABLE "address_aliases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "address_aliases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"alias" text NOT NULL,
	"region_node_id" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "address_aliases_alias_unique" UNIQUE("alias")
);
--> statement-breakpoint
CREATE TABLE "intake_batches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intake_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"channel" text,
	"file_name" text,
	"actor_label" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"counts" jsonb DEFAULT '{"read":0,"accepted":0,"redelivered":0,"corrected":0,"quarantined":0}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quarantined_rows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quarantined_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"batch_id" bigint NOT NULL,
	"channel" text,
	"file_name" text,
	"line" integer,
	"row_index" integer,
	"content_hash" text NOT NULL,
	"raw_enc" text NOT NULL,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"record_id" bigint
);
--> statement-breakpoint
CREATE TABLE "raw_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "raw_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"raw_enc" text NOT NULL,
	"batch_id" bigint NOT NULL,
	"origin" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_people" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "record_people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"role" text NOT NULL,
	"name" text,
	"name_key" text,
	"title_only" boolean DEFAULT false NOT NULL,
	"is_organisation" boolean DEFAULT false NOT NULL,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"id_partial_hash" text,
	"id_status" text DEFAULT 'empty' NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"phone_status" text DEFAULT 'empty' NOT NULL,
	"company_name" text,
	"credit_code" text,
	"credit_code_valid" boolean,
	"address_text" text,
	"person_id" integer
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"raw_record_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"narrative" text NOT NULL,
	"narrative_key" text NOT NULL,
	"category_words" text[] NOT NULL,
	"amount" numeric(14, 2),
	"people_count" integer,
	"address_text" text,
	"address_normalised" text,
	"region_node_id" integer,
	"address_status" text NOT NULL,
	"address_confidence" real DEFAULT 0 NOT NULL,
	"address_evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"case_id" integer
);
--> statement-breakpoint
ALTER TABLE "address_aliases" ADD CONSTRAINT "address_aliases_region_node_id_region_nodes_id_fk" FOREIGN KEY ("region_node_id") REFERENCES "public"."region_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_region_node_id_region_nodes_id_fk" FOREIGN KEY ("region_node_id") REFERENCES "public"."region_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quarantined_rows_open_idx" ON "quarantined_rows" USING btree ("created_at") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "quarantined_rows_content_uq" ON "quarantined_rows" USING btree ("content_hash") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "raw_records_version_uq" ON "raw_records" USING btree ("channel","external_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "raw_records_content_uq" ON "raw_records" USING btree ("channel","external_id","content_hash");--> statement-breakpoint
CREATE INDEX "record_people_record_idx" ON "record_people" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "records_current_idx" ON "records" USING btree ("channel","external_id") WHERE is_current;--> statement-breakpoint
CREATE INDEX "records_region_idx" ON "records" USING btree ("region_node_id");--> statement-breakpoint
CREATE INDEX "records_reported_idx" ON "records" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "records_unresolved_idx" ON "records" USING btree ("id") WHERE address_status = 'unresolved' AND is_current;