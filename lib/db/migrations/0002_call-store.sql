CREATE TABLE "call_coverage" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_coverage_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"filter_key" text DEFAULT '' NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"complete" boolean NOT NULL,
	"settled" boolean NOT NULL,
	CONSTRAINT "call_coverage_span_check" CHECK ("call_coverage"."to_at" > "call_coverage"."from_at")
);
--> statement-breakpoint
CREATE TABLE "call_sync_state" (
	"id" text PRIMARY KEY NOT NULL,
	"synced_to" timestamp with time zone,
	"last_cycle_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	"last_sweep_at" timestamp with time zone,
	"last_retention_at" timestamp with time zone,
	"leader" text,
	"leader_since" timestamp with time zone,
	"backfill" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_call" (
	"call_id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"cdr_type" integer,
	"dial_status" text,
	"duration" double precision,
	"ring_time" double precision,
	"price" double precision,
	"caller_number" text,
	"target_number" text,
	"did" text,
	"numbers" text[] NOT NULL,
	"caller_extension" text,
	"target_extension" text,
	"extensions" text[] NOT NULL,
	"representative_code" text,
	"representative_name" text,
	"user_name" text,
	"queue_name" text,
	"department_id" integer,
	"has_recording" boolean NOT NULL,
	"record" jsonb NOT NULL,
	"first_fetched_at" timestamp with time zone NOT NULL,
	"last_fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_call_rejection" (
	"key" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"call_id" text,
	"cdr_type" integer,
	"numbers" text[],
	"extensions" text[],
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_budget_claim" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upstream_budget_claim_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"instance" text NOT NULL,
	CONSTRAINT "upstream_budget_claim_purpose_check" CHECK ("upstream_budget_claim"."purpose" in ('interactive', 'sync', 'backfill'))
);
--> statement-breakpoint
CREATE TABLE "upstream_request" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upstream_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"instance" text NOT NULL,
	"from_at" timestamp with time zone,
	"to_at" timestamp with time zone,
	"records" integer,
	"total_hits" integer,
	"ms" integer NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	CONSTRAINT "upstream_request_purpose_check" CHECK ("upstream_request"."purpose" in ('interactive', 'sync', 'backfill'))
);
--> statement-breakpoint
CREATE INDEX "call_coverage_key_idx" ON "call_coverage" USING btree ("filter_key","to_at");--> statement-breakpoint
CREATE INDEX "stored_call_started_at_idx" ON "stored_call" USING btree ("started_at","call_id");--> statement-breakpoint
CREATE INDEX "stored_call_type_idx" ON "stored_call" USING btree ("cdr_type","started_at");--> statement-breakpoint
CREATE INDEX "stored_call_status_idx" ON "stored_call" USING btree ("dial_status","started_at");--> statement-breakpoint
CREATE INDEX "stored_call_agent_idx" ON "stored_call" USING btree ("representative_code","started_at");--> statement-breakpoint
CREATE INDEX "stored_call_queue_idx" ON "stored_call" USING btree ("queue_name","started_at");--> statement-breakpoint
CREATE INDEX "stored_call_did_idx" ON "stored_call" USING btree ("did","started_at");--> statement-breakpoint
CREATE INDEX "stored_call_numbers_idx" ON "stored_call" USING gin ("numbers");--> statement-breakpoint
CREATE INDEX "stored_call_extensions_idx" ON "stored_call" USING gin ("extensions");--> statement-breakpoint
CREATE INDEX "stored_call_rejection_at_idx" ON "stored_call_rejection" USING btree ("at");--> statement-breakpoint
CREATE INDEX "upstream_budget_claim_at_idx" ON "upstream_budget_claim" USING btree ("at");--> statement-breakpoint
CREATE INDEX "upstream_request_at_idx" ON "upstream_request" USING btree ("at");