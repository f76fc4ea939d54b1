import { redirect } from "next/navigation";

import { pageAccess } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

export default async function Home(): Promise<never> {
  // signed out, this goes to /login?next=/ like every other page
  await pageAccess("calls.view");
  redirect("/calls");
}
