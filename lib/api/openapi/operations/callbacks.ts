import * as z from "zod";

import {
  CALLBACK_ASSIGNEES_PATH,
  CALLBACK_LOOK_BACK_DAYS,
  CALLBACK_NOTES_PATH,
  CALLBACK_WORK_PATH,
  callbackAssigneesSchema,
  callbackChangeSchema,
  callbackNoteRequestSchema,
  callbackWorkListSchema,
  callbackWorkSchema,
} from "@/lib/api/callbacks";

import { ACCESS_ERRORS, jsonContent, WRITE_ERRORS, type ApiOperation } from "../operation";

/** The callback worklist's work: assignee, state and notes per row (supervisors). */

const ROW_KEY =
  "A row is named by its key `<phone key>|<first missed conversation id>`, sent with the number, the episode's first miss and the misses the page sees.";

export const callbacksOperations: ApiOperation[] = [
  {
    method: "get",
    path: CALLBACK_WORK_PATH,
    operationId: "listCallbackWork",
    tag: "callbacks",
    summary: "The callback worklist's work for a range (supervisor)",
    description: `Rows whose episode began in [from, to), and those begun up to ${CALLBACK_LOOK_BACK_DAYS} days before that were still open at its start. The rows themselves are computed from the calls.`,
    parameters: [
      {
        name: "from",
        in: "query",
        required: true,
        schema: z.iso.datetime({ offset: true }),
        description: "The view's start, an instant with an offset.",
      },
      {
        name: "to",
        in: "query",
        required: true,
        schema: z.iso.datetime({ offset: true }),
        description: "The view's end (exclusive); at most 400 days after from.",
      },
    ],
    responses: {
      200: {
        description: "The work, oldest episode first.",
        content: jsonContent(callbackWorkListSchema, "CallbackWorkList"),
      },
    },
    errors: ["bad_parameter", "internal_error", ...ACCESS_ERRORS],
  },
  {
    method: "post",
    path: CALLBACK_WORK_PATH,
    operationId: "changeCallbackWork",
    tag: "callbacks",
    summary: "Assign a worklist row or set its state (supervisor, audited)",
    description: `${ROW_KEY} assignee: \`me\`, a user id from ${CALLBACK_ASSIGNEES_PATH}, or null; state: open, done or not_needed.`,
    requestBody: {
      description: "The row and the change.",
      content: jsonContent(callbackChangeSchema),
    },
    responses: {
      200: {
        description: "The row's work after the change.",
        content: jsonContent(z.object({ work: callbackWorkSchema }), "CallbackWorkAnswer"),
      },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: "post",
    path: CALLBACK_NOTES_PATH,
    operationId: "addCallbackNote",
    tag: "callbacks",
    summary: "Add a note to a worklist row (supervisor, audited)",
    description: ROW_KEY,
    requestBody: {
      description: "The row and the note.",
      content: jsonContent(callbackNoteRequestSchema),
    },
    responses: {
      201: {
        description: "The row's work with the note.",
        content: jsonContent(z.object({ work: callbackWorkSchema })),
      },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: "get",
    path: CALLBACK_ASSIGNEES_PATH,
    operationId: "listCallbackAssignees",
    tag: "callbacks",
    summary: "Who a worklist row may be given to (supervisor)",
    responses: {
      200: {
        description: "The caller, and every enabled user whose role may work callbacks.",
        content: jsonContent(callbackAssigneesSchema, "CallbackAssignees"),
      },
    },
    errors: ["internal_error", ...ACCESS_ERRORS],
  },
];
