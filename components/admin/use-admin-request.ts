"use client";

import { useState } from "react";

import type { SendResult } from "@/lib/api/send-json";

import { useAdminError } from "./admin-error";

/** One admin request at a time: whether it runs, and the sentence for its refusal. */
export function useAdminRequest() {
  const explain = useAdminError();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  async function run<T>(send: () => Promise<SendResult<T>>): Promise<T | undefined> {
    setPending(true);
    setProblem(undefined);
    const result = await send();
    setPending(false);
    if (result.ok) return result.data;
    setProblem(explain(result));
    return undefined;
  }
  return { pending, problem, setProblem, run };
}
