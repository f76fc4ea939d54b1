import * as z from "zod/mini";

import { isValidTimeZone } from "@/lib/time/time-zone";
import { savedViewUrl, VIEW_URL_MAX_LENGTH, viewNameProblem } from "@/lib/views/view-url";

/**
 * The saved views' and preferences' routes: request bodies (checked by the server, sent by
 * the views menu) and answers (parsed by the menu). Pure, zod/mini for the browser.
 */
export const VIEWS_PATH = "/api/views";
export const PREFERENCES_PATH = "/api/preferences";

const viewName = z.string().check(
  z.maxLength(1000),
  z.refine((name) => viewNameProblem(name) === null, {
    error: (issue) => viewNameProblem(String(issue.input)) ?? "is not a name",
  }),
);

const viewUrl = z.string().check(
  z.maxLength(VIEW_URL_MAX_LENGTH),
  z.refine((url) => savedViewUrl(url).ok, {
    error: (issue) => {
      const result = savedViewUrl(String(issue.input));
      return result.ok ? "is not a view" : result.message;
    },
  }),
);

const timeZone = z.string().check(
  z.maxLength(64),
  z.refine(
    (zone) => zone !== "" && isValidTimeZone(zone),
    "must be an IANA time zone, e.g. Asia/Jerusalem or UTC",
  ),
);

export const createViewSchema = z.object({
  name: viewName,
  url: viewUrl,
  /** Everyone may open it (only the owner and admins may change it). */
  shared: z.optional(z.boolean()),
  /** Also make it what `/` opens for the one saving it. */
  makeDefault: z.optional(z.boolean()),
});
export type CreateView = z.infer<typeof createViewSchema>;

export const changeViewSchema = z
  .object({
    name: z.optional(viewName),
    shared: z.optional(z.boolean()),
    /** Replace what it shows with another view (the current one). */
    url: z.optional(viewUrl),
  })
  .check(
    z.refine(
      (c) => c.name !== undefined || c.shared !== undefined || c.url !== undefined,
      "give name, shared or url",
    ),
  );
export type ChangeView = z.infer<typeof changeViewSchema>;

export const changePreferencesSchema = z
  .object({
    /** null: the browser's own zone again. */
    timeZone: z.optional(z.nullable(timeZone)),
    /** null: `/` opens /calls again. */
    defaultViewId: z.optional(
      z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, "is not a view's id"))),
    ),
  })
  .check(
    z.refine(
      (c) => c.timeZone !== undefined || c.defaultViewId !== undefined,
      "give timeZone or defaultViewId",
    ),
  );
export type ChangePreferences = z.infer<typeof changePreferencesSchema>;

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  shared: z.boolean(),
  owner: z.object({ label: z.string(), you: z.boolean() }),
  /** Whether the one asking may rename, re-share or delete it (its owner, or an admin). */
  canChange: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewsSchema = z.object({
  /** The asker's own views, shared or not. */
  mine: z.array(savedViewSchema),
  /** Other people's shared views. */
  shared: z.array(savedViewSchema),
  defaultViewId: z.nullable(z.string()),
  /** False for a demo visitor, who has no views or preferences of their own. */
  canSave: z.boolean(),
});
export type SavedViews = z.infer<typeof savedViewsSchema>;

export const preferencesSchema = z.object({
  timeZone: z.nullable(z.string()),
  defaultViewId: z.nullable(z.string()),
});
export type Preferences = z.infer<typeof preferencesSchema>;
