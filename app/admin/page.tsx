import { redirect } from "next/navigation";

import { pageAccess } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

export default async function AdminHome(): Promise<never> {
  await pageAccess("users.manage");
  redirect("/admin/users");
}
