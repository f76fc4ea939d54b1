"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";

import { Select } from "@/components/ui/select";
import { ROLES } from "@/lib/auth/roles";

/** A choice of the three roles, by their names in the page's language. */
export function RoleSelect(props: Omit<ComponentProps<typeof Select>, "children">) {
  const tr = useTranslations("login.roles");
  return (
    <Select {...props}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {tr(role)}
        </option>
      ))}
    </Select>
  );
}
