import { normalizePhone } from "@/lib/voicenter/phone";

import { createCallsParamsParser } from "./calls-params-core";

/**
 * The `/api/calls` parameters (`calls-params-core.ts`), phones read with libphonenumber: what
 * the server and the tests import. Browser code imports the core, so libphonenumber stays
 * out of the pages' first-load JavaScript.
 */
export * from "./calls-params-core";

export const parseCallsParams = createCallsParamsParser(normalizePhone);
