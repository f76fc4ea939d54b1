import * as z from "zod";

import { CALL_ID_PATTERN } from "@/lib/api/recording-params";
import {
  putReviewMarkSchema,
  REVIEW_MARKS_PATH,
  REVIEW_MARKS_SEARCH_PATH,
  reviewMarkRemovedSchema,
  reviewMarkResponseSchema,
  reviewMarksResponseSchema,
  reviewSearchSchema,
} from "@/lib/api/review";

import { jsonContent, WRITE_ERRORS, type ApiOperation } from "../operation";

/** The review queue's marks (supervisors): read for a set of calls, set or remove one's own. */

const callIdParameter = {
  name: "callId",
  in: "path",
  required: true,
  schema: z.string().regex(CALL_ID_PATTERN),
  description: "The recorded call's CallID.",
} as const;

export const reviewOperations: ApiOperation[] = [
  {
    method: "post",
    path: REVIEW_MARKS_SEARCH_PATH,
    operationId: "searchReviewMarks",
    tag: "review",
    summary: "Every supervisor's marks on a set of calls (supervisor)",
    description:
      "A POST because a review queue names thousands of calls. Each reviewer has at most one current mark per call; `mine` says which are the asker's.",
    requestBody: { description: "The calls' CallIDs.", content: jsonContent(reviewSearchSchema) },
    responses: {
      200: {
        description: "The marks, oldest change first.",
        content: jsonContent(reviewMarksResponseSchema, "ReviewMarks"),
      },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: "put",
    path: `${REVIEW_MARKS_PATH}/{callId}` as `/api/${string}`,
    operationId: "putReviewMark",
    tag: "review",
    summary: "Mark a recording reviewed or flagged (supervisor)",
    description:
      "Replaces the asker's own mark on the call. A flag needs a note; the score (1–5) is optional. Audited as review.mark with the mark it replaced.",
    parameters: [callIdParameter],
    requestBody: {
      description: "Status, score and note.",
      content: jsonContent(putReviewMarkSchema),
    },
    responses: {
      200: { description: "The mark as stored.", content: jsonContent(reviewMarkResponseSchema) },
    },
    errors: WRITE_ERRORS,
  },
  {
    method: "delete",
    path: `${REVIEW_MARKS_PATH}/{callId}` as `/api/${string}`,
    operationId: "removeReviewMark",
    tag: "review",
    summary: "Remove one's own mark on a recording (supervisor)",
    description: "Audited as review.unmark with what the mark was.",
    parameters: [callIdParameter],
    responses: { 200: { description: "Removed.", content: jsonContent(reviewMarkRemovedSchema) } },
    errors: [...WRITE_ERRORS, "not_found"],
  },
];
