/**
 * The test identity provider's people and its one client. Fixed on purpose: tests sign in as
 * them, and nothing here protects anything outside a test.
 */
export interface TestUser {
  /** The id_token's `sub`. */
  id: string;
  email: string;
  name: string;
  password: string;
  groups: readonly string[];
}

export const TEST_USERS = {
  admin: {
    id: "u-admin",
    email: "ada.admin@callboard.test",
    name: "Ada Admin",
    password: "ada-admin-password",
    groups: ["callboard-admins", "staff"],
  },
  supervisor: {
    id: "u-supervisor",
    email: "sam.supervisor@callboard.test",
    name: "Sam Supervisor",
    password: "sam-supervisor-password",
    groups: ["cc-supervisors", "staff"],
  },
  user: {
    id: "u-user",
    email: "uri.user@callboard.test",
    name: "Uri User",
    password: "uri-user-password",
    groups: ["staff"],
  },
} as const satisfies Record<string, TestUser>;

/** CALLBOARD_OIDC_ROLE_MAP for these users: the plain user gets the default role. */
export const TEST_ROLE_MAP = "callboard-admins:admin,cc-supervisors:supervisor";

export const TEST_CLIENT = {
  id: "callboard",
  secret: "callboard-test-client-secret-not-for-production",
} as const;

export function findTestUser(login: string): TestUser | undefined {
  const wanted = login.trim().toLowerCase();
  return Object.values(TEST_USERS).find((u) => u.email === wanted || u.id === wanted);
}
