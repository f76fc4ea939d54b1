import { useId, type ReactNode } from "react";

import { Card } from "@/components/ui/card";

/** A titled panel holding one admin form (add a user, create a token). */
export function FormCard({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card as="section" aria-labelledby={id} className="flex flex-col gap-3 p-4">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {children}
    </Card>
  );
}
