"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { USERS_PATH, type AddUser } from "@/lib/api/admin-requests";
import { sendJson } from "@/lib/api/send-json";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { isRole } from "@/lib/auth/roles";
import { formText } from "@/lib/form-text";

import { FormCard } from "./form-card";
import { RoleSelect } from "./role-select";
import { useAdminRequest } from "./use-admin-request";

/** Adds a local user; the page reloads its list once the server has it. */
export function AddUserForm({ onAdded }: { onAdded: (email: string) => void }) {
  const t = useTranslations("admin.users.add");
  const request = useAdminRequest();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const role = formText(data, "role");
    const body: AddUser = {
      email: formText(data, "email"),
      name: formText(data, "name") || undefined,
      role: isRole(role) ? role : "viewer",
      password: formText(data, "password"),
    };
    if ((await request.run(() => sendJson("POST", USERS_PATH, body))) === undefined) return;
    form.reset();
    onAdded(body.email);
  }

  return (
    <FormCard title={t("title")}>
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
          <RoleSelect name="role" defaultValue="viewer" />
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
          <Button type="submit" variant="primary" disabled={request.pending}>
            {request.pending ? t("pending") : t("submit")}
          </Button>
          <p
            role="alert"
            className="text-sm text-red-700 dark:text-red-400"
            data-testid="add-user-problem"
          >
            {request.problem}
          </p>
        </div>
      </form>
    </FormCard>
  );
}
