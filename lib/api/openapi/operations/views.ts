import * as z from "zod";

import type { ApiErrorCode } from "@/lib/api/error-codes";
import {
  changePreferencesSchema,
  changeViewSchema,
  createViewSchema,
  PREFERENCES_PATH,
  preferencesSchema,
  savedViewSchema,
  savedViewsSchema,
  VIEWS_PATH,
} from "@/lib/api/saved-views";

import {
  ACCESS_ERRORS,
  jsonContent,
  WRITE_ERRORS,
  type ApiOperation,
  type ApiParameter,
} from "../operation";

/** Saved views (personal or shared) and each person's preferences: display zone, default view. */

const READ_ERRORS = ["internal_error", ...ACCESS_ERRORS] as const satisfies readonly ApiErrorCode[];

const viewId: ApiParameter = {
  name: "viewId",
  in: "path",
  required: true,
  schema: z.string(),
  description: "The saved view's id.",
};

const RULES =
  "Anyone who may see calls saves their own views and opens everyone's shared ones; a view's owner or an admin may rename, re-share, replace or delete it (403 otherwise; another person's personal view is 404). A demo visitor keeps nothing (403). Changes to views others can open, and changes by someone other than the owner, are audited.";

export const viewsOperations: ApiOperation[] = [
  {
    method: "get",
    path: VIEWS_PATH,
    operationId: "listSavedViews",
    tag: "views",
    summary: "The caller's saved views, everyone's shared ones, and the default view",
    responses: {
      200: { description: "By name.", content: jsonContent(savedViewsSchema, "SavedViews") },
    },
    errors: READ_ERRORS,
  },
  {
    method: "post",
    path: VIEWS_PATH,
    operationId: "saveView",
    tag: "views",
    summary: "Save a view under a name (unique per owner, whatever its case)",
    description: `The URL is a dashboard page and its query; the open call (call) and a display zone (tz) are left out. ${RULES}`,
    requestBody: {
      description: "Its name, URL, whether it is shared, and whether `/` opens it.",
      content: jsonContent(createViewSchema),
    },
    responses: {
      201: {
        description: "Saved.",
        content: jsonContent(z.object({ view: savedViewSchema }), "SavedView"),
      },
    },
    errors: [...WRITE_ERRORS, "conflict"],
  },
  {
    method: "patch",
    path: `${VIEWS_PATH}/{viewId}` as `/api/${string}`,
    operationId: "changeSavedView",
    tag: "views",
    summary: "Rename, share or unshare, or replace a saved view (its owner or an admin)",
    description: RULES,
    parameters: [viewId],
    requestBody: {
      description: "A new name, sharing, or URL.",
      content: jsonContent(changeViewSchema),
    },
    responses: {
      200: { description: "Changed.", content: jsonContent(z.object({ view: savedViewSchema })) },
    },
    errors: [...WRITE_ERRORS, "conflict", "not_found"],
  },
  {
    method: "delete",
    path: `${VIEWS_PATH}/{viewId}` as `/api/${string}`,
    operationId: "deleteSavedView",
    tag: "views",
    summary: "Delete a saved view (its owner or an admin)",
    description: `Whoever had it as their default view gets /calls at / again. ${RULES}`,
    parameters: [viewId],
    responses: {
      200: {
        description: "Deleted.",
        content: jsonContent(z.object({ deleted: savedViewSchema })),
      },
    },
    errors: [...WRITE_ERRORS, "not_found"],
  },
  {
    method: "get",
    path: PREFERENCES_PATH,
    operationId: "readPreferences",
    tag: "views",
    summary: "The caller's display zone and default view",
    description:
      "The zone times are shown in: a link's tz parameter, else this zone, else the browser's own, else CALLBOARD_TIMEZONE. Null fields: not chosen.",
    responses: {
      200: {
        description: "The preferences.",
        content: jsonContent(preferencesSchema, "Preferences"),
      },
    },
    errors: READ_ERRORS,
  },
  {
    method: "patch",
    path: PREFERENCES_PATH,
    operationId: "changePreferences",
    tag: "views",
    summary: "Remember a display zone or the view `/` opens (null forgets it)",
    requestBody: {
      description: "An IANA zone and/or a saved view's id the caller may open.",
      content: jsonContent(changePreferencesSchema),
    },
    responses: { 200: { description: "Remembered.", content: jsonContent(preferencesSchema) } },
    errors: [...WRITE_ERRORS, "not_found"],
  },
];
