import * as z from "zod";

import {
  addUserSchema,
  changeUserSchema,
  createTokenSchema,
  TOKENS_PATH,
  USERS_PATH,
} from "@/lib/api/admin-requests";
import {
  adminSyncReportSchema,
  resyncRequestSchema,
  resyncResultSchema,
} from "@/lib/api/admin-sync";
import { exportRecordSchema, EXPORTS_PATH } from "@/lib/api/export-record";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_MAX_PAGE_SIZE } from "@/lib/audit/filters";
import { ROLES } from "@/lib/auth/roles";
import { AUDIT_ACTOR_KINDS } from "@/lib/db/schema/audit";

import {
  ACCESS_ERRORS,
  jsonContent,
  UPSTREAM_ERRORS,
  WRITE_ERRORS,
  type ApiOperation,
  type ApiParameter,
} from "../operation";

/** The admin routes: audit trail, users, API tokens, the call store's sync, and the export go-ahead. */

const instant = z.iso.datetime({ offset: true });
const role = z.enum(ROLES);

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: role.nullable(),
  disabled: z.boolean(),
  signIn: z.object({ password: z.boolean(), sso: z.boolean() }),
  createdAt: instant,
  lastSignInAt: instant.nullable(),
});

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role,
  createdAt: instant,
  createdBy: z.string().nullable(),
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});

