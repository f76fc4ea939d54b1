"use client";

import { useTranslations } from "next-intl";
import { useId, type FormEvent } from "react";

import { formText } from "@/lib/form-text";

import { FIELD_CLASS, PRIMARY_BUTTON_CLASS } from "./login-styles";

const FIELDS = [
  { name: "email", type: "email", autoComplete: "username" },
  { name: "password", type: "password", autoComplete: "current-password" },
] as const;

export interface PasswordFormProps {
  pending: boolean;
  onSubmit: (email: string, password: string) => void;
}

export function PasswordForm({ pending, onSubmit }: PasswordFormProps) {
  const t = useTranslations("login");
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSubmit(formText(data, "email"), formText(data, "password"));
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t("passwordForm")}>
      {FIELDS.map((field) => (
        <Field key={field.name} id={`${id}-${field.name}`} label={t(field.name)} {...field} />
      ))}
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON_CLASS}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}

interface FieldProps {
  id: string;
  name: string;
  type: string;
  label: string;
  autoComplete: string;
}

function Field({ id, label, ...input }: FieldProps) {
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm">
      <span>{label}</span>
      {/* Addresses and passwords read left to right in Hebrew too. */}
      <input id={id} required dir="ltr" className={FIELD_CLASS} {...input} />
    </label>
  );
}
