import { clsx } from "clsx";
import type { ComponentProps } from "react";

import { FIELD } from "./input";

/** A native select (keyboard and screen readers for free), framed like the text fields. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={clsx(FIELD, className)} {...props} />;
}
