import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import type { Role } from "./roles";

/**
 * What one request to Better Auth's routes learns on the way (the role the provider's groups
 * map to, found while checking the profile) for the hooks that act later in the same request
 * (creating the user, opening the session). On globalThis: the instance that registered the
 * hooks may come from another copy of this module than the route that runs the request.
 */
export interface SignInContext {
  oidcRole?: Role;
}

const slot = Symbol.for("callboard.sign-in-context");
const registry = globalThis as { [slot]?: AsyncLocalStorage<SignInContext> };
const storage = (registry[slot] ??= new AsyncLocalStorage<SignInContext>());

export function withSignInContext<T>(run: () => Promise<T>): Promise<T> {
  return storage.run({}, run);
}

export function signInContext(): SignInContext | undefined {
  return storage.getStore();
}
