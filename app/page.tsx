import { redirect } from "next/navigation";

import { pageAccess } from "@/lib/auth/page-access";
import { getDatabase } from "@/lib/db";
import { defaultViewTarget } from "@/lib/views/page-preferences";

export const dynamic = "force-dynamic";

/** `/` opens the person's default view (a saved view they may still open), else /calls. */
export default async function Home(): Promise<never> {
  // signed out, this goes to /login?next=/ like every other page
  const { principal } = await pageAccess("calls.view");
  redirect(await defaultViewTarget(principal, getDatabase));
}
