import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { AppHeader } from "@/components/layout/app-header";
import { NoSignInNotice } from "@/components/login/no-sign-in-notice";
import { SignInPanel } from "@/components/login/sign-in-panel";
import { localUserCount } from "@/lib/auth/access-state";
import { authConfig } from "@/lib/auth/config";
import { resolveAccess } from "@/lib/auth/get-principal";
import { loginErrorFromQuery } from "@/lib/auth/login-errors";
import { loginOptions } from "@/lib/auth/login-options";
import { afterSignIn, DEFAULT_AFTER_SIGN_IN } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: `${t("title")} · Callboard` };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations("login");
  const config = authConfig();
  const options = loginOptions(config, config.mode === "live" && (await localUserCount()) > 0);
  const next = afterSignIn(params.next);
  const demo = options.mode === "demo";
  // someone already signed in (live mode) goes on to where they were headed
  if (!demo && !options.notConfigured && params.error === undefined) {
    const access = await resolveAccess({ headers: new Headers(await headers()) }, "page");
    if (access.principal?.kind === "user") redirect(next);
  }
  return (
    <>
      <AppHeader mode={options.mode} />
      <main className="mx-auto flex w-full max-w-md flex-col gap-5 px-4 py-8 sm:py-12">
        <h2 className="text-xl font-semibold">
          {options.notConfigured ? t("notice.title") : t("title")}
        </h2>
        {options.notConfigured ? (
          <NoSignInNotice apiTokens={options.apiTokens} />
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {demo ? t("demoLead") : t("lead")}
            </p>
            <SignInPanel
              next={next}
              initialError={loginErrorFromQuery(params.error)}
              provider={options.provider}
              password={options.password}
              demoRoles={options.demoRoles}
            />
          </>
        )}
        {demo ? (
          <a
            href={next}
            className="text-sm text-sky-800 underline underline-offset-2 dark:text-sky-300"
            data-testid="continue-as-visitor"
          >
            {t("continueVisitor")}
          </a>
        ) : null}
        {next !== DEFAULT_AFTER_SIGN_IN && !options.notConfigured ? (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="return-note">
            {t("returnTo")}
          </p>
        ) : null}
      </main>
    </>
  );
}
