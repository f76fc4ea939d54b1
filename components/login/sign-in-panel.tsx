"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { DEMO_PASSWORD, demoEmail } from "@/lib/auth/demo-accounts";
import type { LoginError } from "@/lib/auth/login-errors";
import type { Role } from "@/lib/auth/roles";

import { SECONDARY_BUTTON_CLASS } from "./login-styles";
import { PasswordForm } from "./password-form";
import { signInWithPassword, signInWithProvider, type SignInOutcome } from "./sign-in-requests";

export interface SignInPanelProps {
  /** Where to go once signed in: a same-origin path, already validated on the server. */
  next: string;
  /** From `?error=` (a failed redirect sign-in). */
  initialError: LoginError | undefined;
  provider: { id: string; name: string } | undefined;
  password: boolean;
  demoRoles: readonly Role[];
}

/** The ways to sign in, with one error line for all of them. */
export function SignInPanel({
  next,
  initialError,
  provider,
  password,
  demoRoles,
}: SignInPanelProps) {
  const t = useTranslations("login");
  const [error, setError] = useState<LoginError | undefined>(initialError);
  const [pending, setPending] = useState<string | undefined>();

  async function attempt(which: string, request: () => Promise<SignInOutcome>) {
    setPending(which);
    setError(undefined);
    const result = await request();
    if (result.ok) {
      window.location.assign(result.location);
      return;
    }
    setPending(undefined);
    setError(result.error);
  }

  return (
    <div className="flex flex-col gap-5">
      <p
        role="alert"
        className="min-h-5 text-sm text-red-700 empty:min-h-0 dark:text-red-400"
        data-testid="login-error"
      >
        {error ? t(`errors.${error}`) : null}
      </p>
      {demoRoles.length > 0 ? (
        <section aria-labelledby="demo-sign-ins" className="flex flex-col gap-2">
          <h3 id="demo-sign-ins" className="text-sm font-medium">
            {t("demoIntro")}
          </h3>
          <ul className="flex flex-col gap-2">
            {demoRoles.map((role) => (
              <li key={role}>
                <button
                  type="button"
                  disabled={pending !== undefined}
                  onClick={() =>
                    void attempt(role, () =>
                      signInWithPassword(demoEmail(role), DEMO_PASSWORD, next),
                    )
                  }
                  className={`${SECONDARY_BUTTON_CLASS} flex w-full flex-col items-start text-start`}
                  data-testid={`demo-sign-in-${role}`}
                >
                  <span>{t("demoAs", { role: t(`roles.${role}`) })}</span>
                  <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                    {t(`roleHints.${role}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {provider ? (
        <button
          type="button"
          disabled={pending !== undefined}
          onClick={() => void attempt("provider", () => signInWithProvider(provider.id, next))}
          className={SECONDARY_BUTTON_CLASS}
          data-testid="provider-sign-in"
        >
          {t("withProvider", { provider: provider.name })}
        </button>
      ) : null}
      {password && (provider || demoRoles.length > 0) ? (
        <p className="flex items-center gap-3 text-xs text-slate-600 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300 dark:text-slate-400 dark:before:bg-slate-700 dark:after:bg-slate-700">
          {t("or")}
        </p>
      ) : null}
      {password ? (
        <PasswordForm
          pending={pending === "password"}
          onSubmit={(email, secret) =>
            void attempt("password", () => signInWithPassword(email, secret, next))
          }
        />
      ) : null}
    </div>
  );
}
