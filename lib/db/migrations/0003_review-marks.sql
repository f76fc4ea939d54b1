CREATE TABLE "review_mark" (
	"call_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"reviewer_label" text NOT NULL,
	"status" text NOT NULL,
	"score" smallint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_mark_call_id_reviewer_id_pk" PRIMARY KEY("call_id","reviewer_id"),
	CONSTRAINT "review_mark_status_check" CHECK ("review_mark"."status" in ('reviewed', 'flagged')),
	CONSTRAINT "review_mark_score_check" CHECK ("review_mark"."score" is null or "review_mark"."score" between 1 and 5),
	CONSTRAINT "review_mark_note_check" CHECK ("review_mark"."note" is null or char_length("review_mark"."note") <= 2000),
	CONSTRAINT "review_mark_flag_note_check" CHECK ("review_mark"."status" <> 'flagged' or "review_mark"."note" is not null)
);
--> statement-breakpoint
CREATE INDEX "review_mark_reviewer_idx" ON "review_mark" USING btree ("reviewer_id","updated_at");