CREATE TABLE "saved_view" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"owner_label" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_view_name_check" CHECK (char_length("saved_view"."name") between 1 and 80),
	CONSTRAINT "saved_view_url_check" CHECK ("saved_view"."url" like '/%')
);
--> statement-breakpoint
CREATE TABLE "user_preference" (
	"principal_id" text PRIMARY KEY NOT NULL,
	"time_zone" text,
	"default_view_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_preference" ADD CONSTRAINT "user_preference_default_view_id_saved_view_id_fk" FOREIGN KEY ("default_view_id") REFERENCES "public"."saved_view"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_view_owner_name_idx" ON "saved_view" USING btree ("owner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "saved_view_shared_idx" ON "saved_view" USING btree ("shared");