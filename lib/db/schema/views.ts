import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Saved views (issue 9, §5) and each person's preferences (the display zone, the default
 * view). Owners are principal ids (`user:<id>`, `token:<id>`, `proxy:<name>`; never the
 * shared `demo-visitor`), not a reference to Better Auth's user table: a token or a proxy
 * user may save views too, and Better Auth's tables stay as it made them.
 */
export const savedView = pgTable(
  "saved_view",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id").notNull(),
    // what people read in the "shared" group, copied in so it reads right after the owner is gone
    ownerLabel: text("owner_label").notNull(),
    name: text("name").notNull(),
    // a dashboard page's path and query (lib/views/view-url.ts), without the open call or a zone
    url: text("url").notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one name once per owner, whatever its case ("Missed today" and "missed today" collide)
    uniqueIndex("saved_view_owner_name_idx").on(t.ownerId, sql`lower(${t.name})`),
    index("saved_view_shared_idx").on(t.shared),
    check("saved_view_name_check", sql`char_length(${t.name}) between 1 and 80`),
    check("saved_view_url_check", sql`${t.url} like '/%'`),
  ],
);

export const userPreference = pgTable("user_preference", {
  // a principal id, as savedView.ownerId
  principalId: text("principal_id").primaryKey(),
  // an IANA zone; null: the browser's own zone (then CALLBOARD_TIMEZONE)
  timeZone: text("time_zone"),
  // what `/` opens; cleared when the view is deleted
  defaultViewId: text("default_view_id").references(() => savedView.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
