"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const SCOPES = ["account", "hierarchical", "department", "user"] as const;

/** IdentityCriteria: the whole account, a department (with or without those below), or one user. */
export function ScopeField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (scope: string | null) => void;
}) {
  const t = useTranslations("filters");
  const isUser = value?.toLowerCase().startsWith("user:") ?? false;
  const [kind, setKind] = useState<string>(isUser ? "user" : (value ?? "account"));
  const [userCode, setUserCode] = useState(isUser ? (value ?? "").slice(5) : "");

  function choose(next: string) {
    setKind(next);
    if (next === "user") {
      if (userCode) onChange(`user:${userCode}`);
    } else onChange(next === "account" ? null : next);
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        <span className="text-slate-500 dark:text-slate-400">{t("scope")}</span>
        <Select value={kind} onChange={(e) => choose(e.target.value)}>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`scopes.${s}`)}
            </option>
          ))}
        </Select>
      </label>
      {kind === "user" ? (
        <label className="flex items-center gap-1">
          <span className="sr-only">{t("userCode")}</span>
          <Input
            value={userCode}
            placeholder={t("userCode")}
            onChange={(e) => setUserCode(e.target.value)}
            onBlur={() => userCode && onChange(`user:${userCode.trim()}`)}
            className="w-28"
          />
        </label>
      ) : null}
    </div>
  );
}
