import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";

import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";
import { loadMessages } from "./messages";

/** The user's remembered choice (cookie) wins; otherwise the browser's Accept-Language. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale) };
});
