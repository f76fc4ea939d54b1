import * as z from "zod/mini";

import { ROLES } from "@/lib/auth/roles";

/**
 * The bodies of the admin routes (/api/users, /api/tokens), shared by the server (which
 * checks them) and the admin pages (which send them). Pure, zod/mini for the browser.
 */
export const USERS_PATH = "/api/users";
export const TOKENS_PATH = "/api/tokens";

const role = z.enum(ROLES);

export const addUserSchema = z.object({
  email: z.string().check(z.maxLength(320)),
  name: z.optional(z.string().check(z.maxLength(200))),
  role,
  password: z.string().check(z.maxLength(128)),
});
export type AddUser = z.infer<typeof addUserSchema>;

export const changeUserSchema = z
  .object({ role: z.optional(role), disabled: z.optional(z.boolean()) })
  .check(
    z.refine((c) => c.role !== undefined || c.disabled !== undefined, "give role or disabled"),
  );
export type ChangeUser = z.infer<typeof changeUserSchema>;

export const createTokenSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  role,
});
export type CreateToken = z.infer<typeof createTokenSchema>;
