DROP INDEX "records_current_idx";--> statement-breakpoint
CREATE INDEX "records_channel_external_idx" ON "records" USING btree ("channel","external_id");