"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";

/**
 * A link to another page of the app, navigated in place (the pages share the loaded calls):
 * a real `<a href>` — open in a new tab, copy, middle-click work — whose plain click the
 * router takes. Not next/link, whose prefetching costs ~6 KB of every page's first load.
 */
export function AppLink({ href, onClick, ...props }: ComponentProps<"a"> & { href: string }) {
  const router = useRouter();
  function navigate(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(href);
  }
  return <a href={href} onClick={navigate} {...props} />;
}
