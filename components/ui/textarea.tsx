import { clsx } from "clsx";
import type { ComponentProps } from "react";

import { FIELD } from "./input";

/** A multi-line text field (a note), framed like the other fields. */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={clsx(
        FIELD,
        "aria-invalid:border-red-600 dark:aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
