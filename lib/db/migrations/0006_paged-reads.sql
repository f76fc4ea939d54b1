ALTER TABLE "stored_call" ADD COLUMN "compact" text;--> statement-breakpoint
CREATE INDEX "stored_call_duration_idx" ON "stored_call" USING btree ("duration" DESC NULLS LAST,"started_at","call_id");--> statement-breakpoint
CREATE INDEX "stored_call_charts_idx" ON "stored_call" USING btree ("started_at","dial_status","duration");