DROP INDEX "record_people_person_idx";--> statement-breakpoint
DROP INDEX "records_case_idx";--> statement-breakpoint
CREATE INDEX "record_people_person_idx" ON "record_people" USING btree ("person_id") WHERE person_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "records_case_idx" ON "records" USING btree ("case_id") WHERE case_id IS NOT NULL;