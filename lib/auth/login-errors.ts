/**
 * The sentences the sign-in page can show, by key (messages `login.errors.<key>`). Pure.
 * `?error=` comes from Better Auth's error redirect (its codes, lowercased, or the identity
 * provider's OAuth error); anything unknown shows the generic sentence, never the raw text.
 */
export const LOGIN_ERRORS = [
  "invalid_credentials",
  "rate_limited",
  "unavailable",
  "network",
  "access_denied",
  "account_not_linked",
  "role_refused",
  "account_disabled",
  "session_expired",
  "generic",
] as const;
export type LoginError = (typeof LOGIN_ERRORS)[number];

const FROM_QUERY: Readonly<Record<string, LoginError>> = {
  access_denied: "access_denied",
  account_not_linked: "account_not_linked",
  // Better Auth refuses to create a user the configuration does not allow.
  signup_disabled: "role_refused",
  role_refused: "role_refused",
  banned: "account_disabled",
  // the admin plugin's refusal of a disabled user's sign-on
  banned_user: "account_disabled",
  account_disabled: "account_disabled",
  session_expired: "session_expired",
};

export function loginErrorFromQuery(value: unknown): LoginError | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const key = value.toLowerCase();
  return Object.hasOwn(FROM_QUERY, key) ? FROM_QUERY[key] : "generic";
}

/** The sentence for a failed sign-in request, from its HTTP status. */
export function loginErrorFromStatus(status: number): LoginError {
  if (status === 401 || status === 400) return "invalid_credentials";
  if (status === 403) return "account_disabled";
  if (status === 429) return "rate_limited";
  return "unavailable";
}
