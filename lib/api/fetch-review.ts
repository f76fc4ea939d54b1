import {
  REVIEW_MARKS_SEARCH_PATH,
  REVIEW_SEARCH_MAX,
  reviewMarkPath,
  reviewMarkResponseSchema,
  reviewMarksResponseSchema,
  type PutReviewMark,
  type ReviewMark,
} from "./review";
import { sendJson, type SendResult } from "./send-json";

/** The review page's requests: every answer parsed; a refusal is a result, never a throw. */

function parsed<T>(result: SendResult<unknown>, parse: (body: unknown) => T): SendResult<T> {
  if (!result.ok) return result;
  try {
    return { ok: true, data: parse(result.data) };
  } catch {
    return { ok: false, code: "bad_response", message: "unreadable answer", status: 200 };
  }
}

/** Every supervisor's marks on these calls, asked in chunks the route accepts. */
export async function fetchReviewMarks(callIds: readonly string[]): Promise<ReviewMark[]> {
  const marks: ReviewMark[] = [];
  for (let start = 0; start < callIds.length; start += REVIEW_SEARCH_MAX) {
    const chunk = callIds.slice(start, start + REVIEW_SEARCH_MAX);
    const result = parsed(
      await sendJson("POST", REVIEW_MARKS_SEARCH_PATH, { callIds: chunk }),
      (body) => reviewMarksResponseSchema.parse(body).marks,
    );
    // the query shows the sentence and retries; the page stays usable without marks
    if (!result.ok) throw new Error(result.message);
    marks.push(...result.data);
  }
  return marks;
}

export async function putReviewMark(
  callId: string,
  mark: PutReviewMark,
): Promise<SendResult<ReviewMark>> {
  return parsed(
    await sendJson("PUT", reviewMarkPath(callId), mark),
    (body) => reviewMarkResponseSchema.parse(body).mark,
  );
}

export async function removeReviewMark(callId: string): Promise<SendResult<{ callId: string }>> {
  return parsed(await sendJson("DELETE", reviewMarkPath(callId)), () => ({ callId }));
}
