import type { ApiOperation } from "../operation";
import { adminOperations } from "./admin";
import { callsOperations } from "./calls";
import { pagedOperations } from "./paged";
import { recordingsOperations } from "./recordings";
import { serviceOperations } from "./service";

/**
 * Every operation of Callboard's API. A new resource (audit, tokens, views, …) writes its
 * operations in a file beside these and adds them here.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...callsOperations,
  ...pagedOperations,
  ...recordingsOperations,
  ...serviceOperations,
  ...adminOperations,
];
