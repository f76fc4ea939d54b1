CREATE TABLE "callback_note" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "callback_note_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"work_key" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"author_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_work" (
	"key" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"first_missed_at" timestamp with time zone NOT NULL,
	"missed_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"state_at" timestamp with time zone,
	"state_by_label" text,
	"assignee_id" text,
	"assignee_label" text,
	"assigned_at" timestamp with time zone,
	"assigned_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_work_state_check" CHECK ("callback_work"."state" in ('open', 'done', 'not_needed')),
	CONSTRAINT "callback_work_key_check" CHECK ("callback_work"."key" like "callback_work"."number" || '|%')
);
--> statement-breakpoint
ALTER TABLE "callback_note" ADD CONSTRAINT "callback_note_work_key_callback_work_key_fk" FOREIGN KEY ("work_key") REFERENCES "public"."callback_work"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_note_work_idx" ON "callback_note" USING btree ("work_key","at");--> statement-breakpoint
CREATE INDEX "callback_work_first_missed_idx" ON "callback_work" USING btree ("first_missed_at");--> statement-breakpoint
CREATE INDEX "callback_work_number_idx" ON "callback_work" USING btree ("number","first_missed_at");