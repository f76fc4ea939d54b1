import * as z from "zod/mini";

import { CALLBACK_WORK_STATES } from "@/lib/callbacks/work-states";

/**
 * The callback worklist's routes and bodies, shared by the server (which checks them) and
 * the /callbacks page (which sends them and parses the answers). Pure, zod/mini for the
 * browser. A work row is named by its key `<phone key>|<first missed conversation id>`
 * (lib/analytics/callbacks.ts), sent with the number and the first miss's instant so the
 * server can keep them (a view whose range starts later finds the work by those).
 */
export const CALLBACK_WORK_PATH = "/api/callbacks/work";
export const CALLBACK_NOTES_PATH = "/api/callbacks/notes";
export const CALLBACK_ASSIGNEES_PATH = "/api/callbacks/assignees";

export const MAX_NOTE_LENGTH = 2000;
export const MAX_MISSED_IDS = 500;
/** How far before a view's start open work is still looked for (an episode begun earlier). */
export const CALLBACK_LOOK_BACK_DAYS = 31;

const PHONE_KEY = /^\d{5,20}$/;
const instant = z.iso.datetime({ offset: true });

/** Which row: its key, the number it starts with, and when its episode began. */
export const callbackRowRefSchema = z
  .object({
    key: z.string().check(z.minLength(7), z.maxLength(300)),
    number: z.string().check(z.regex(PHONE_KEY, "must be a phone key: 5–20 digits")),
    firstMissedAt: instant,
    /** The row's misses the page sees (conversation ids); kept as a union with those known. */
    missedIds: z
      .array(z.string().check(z.minLength(1), z.maxLength(128)))
      .check(z.maxLength(MAX_MISSED_IDS)),
  })
  .check(
    z.refine(
      (ref) => ref.key.startsWith(`${ref.number}|`) && ref.key.length > ref.number.length + 1,
      {
        message: "must be the number, a |, and the first missed conversation's id",
        path: ["key"],
      },
    ),
  );
export type CallbackRowRef = z.infer<typeof callbackRowRefSchema>;

/**
 * A change to a row's work: assign (`me`, a user's id from the assignees, or null to
 * unassign) and/or set its state. At least one.
 */
export const callbackChangeSchema = z
  .extend(callbackRowRefSchema, {
    assignee: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(200)))),
    state: z.optional(z.enum(CALLBACK_WORK_STATES)),
  })
  .check(
    z.refine((c) => c.assignee !== undefined || c.state !== undefined, "give assignee or state"),
  );
export type CallbackChange = z.infer<typeof callbackChangeSchema>;

export const callbackNoteRequestSchema = z.extend(callbackRowRefSchema, {
  text: z.string().check(
    z.maxLength(MAX_NOTE_LENGTH),
    z.refine((text) => text.trim().length > 0, "must not be empty"),
  ),
});
export type CallbackNoteRequest = z.infer<typeof callbackNoteRequestSchema>;

export const callbackNoteSchema = z.object({
  id: z.number(),
  text: z.string(),
  by: z.string(),
  at: instant,
});
export type CallbackNote = z.infer<typeof callbackNoteSchema>;

/** A row's work as everyone sees it. */
export const callbackWorkSchema = z.object({
  key: z.string(),
  number: z.string(),
  firstMissedAt: instant,
  missedIds: z.array(z.string()),
  state: z.enum(CALLBACK_WORK_STATES),
  stateAt: z.nullable(instant),
  stateBy: z.nullable(z.string()),
  assignee: z.nullable(z.object({ id: z.string(), label: z.string() })),
  assignedAt: z.nullable(instant),
  assignedBy: z.nullable(z.string()),
  /** Oldest first. */
  notes: z.array(callbackNoteSchema),
  updatedAt: instant,
});
export type CallbackWork = z.infer<typeof callbackWorkSchema>;

export const callbackWorkListSchema = z.object({ work: z.array(callbackWorkSchema) });

export const callbackAssigneeSchema = z.object({ id: z.string(), label: z.string() });
export type CallbackAssignee = z.infer<typeof callbackAssigneeSchema>;

export const callbackAssigneesSchema = z.object({
  /** The caller themselves first (`me`), then every user whose role may work callbacks. */
  me: callbackAssigneeSchema,
  users: z.array(callbackAssigneeSchema),
});
