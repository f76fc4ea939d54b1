import { expect } from "vitest";

import { RecordingError } from "@/lib/server/recording-errors";

/**
 * The RecordingError a promise rejects with, checked to quote none of `forbidden` (the
 * account code, the recording link's host) in its message, stack or JSON form.
 */
export async function recordingFailure(
  promise: Promise<unknown>,
  forbidden: readonly string[],
): Promise<RecordingError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordingError);
  const recordingError = error as RecordingError;
  for (const text of [
    recordingError.message,
    String(recordingError.stack),
    JSON.stringify(recordingError),
  ]) {
    for (const secret of forbidden) expect(text).not.toContain(secret);
  }
  return recordingError;
}
