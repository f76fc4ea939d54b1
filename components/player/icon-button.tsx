import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";

/** One of the player's round icon buttons; disabled when there is nothing to do. */
export function IconButton({
  label,
  onClick,
  testId,
  children,
}: {
  label: string;
  onClick: (() => void) | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button
      variant="ghost"
      size="icon"
      onClick={onClick}
      disabled={!onClick}
      aria-label={label}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
