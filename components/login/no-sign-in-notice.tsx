import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * Live mode in which nobody can sign in: which variables or command configure a method.
 * The names are code, the same in every language.
 */
export function NoSignInNotice({ apiTokens }: { apiTokens: boolean }) {
  const t = useTranslations("login.notice");
  return (
    <section className="flex flex-col gap-4 text-sm" data-testid="no-sign-in-notice">
      <p>{t("body")}</p>
      {apiTokens ? <p>{t("tokensOnly")}</p> : null}
      <ul className="flex flex-col gap-3">
        <Way title={t("oidc")}>
          <Code>CALLBOARD_OIDC_ISSUER</Code>, <Code>CALLBOARD_OIDC_CLIENT_ID</Code>,{" "}
          <Code>CALLBOARD_OIDC_CLIENT_SECRET</Code> ({t("oidcRoles")}{" "}
          <Code>CALLBOARD_OIDC_ROLE_MAP</Code>)
        </Way>
        <Way title={t("users")}>
          <Code>npm run users -- add &lt;email&gt; --role admin</Code>
        </Way>
        <Way title={t("tokens")}>
          <Code>CALLBOARD_API_TOKENS=admin:&lt;token&gt;,viewer:&lt;token&gt;</Code>
        </Way>
        <Way title={t("proxy")}>
          <Code>CALLBOARD_AUTH_PROXY_HEADER</Code>, <Code>CALLBOARD_AUTH_PROXY_GROUPS_HEADER</Code>,{" "}
          <Code>CALLBOARD_AUTH_PROXY_IPS</Code>
        </Way>
      </ul>
      <p>
        {t.rich("secret", {
          secret: () => <Code>CALLBOARD_AUTH_SECRET</Code>,
          baseUrl: () => <Code>CALLBOARD_BASE_URL</Code>,
        })}
      </p>
    </section>
  );
}

function Way({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li className="flex flex-col gap-1">
      <span className="font-medium">{title}</span>
      <span className="leading-relaxed">{children}</span>
    </li>
  );
}

function Code({ children }: { children: ReactNode }) {
  return (
    <code
      dir="ltr"
      className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs break-all dark:bg-slate-800"
    >
      {children}
    </code>
  );
}
