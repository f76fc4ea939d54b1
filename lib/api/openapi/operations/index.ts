import type { ApiOperation } from "../operation";
import { adminOperations } from "./admin";
import { callbacksOperations } from "./callbacks";
import { callsOperations } from "./calls";
import { callsLiveOperations } from "./calls-live";
import { pagedOperations } from "./paged";
import { recordingsOperations } from "./recordings";
import { reviewOperations } from "./review";
import { serviceOperations } from "./service";
import { viewsOperations } from "./views";

/**
 * Every operation of Callboard's API. A new resource (audit, tokens, views, …) writes its
 * operations in a file beside these and adds them here.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...callsOperations,
  ...callsLiveOperations,
  ...pagedOperations,
  ...recordingsOperations,
  ...serviceOperations,
  ...adminOperations,
  ...reviewOperations,
  ...callbacksOperations,
  ...viewsOperations,
];