const auditEventSchema = z.object({
  id: z.number().int(),
  at: instant,
  actorKind: z.enum(AUDIT_ACTOR_KINDS),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string().describe(`One of ${AUDIT_ACTIONS.join(", ")}.`),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

const auditParameters: ApiParameter[] = [
  {
    name: "user",
    in: "query",
    schema: z.string(),
    description: "An actor's id, or part of their e-mail or token name.",
  },
  {
    name: "action",
    in: "query",
    schema: z.enum(AUDIT_ACTIONS),
    list: true,
    description: "Only these actions.",
  },
  { name: "callId", in: "query", schema: z.string(), description: "Only entries about this call." },
  {
    name: "from",
    in: "query",
    schema: z.string(),
    description: "From this date (CALLBOARD_TIMEZONE) or instant with an offset.",
  },
  { name: "to", in: "query", schema: z.string(), description: "Up to this date or instant." },
  { name: "page", in: "query", schema: z.int().min(1), description: "The page, from 1." },
  {
    name: "pageSize",
    in: "query",
    schema: z.int().min(1).max(AUDIT_MAX_PAGE_SIZE),
    description: "Entries per page.",
  },
  {
    name: "format",
    in: "query",
    schema: z.enum(["json", "csv"]),
    description: "csv: every matching entry as a file (audited).",
  },
];

const idParameter = (name: string, what: string): ApiParameter => ({
  name,
  in: "path",
  required: true,
  schema: z.string(),
  description: `The ${what}'s id.`,
});

export const adminOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/audit",
    operationId: "listAuditEvents",
    tag: "admin",
    summary: "The audit trail, newest first (admin)",
    parameters: auditParameters,
    responses: {
      200: {
        description: "A page of entries, or with format=csv all of them as CSV.",
        content: {
          ...jsonContent(
            z.object({
              events: z.array(auditEventSchema),
              total: z.int(),
              page: z.int(),
              pageSize: z.int(),
            }),
            "AuditPage",
          ),
          "text/csv": {},
        },
      },
    },
    errors: ["bad_parameter", "internal_error", ...ACCESS_ERRORS],
  },
  {
    method: "post",
    path: EXPORTS_PATH,
    operationId: "recordExport",
    tag: "admin",
    summary: "Record a CSV export of calls before it is written (admin)",
    requestBody: {
      description: "The export's filters, rows and columns.",
      content: jsonContent(exportRecordSchema),
    },
    responses: {
      200: {
        description: "Recorded: go ahead.",
        content: jsonContent(z.object({ recorded: z.literal(true) })),
      },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: "get",
    path: USERS_PATH,
    operationId: "listUsers",
    tag: "admin",
    summary: "Every user (admin)",
    responses: {
      200: {
        description: "The users.",
        content: jsonContent(z.object({ users: z.array(userSchema) }), "Users"),
      },
    },
    errors: ["internal_error", ...ACCESS_ERRORS],
  },
  {
    method: "post",
    path: USERS_PATH,
    operationId: "addUser",
    tag: "admin",
    summary: "Add a local user (admin, audited)",
    requestBody: {
      description: "E-mail, name, role and password.",
      content: jsonContent(addUserSchema),
    },
    responses: {
      201: { description: "Added.", content: jsonContent(z.object({ user: userSchema })) },
    },
    errors: [...WRITE_ERRORS, "conflict"],
  },
  {
    method: "patch",
    path: `${USERS_PATH}/{userId}` as `/api/${string}`,
    operationId: "changeUser",
    tag: "admin",
    summary: "Re-role, disable or enable a user (admin, audited)",
    parameters: [idParameter("userId", "user")],
    requestBody: {
      description: "The new role, or disabled.",
      content: jsonContent(changeUserSchema),
    },
    responses: {
      200: { description: "Changed.", content: jsonContent(z.object({ user: userSchema })) },
    },
    errors: [...WRITE_ERRORS, "conflict", "not_found"],
  },
  {
    method: "get",
    path: TOKENS_PATH,
    operationId: "listTokens",
    tag: "admin",
    summary: "API tokens: the database's and the environment's (admin)",
    responses: {
      200: {
        description: "The tokens, never their values.",
        content: jsonContent(
          z.object({
            tokens: z.array(tokenSchema),
            environment: z.array(
              z.object({ label: z.string(), role, lastUsedAt: instant.nullable() }),
            ),
          }),
          "Tokens",
        ),
      },
    },
    errors: ["internal_error", ...ACCESS_ERRORS],
  },
  {
    method: "post",
    path: TOKENS_PATH,
    operationId: "createToken",
    tag: "admin",
    summary: "Create an API token, shown only in this answer (admin, audited)",
    requestBody: { description: "Its name and role.", content: jsonContent(createTokenSchema) },
    responses: {
      201: {
        description: "The token's value (the only time it is shown) and its summary.",
        content: jsonContent(z.object({ token: z.string(), summary: tokenSchema })),
      },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: "delete",
    path: `${TOKENS_PATH}/{tokenId}` as `/api/${string}`,
    operationId: "revokeToken",
    tag: "admin",
    summary: "Revoke an API token (admin, audited)",
    parameters: [idParameter("tokenId", "token")],
    responses: {
      200: { description: "Revoked.", content: jsonContent(z.object({ revoked: tokenSchema })) },
    },
    errors: [...WRITE_ERRORS, "not_found"],
  },
  {
    method: "get",
    path: "/api/admin/sync",
    operationId: "syncReport",
    tag: "admin",
    summary: "The call store's sync: health, coverage, requests per hour, last errors (admin)",
    responses: {
      200: {
        description: "The sync at a glance.",
        content: jsonContent(adminSyncReportSchema, "SyncReport"),
      },
    },
    errors: ["internal_error", ...ACCESS_ERRORS],
  },
  {
    method: "post",
    path: "/api/admin/sync/resync",
    operationId: "resync",
    tag: "admin",
    summary:
      "Fetch a range of the whole account again, replacing what the store holds (admin, audited)",
    requestBody: {
      description: "from and to: ISO-8601 instants, at most 7 days apart, within the retention.",
      content: jsonContent(resyncRequestSchema),
    },
    responses: { 200: { description: "Fetched.", content: jsonContent(resyncResultSchema) } },
    errors: [...WRITE_ERRORS, "store_disabled", "upstream_out_of_range", ...UPSTREAM_ERRORS],
  },
];
