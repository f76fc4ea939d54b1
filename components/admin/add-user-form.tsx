"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { USERS_PATH, type AddUser } from "@/lib/api/admin-requests";
import { sendJson } from "@/lib/api/send-json";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { isRole, ROLES } from "@/lib/auth/roles";
import { formText } from "@/lib/form-text";

import { useAdminError } from "./admin-error";

/** Adds a local user; the page reloads its list once the server has it. */
export function AddUserForm({ onAdded }: { onAdded: (email: string) => void }) {
  const t = useTranslations("admin.users.add");
  const tr = useTranslations("login.roles");
  const explain = useAdminError();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => formText(data, name);
    const role = text("role");
    const body: AddUser = {
      email: text("email"),
      name: text("name") || undefined,
      role: isRole(role) ? role : "viewer",
      password: text("password"),
    };
    setPending(true);
    setProblem(undefined);
    const result = await sendJson("POST", USERS_PATH, body);
    setPending(false);
    if (!result.ok) return setProblem(explain(result));
    form.reset();
    onAdded(body.email);
  }

  return (
    <Card as="section" aria-labelledby={`${id}-title`} className="flex flex-col gap-3 p-4">
      <h3 id={`${id}-title`} className="font-semibold">
        {t("title")}
      </h3>
      <form
        onSubmit={(e) => void submit(e)}
        className="grid gap-3 sm:grid-cols-2"
        data-testid="add-user-form"
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("email")}
          <Input name="email" type="email" required autoComplete="off" dir="ltr" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("name")}
          <Input name="name" autoComplete="off" dir="auto" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("role")}
          <Select name="role" defaultValue="viewer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tr(role)}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("password", { min: MIN_PASSWORD_LENGTH })}
          <Input
            name="password"
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            dir="ltr"
          />
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? t("pending") : t("submit")}
          </Button>
          <p
            role="alert"
            className="text-sm text-red-700 dark:text-red-400"
            data-testid="add-user-problem"
          >
            {problem}
          </p>
        </div>
      </form>
    </Card>
  );
}
