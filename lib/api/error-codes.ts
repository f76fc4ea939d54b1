import * as z from "zod/mini";

/** The one error envelope of Callboard's API, as the browser reads it (zod/mini: small). */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
