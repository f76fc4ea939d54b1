"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Select } from "@/components/ui/select";
import { isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "@/i18n/locales";

const NAMES: Record<Locale, string> = { en: "English", he: "עברית" };

/** Remembers the choice in a cookie (read by i18n/request.ts) and re-renders in place. */
export function LanguageSwitcher() {
  const t = useTranslations("app");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: string) {
    if (!isLocale(next)) return;
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("language")}</span>
      <Select value={locale} disabled={pending} onChange={(event) => choose(event.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </Select>
    </label>
  );
}
