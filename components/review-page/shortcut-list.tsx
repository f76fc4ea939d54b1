"use client";

import { useTranslations } from "next-intl";

import { REVIEW_SHORTCUTS } from "./review-keys";

/** The page's keys, listed where one reads them. */
export function ShortcutList() {
  const t = useTranslations("review.shortcuts");
  return (
    <section aria-labelledby="review-keys-title" className="text-sm" data-testid="review-shortcuts">
      <h3 id="review-keys-title" className="mb-1 font-semibold">
        {t("heading")}
      </h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {REVIEW_SHORTCUTS.map(({ keys, action }) => (
          <div key={action} className="contents">
            <dt>
              {keys.map((key) => (
                <kbd
                  key={key}
                  className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
                >
                  {key === "space" ? t("space") : key}
                </kbd>
              ))}
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{t(action)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("typing")}</p>
    </section>
  );
}
